//! The snippet honesty check: runs every lesson's `snippet.py` with CPython and holds its
//! output to the shape the lesson teaches (`pyrun::shape`). `scripts/test.sh` runs it as a
//! step of its own:
//!
//! ```sh
//! cargo run --bin check-snippets [NN ...]     # PYTHON=/usr/bin/python3 by default
//! ```
//!
//! Long snippets run at smaller sizes (`shape::SMALLER`); everything else as written, and each
//! snippet's part that runs in the browser (`live.py`) too.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use concurrency_playground::lessons::all;
    use concurrency_playground::pyrun::{catalog, shape};
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
    // Runs `code` as `name` and holds its output to `shape`; Ok(seconds).
    let run = |name: &str, code: &str, shape: &dyn Fn(&str) -> Result<(), String>| {
        let file = dir.join(format!("{}.py", name.replace('-', "_")));
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
        shape(&text)
            .map(|()| secs)
            .map_err(|e| format!("{e}\n--- output ---\n{text}"))
    };
    for lesson in all() {
        if !only.is_empty() && !only.contains(&lesson.number) {
            continue;
        }
        let n = lesson.number;
        let mut verdicts = vec![(
            lesson.id().to_string(),
            shape::for_check(n, lesson.source.snippet)
                .and_then(|code| run(lesson.id(), &code, &|out| shape::check(n, out))),
        )];
        // The part that runs in the browser (live.py), as written.
        if let Some(part) = catalog::live_part(&lesson) {
            let name = format!("{}-live", lesson.id());
            let verdict = run(&name, part, &|out| shape::check_live(n, out));
            verdicts.push((format!("{} (live.py)", lesson.id()), verdict));
        }
        for (name, verdict) in verdicts {
            match verdict {
                Ok(secs) => println!("ok    {name} ({secs:.1} s)"),
                Err(why) => {
                    failed += 1;
                    println!("FAIL  {name}: {why}");
                }
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
