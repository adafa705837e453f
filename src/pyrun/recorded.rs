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
    /// A free-threaded build (no GIL), or one with the GIL.
    pub free_threaded: bool,
    /// `x86_64`.
    pub arch: String,
    /// The CPU model, `AMD EPYC`.
    pub cpu: String,
    /// Logical CPUs (`os.cpu_count()`).
    pub cpus: u32,
    /// `2026-12-04`.
    pub date: String,
    /// The one-minute load average just before the snippet ended (others' work on the machine).
    pub load: f64,
    /// The exit status and the whole run's time in seconds.
    pub exit: i32,
    pub total_s: f64,
    pub lines: Vec<Line>,
}

/// Reads a recording; `None` if the text is empty or not in the format above.
pub fn parse(text: &str) -> Option<Recorded> {
    let mut rec = Recorded {
        python: String::new(),
        free_threaded: false,
        arch: String::new(),
        cpu: String::new(),
        cpus: 0,
        date: String::new(),
        load: 0.0,
        exit: -1,
        total_s: 0.0,
        lines: Vec::new(),
    };
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("# ") {
            let (key, value) = header.split_once(": ")?;
            match key {
                "python" => rec.python = value.to_owned(),
                "build" => rec.free_threaded = value == "free-threaded",
                "machine" => {
                    // `x86_64, AMD EPYC, 2 logical CPUs` (the model may hold commas).
                    let (arch, rest) = value.split_once(", ")?;
                    let (cpu, cpus) = rest.rsplit_once(", ")?;
                    rec.arch = arch.to_owned();
                    rec.cpu = cpu.to_owned();
                    rec.cpus = cpus.strip_suffix(" logical CPUs")?.parse().ok()?;
                }
                "recorded" => {
                    // `2026-12-04, load average 0.80 before the end`.
                    let (date, load) = value.split_once(", load average ")?;
                    rec.date = date.to_owned();
                    rec.load = load.strip_suffix(" before the end")?.parse().ok()?;
                }
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
    (!rec.python.is_empty() && rec.cpus > 0 && !rec.date.is_empty() && rec.exit >= 0).then_some(rec)
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
        assert_eq!(
            (rec.arch.as_str(), rec.cpu.as_str(), rec.cpus),
            ("x86_64", "AMD EPYC", 2)
        );
        assert_eq!(
            (rec.date.as_str(), rec.load, rec.free_threaded),
            ("2026-12-04", 0.8, false)
        );
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
        let no_cpus = "# python: CPython 3.11\n# machine: x86_64, AMD, many\n# recorded: 2026-12-04, load average 1.00 before the end\n# exit: 0, 1.0 s in all\n";
        assert_eq!(parse(no_cpus), None);
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
            assert!(rec.cpus >= 1 && !rec.free_threaded, "{}", lesson.id());
        }
    }
}
