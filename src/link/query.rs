//! Splitting a fragment into `key=value` pairs, and percent-escaping in both directions.

/// One `key=value` pair, percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub key: String,
    pub value: String,
}

/// Splits `a=1&b=2` into pairs. Empty pairs (`&&`) are skipped; a pair without `=` has an
/// empty value. Keys and values are percent-decoded; invalid escapes stay as written and
/// invalid UTF-8 becomes U+FFFD, so any input gives some pairs and never an error.
pub fn split(fragment: &str) -> Vec<Pair> {
    fragment
        .split('&')
        .filter(|raw| !raw.is_empty())
        .map(|raw| {
            let (key, value) = raw.split_once('=').unwrap_or((raw, ""));
            Pair {
                key: unescape(key),
                value: unescape(value),
            }
        })
        .collect()
}

/// Decodes `%XX` escapes. `+` is kept as it is (a fragment is not a form body).
pub fn unescape(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex(hi).zip(hex(lo)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// Escapes everything but `A-Z a-z 0-9 - . _ ~ , :` (the characters the link's own values
/// use), so that any text survives a round trip through [`split`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(key: &str, value: &str) -> Pair {
        Pair {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn splits_pairs_and_skips_empty_ones() {
        assert_eq!(
            split("&&a=1&&&b&=3&c=x=y&"),
            vec![
                pair("a", "1"),
                pair("b", ""),
                pair("", "3"),
                pair("c", "x=y")
            ]
        );
        assert!(split("").is_empty());
        assert!(split("&&&").is_empty());
    }

    #[test]
    fn unescapes_valid_escapes_and_keeps_broken_ones() {
        assert_eq!(unescape("a%20b%2Cc"), "a b,c");
        assert_eq!(unescape("%e5%b9%b6"), "并");
        assert_eq!(unescape("100%"), "100%");
        assert_eq!(unescape("%4"), "%4");
        assert_eq!(unescape("%zz%"), "%zz%");
        assert_eq!(unescape("a+b"), "a+b");
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        assert_eq!(unescape("%ff%fe"), "\u{fffd}\u{fffd}");
        assert_eq!(unescape("%e5%b9"), "\u{fffd}");
    }

    #[test]
    fn escape_round_trips_any_text() {
        for text in ["plain-text_1.2~3", "a&b=c", "并发 %25 <script>", "", "+#?"] {
            assert_eq!(unescape(&escape(text)), text);
            assert!(!escape(text).contains(['&', '=', '#', ' ', '<']));
        }
    }
}
