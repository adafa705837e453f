//! Reads the lessons at build time: each note's title and sections, the snippet, the CPython
//! output recorded for it (`recorded.txt`) and its part that runs in the browser (`live.py`),
//! if any, and the presets go into the page
//! (`lessons.rs`, see `src/lessons/`). The notes' HTML does not: the `render-lessons` binary
//! writes it next to the page (a Trunk pre-build hook), and the page fetches a note when it
//! opens, so the wasm does not carry all 32 of them.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[path = "src/lessons/highlight.rs"]
mod highlight;
// Only `render` is used here; `lesson_files` is for the render-lessons binary.
#[allow(dead_code)]
#[path = "src/lessons/render.rs"]
mod render;
// Only `strip_bodies` is used here: the steps' notes are fetched, like the full notes.
#[allow(dead_code)]
#[path = "src/lessons/steps.rs"]
mod steps;

const CONTENT: &str = "src/lessons/content";

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn note_literal(note: &render::Note) -> String {
    format!(
        "Note {{ title: {:?}, sections: &{:?} }}",
        note.title, note.sections
    )
}

fn main() {
    println!("cargo:rerun-if-changed={CONTENT}");
    println!("cargo:rerun-if-changed=src/lessons/highlight.rs");
    println!("cargo:rerun-if-changed=src/lessons/render.rs");
    println!("cargo:rerun-if-changed=src/lessons/steps.rs");
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
        // The page shows the snippet rendered (fetched), and the Python runner edits and runs
        // its source.
        let snippet = format!("snippet: {:?}, ", read(&dir.join("snippet.py")));
        writeln!(
            out,
            "    LessonSource {{ dir: {:?}, zh: {}, en: {}, {}presets: {:?}, \
             steps: {:?}, steps_zh: {:?}, steps_en: {:?}, recorded: {:?}, live: {:?} }},",
            slug,
            note_literal(&render::render(&read(&zh))),
            note_literal(&render::render(&read(&en))),
            snippet,
            read(&dir.join("presets.txt")),
            read(&dir.join("steps.txt")),
            steps::strip_bodies(&read(&dir.join("steps.zh.md"))),
            steps::strip_bodies(&read(&dir.join("steps.en.md"))),
            read(&dir.join("recorded.txt")),
            read(&dir.join("live.py")),
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lessons.rs");
    fs::write(dest, out).unwrap();
}
