//! The snippet honesty check: runs every lesson's `snippet.py` with CPython and holds its
//! output to the shape the lesson teaches (`pyrun::shape`). `scripts/test.sh` runs it as a
//! step of its own:
//!
//! ```sh
//! cargo run --bin check-snippets [NN ...]     # PYTHON=/usr/bin/python3 by default
//! ```
//!
//! Long snippets run at smaller sizes (`shape::SMALLER`); everything else as written.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use concurrency_playground::lessons::all;
    use concurrency_playground::pyrun::shape;
    use std::process::Command;
    use std::time::Instant;

    let python = std::env::var("PYTHON").unwrap_or_else(|_| {
        if std::path::Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3".into()
        } else {
            "python3".into()
        }
    });
    let only: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let dir = std::env::temp_dir().join(format!("check-snippets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let mut failed = 0;
    for lesson in all() {
        if !only.is_empty() && !only.contains(&lesson.number) {
            continue;
        }
        let verdict = shape::for_check(lesson.number, lesson.source.snippet).and_then(|code| {
            let file = dir.join(format!("{}.py", lesson.id().replace('-', "_")));
            std::fs::write(&file, code).map_err(|e| e.to_string())?;
            let start = Instant::now();
            let out = Command::new(&python)
                .arg("-u")
                .arg(&file)
                .current_dir(&dir)
                .output()
                .map_err(|e| format!("{python}: {e}"))?;
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout).replace('\r', "\n"),
                String::from_utf8_lossy(&out.stderr)
            );
            let secs = start.elapsed().as_secs_f64();
            if !out.status.success() {
                return Err(format!("exit {:?}\n{text}", out.status.code()));
            }
            shape::check(lesson.number, &text)
                .map(|()| secs)
                .map_err(|e| format!("{e}\n--- output ---\n{text}"))
        });
        match verdict {
            Ok(secs) => println!("ok    {} ({secs:.1} s)", lesson.id()),
            Err(why) => {
                failed += 1;
                println!("FAIL  {}: {why}", lesson.id());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    if failed > 0 {
        eprintln!("{failed} snippet(s) do not show what their lesson says");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
