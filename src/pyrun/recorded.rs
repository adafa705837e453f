//! Output CPython printed for a snippet on a real machine, committed beside the snippet as
//! `recorded.txt` by `tests/snippets/record.py`:
//!
//! ```text
//! # python: CPython 3.11.2
//! # build: with the GIL
//! # machine: x86_64, AMD EPYC, 2 logical CPUs
//! # os: Linux 6.1
//! # recorded: 2026-12-04, load average 0.80 before the end
//! # exit: 0, 2.369 s in all
//! 0.953<TAB>two counters, one after the other: 0.94 s
//! ```
//!
//! Each output line starts with the seconds since the snippet started.

use super::output::{Line, Stream};

/// A recording: where it was made, and what was printed when.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// `CPython 3.11.2`.
    pub python: String,
    /// `with the GIL` or `free-threaded`.
    pub build: String,
    /// Architecture, CPU model and logical CPUs.
    pub machine: String,
    /// The date, and the load average when it was made.
    pub recorded: String,
    /// The exit status and the whole run's time in seconds.
    pub exit: i32,
    pub total_s: f64,
    pub lines: Vec<Line>,
}

/// Reads a recording; `None` if the text is empty or not in the format above.
pub fn parse(text: &str) -> Option<Recorded> {
    let mut rec = Recorded {
        python: String::new(),
        build: String::new(),
        machine: String::new(),
        recorded: String::new(),
        exit: -1,
        total_s: 0.0,
        lines: Vec::new(),
    };
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("# ") {
            let (key, value) = header.split_once(": ")?;
            match key {
                "python" => rec.python = value.to_owned(),
                "build" => rec.build = value.to_owned(),
                "machine" => rec.machine = value.to_owned(),
                "recorded" => rec.recorded = value.to_owned(),
                "exit" => {
                    let (code, total) = value.split_once(", ")?;
                    rec.exit = code.parse().ok()?;
                    rec.total_s = total.strip_suffix(" s in all")?.parse().ok()?;
                }
                _ => {}
            }
        } else {
            let (t, out) = line.split_once('\t')?;
            let t: f64 = t.parse().ok()?;
            rec.lines.push(Line::new(t * 1e3, Stream::Out, out));
        }
    }
    (!rec.python.is_empty() && !rec.machine.is_empty() && rec.exit >= 0).then_some(rec)
}

/// The lines' text, one per line, as the shape checks read output.
pub fn text(rec: &Recorded) -> String {
    rec.lines.iter().map(|l| format!("{}\n", l.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_recording() {
        let text = "# python: CPython 3.11.2\n# build: with the GIL\n# machine: x86_64, AMD EPYC, 2 logical CPUs\n# os: Linux\n# recorded: 2026-12-04, load average 0.80 before the end\n# exit: 0, 2.369 s in all\n0.953\tserial: 0.94 s\n2.061\t\n";
        let rec = parse(text).unwrap();
        assert_eq!(rec.python, "CPython 3.11.2");
        assert_eq!(rec.exit, 0);
        assert_eq!(rec.total_s, 2.369);
        assert_eq!(rec.lines.len(), 2);
        assert_eq!(rec.lines[0].t_ms, 953.0);
        assert_eq!(rec.lines[1].text, "");
    }

    #[test]
    fn refuses_what_is_not_a_recording() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("hello\n"), None);
        assert_eq!(parse("# python: CPython\n# exit: 0, 1.0 s in all\n"), None);
        assert_eq!(parse("# python: x\n# machine: y\n# exit: zero\n"), None);
    }

    #[test]
    fn every_committed_recording_reads_and_exited_cleanly() {
        for lesson in crate::lessons::all() {
            if lesson.source.recorded.is_empty() {
                continue;
            }
            let rec = parse(lesson.source.recorded).unwrap_or_else(|| panic!("{}", lesson.id()));
            assert_eq!(rec.exit, 0, "{}", lesson.id());
            assert!(!rec.lines.is_empty(), "{}", lesson.id());
            assert!(rec.machine.contains("logical CPUs"), "{}", lesson.id());
        }
    }
}
