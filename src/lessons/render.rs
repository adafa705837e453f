//! Lesson Markdown → HTML, shared by `build.rs` (titles and sections, built into the page) and
//! `src/bin/render_lessons.rs` (the notes' HTML, written next to the page and fetched when a
//! lesson opens, so the wasm does not carry every note).
//!
//! Raw HTML in a note is shown as text, never passed through: the only HTML the page gets
//! is what this module writes.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::highlight;

/// One rendered note.
pub struct Note {
    pub title: String,
    /// The `##` headings, in order.
    pub sections: Vec<String>,
    pub html: String,
}

/// Renders a note: the `#` title comes out separately, code blocks are highlighted.
pub fn render(markdown: &str) -> Note {
    let mut title = String::new();
    let mut sections = Vec::new();
    let mut heading: Option<HeadingLevel> = None;
    let mut heading_text = String::new();
    let mut code: Option<(String, String)> = None; // (language, text)
    let mut events = Vec::new();
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level);
                heading_text.clear();
                if level != HeadingLevel::H1 {
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: None,
                        classes: vec![],
                        attrs: vec![],
                    }));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                heading = None;
                match level {
                    HeadingLevel::H1 => title = heading_text.trim().to_string(),
                    HeadingLevel::H2 => {
                        sections.push(heading_text.trim().to_string());
                        events.push(Event::End(TagEnd::Heading(level)));
                    }
                    _ => events.push(Event::End(TagEnd::Heading(level))),
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take() {
                    let body = if lang == "python" || lang == "py" {
                        highlight::python(&text)
                    } else {
                        highlight::escape(&text)
                    };
                    events.push(Event::Html(
                        format!("<pre class=\"code\"><code>{body}</code></pre>").into(),
                    ));
                }
            }
            Event::Text(text) if code.is_some() => code.as_mut().unwrap().1.push_str(&text),
            Event::Text(text) if heading.is_some() => {
                heading_text.push_str(&text);
                if heading != Some(HeadingLevel::H1) {
                    events.push(Event::Text(text));
                }
            }
            Event::Code(text) if heading.is_some() => {
                heading_text.push_str(&text);
                if heading != Some(HeadingLevel::H1) {
                    events.push(Event::Code(text));
                }
            }
            // The notes are ours, and still: markup in them is shown, not obeyed.
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            other if heading == Some(HeadingLevel::H1) => drop(other),
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Note {
        title,
        sections,
        html,
    }
}

/// The files a lesson folder renders to, as (file name, HTML): the two notes and the snippet.
/// The page fetches them as `lessons/<name>`.
pub fn lesson_files(slug: &str, zh_md: &str, en_md: &str, snippet: &str) -> [(String, String); 3] {
    [
        (format!("{slug}.zh.html"), render(zh_md).html),
        (format!("{slug}.en.html"), render(en_md).html),
        (
            format!("{slug}.py.html"),
            format!(
                "<pre class=\"code\" lang=\"en\"><code>{}</code></pre>",
                highlight::python(snippet)
            ),
        ),
    ]
}

/// Each step's note as HTML, `{slug}.{key}.{lang}.html`, from `steps.{lang}.md`; a step file
/// that does not parse writes nothing (the lessons' tests name what is wrong).
pub fn step_files(slug: &str, lang: &str, steps_md: &str) -> Vec<(String, String)> {
    super::steps::parse_text(steps_md)
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            (
                format!("{slug}.{}.{lang}.html", t.key),
                render(&t.body).html,
            )
        })
        .collect()
}
