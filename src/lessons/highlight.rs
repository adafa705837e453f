//! A small Python syntax highlighter for the lessons' snippets: HTML-escaped text with
//! `<span class="tok-…">` around keywords, built-ins, strings, comments, numbers and
//! decorators. It runs at build time (`build.rs` includes this file), so the page ships
//! highlighted HTML and no highlighter.
//!
//! Self-contained on purpose (no `crate::` paths): `build.rs` compiles it on its own.

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "range",
    "len",
    "list",
    "dict",
    "set",
    "tuple",
    "int",
    "str",
    "float",
    "sum",
    "min",
    "max",
    "sorted",
    "enumerate",
    "zip",
    "map",
    "open",
    "isinstance",
    "super",
    "self",
];

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"tok-");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape(text));
    out.push_str("</span>");
}

/// Highlights Python source as HTML (without the surrounding `<pre><code>`).
pub fn python(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            span(&mut out, "comment", &text(i, end));
            i = end;
        } else if c == '"' || c == '\'' {
            let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
            let end = if triple {
                let mut j = i + 3;
                while j + 2 < chars.len()
                    && !(chars[j] == c && chars[j + 1] == c && chars[j + 2] == c)
                {
                    j += 1;
                }
                (j + 3).min(chars.len())
            } else {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != c && chars[j] != '\n' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                (j + 1).min(chars.len())
            };
            span(&mut out, "string", &text(i, end));
            i = end;
        } else if c == '@' && (i == 0 || chars[i - 1] == '\n' || chars[i - 1] == ' ') {
            let end = chars[i..]
                .iter()
                .position(|c| !(c.is_alphanumeric() || *c == '_' || *c == '.' || *c == '@'))
                .map_or(chars.len(), |p| i + p);
            span(&mut out, "decorator", &text(i, end));
            i = end;
        } else if c.is_ascii_digit() {
            let end = chars[i..]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '.'))
                .map_or(chars.len(), |p| i + p);
            span(&mut out, "number", &text(i, end));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let end = chars[i..]
                .iter()
                .position(|c| !(c.is_alphanumeric() || *c == '_'))
                .map_or(chars.len(), |p| i + p);
            let word = text(i, end);
            if KEYWORDS.contains(&word.as_str()) {
                span(&mut out, "keyword", &word);
            } else if BUILTINS.contains(&word.as_str()) {
                span(&mut out, "builtin", &word);
            } else {
                out.push_str(&escape(&word));
            }
            i = end;
        } else {
            out.push_str(&escape(&c.to_string()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_keywords_strings_comments_and_numbers() {
        let html = python("def f(x):  # square\n    return x ** 2, 'a<b'\n");
        assert!(html.contains(r#"<span class="tok-keyword">def</span>"#));
        assert!(html.contains(r#"<span class="tok-comment"># square</span>"#));
        assert!(html.contains(r#"<span class="tok-keyword">return</span>"#));
        assert!(html.contains(r#"<span class="tok-number">2</span>"#));
        assert!(html.contains(r#"<span class="tok-string">&#39;a&lt;b&#39;</span>"#));
    }

    #[test]
    fn escapes_everything_and_keeps_the_text() {
        let source = "x = \"<script>alert('&')</script>\"\n@decorator\nasync def g(): await h()\n'''doc\n'''";
        let html = python(source);
        assert!(!html.contains("<script>"));
        // Stripping the markup gives back the source, escaped.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert_eq!(plain, escape(source));
        assert!(html.contains(r#"<span class="tok-decorator">@decorator</span>"#));
    }

    #[test]
    fn unterminated_strings_do_not_panic() {
        for s in ["'abc", "\"\"\"never closed", "'\\", "#", "@", "0x"] {
            let _ = python(s);
        }
    }
}
