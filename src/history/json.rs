//! The little JSON the exports write: escaped strings and numbers (no parser, no serde).

/// `text` as a JSON string literal. Escapes quotes, backslashes and control characters, and
/// also U+2028 / U+2029, which some JavaScript parsers take as line ends inside strings.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A finite number as JSON (shortest form that reads back exactly); `null` otherwise, since JSON
/// has no NaN or infinity.
pub fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "null".into()
    }
}

/// An optional number: `null` when absent.
pub fn opt_number(value: Option<f64>) -> String {
    value.map_or_else(|| "null".into(), number)
}

/// `{"k":v,…}` from already-encoded values, in the order given.
pub fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", string(k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_json_requires() {
        assert_eq!(string("plain"), r#""plain""#);
        assert_eq!(string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(string("line\nnext\r\t"), r#""line\nnext\r\t""#);
        assert_eq!(string("\u{1}\u{1f}"), r#""\u0001\u001f""#);
        assert_eq!(string("\u{2028}并发"), "\"\\u2028并发\"");
    }

    #[test]
    fn numbers_are_finite_or_null() {
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(f64::NAN), "null");
        assert_eq!(number(f64::INFINITY), "null");
        assert_eq!(opt_number(None), "null");
        assert_eq!(
            object(&[("a", number(1.0)), ("b", string("x"))]),
            r#"{"a":1,"b":"x"}"#
        );
    }
}
