//! Renders the lessons' Markdown notes and Python snippets to HTML at build time, so the page
//! ships ready HTML and neither a Markdown parser nor a highlighter (see `src/lessons/`).
//!
//! Raw HTML in a note is shown as text, never passed through: the only HTML the page gets
//! is what this script writes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[path = "src/lessons/highlight.rs"]
mod highlight;

const CONTENT: &str = "src/lessons/content";

struct Note {
    title: String,
    sections: Vec<String>,
    html: String,
}

fn render(markdown: &str) -> Note {
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

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn note_literal(note: &Note) -> String {
    format!(
        "Note {{ title: {:?}, sections: &{:?}, html: {:?} }}",
        note.title, note.sections, note.html
    )
}

fn main() {
    println!("cargo:rerun-if-changed={CONTENT}");
    println!("cargo:rerun-if-changed=src/lessons/highlight.rs");
    let mut dirs: Vec<_> = fs::read_dir(CONTENT)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let mut out = String::from("pub static SOURCES: &[LessonSource] = &[\n");
    for dir in dirs {
        let (zh, en) = (dir.join("zh.md"), dir.join("en.md"));
        if !zh.exists() || !en.exists() {
            continue;
        }
        let slug = dir.file_name().unwrap().to_string_lossy().to_string();
        let snippet = read(&dir.join("snippet.py"));
        writeln!(
            out,
            "    LessonSource {{ dir: {:?}, zh: {}, en: {}, snippet: {:?}, snippet_html: {:?}, presets: {:?} }},",
            slug,
            note_literal(&render(&read(&zh))),
            note_literal(&render(&read(&en))),
            snippet,
            highlight::python(&snippet),
            read(&dir.join("presets.txt")),
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lessons.rs");
    fs::write(dest, out).unwrap();
}
