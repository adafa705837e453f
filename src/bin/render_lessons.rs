//! Writes every lesson's notes and snippet as HTML files, which the page fetches when a lesson
//! opens: `render-lessons <dir>` (default: `$TRUNK_STAGING_DIR/lessons`). Trunk runs it as a
//! pre-build hook (see Trunk.toml), so `dist/lessons/` always matches the sources.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use concurrency_playground::lessons::{all, render};
    use std::path::PathBuf;

    let out = std::env::args().nth(1).map(PathBuf::from).or_else(|| {
        std::env::var_os("TRUNK_STAGING_DIR").map(|d| PathBuf::from(d).join("lessons"))
    });
    let Some(out) = out else {
        eprintln!("usage: render-lessons <output dir> (or set TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lessons/content");
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut written = 0;
    for lesson in all() {
        let read = |f: &str| {
            let path = format!("{content}/{}/{f}", lesson.id());
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let files = render::lesson_files(
            lesson.id(),
            &read("zh.md"),
            &read("en.md"),
            lesson.source.snippet,
        );
        let read_or_empty = |f: &str| {
            std::fs::read_to_string(format!("{content}/{}/{f}", lesson.id())).unwrap_or_default()
        };
        let steps = ["zh", "en"].into_iter().flat_map(|lang| {
            render::step_files(
                lesson.id(),
                lang,
                &read_or_empty(&format!("steps.{lang}.md")),
            )
        });
        for (name, html) in files.into_iter().chain(steps) {
            std::fs::write(out.join(&name), html).expect("write a lesson file");
            written += 1;
        }
    }
    println!("render-lessons: {written} files in {}", out.display());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
