//! Output lines as the page shows them: each with the time since the run started, live or
//! recorded alike, so the two read the same way.

/// Which stream a line was printed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// One printed line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Milliseconds since the run started.
    pub t_ms: f64,
    pub stream: Stream,
    pub text: String,
}

/// The most characters of one line kept (the rest is cut and marked).
pub const MAX_LINE_CHARS: usize = 500;

impl Line {
    pub fn new(t_ms: f64, stream: Stream, text: &str) -> Line {
        let text = if text.chars().count() > MAX_LINE_CHARS {
            let cut: String = text.chars().take(MAX_LINE_CHARS).collect();
            format!("{cut}…")
        } else {
            text.to_owned()
        };
        Line {
            t_ms: if t_ms.is_finite() { t_ms.max(0.0) } else { 0.0 },
            stream,
            text,
        }
    }
}

/// The time column: seconds since the start with milliseconds, `1.003 s`.
pub fn stamp(t_ms: f64) -> String {
    format!("{:.3} s", t_ms.max(0.0) / 1e3)
}

/// Milliseconds as the status line shows them: `850 ms`, `2.31 s`.
pub fn duration(ms: f64) -> String {
    if ms < 1_000.0 {
        format!("{:.0} ms", ms.max(0.0))
    } else {
        format!("{:.2} s", ms / 1e3)
    }
}

/// A traceback from Pyodide without the frames of Pyodide's own machinery (the code that runs
/// the learner's code), so it reads as CPython's would.
pub fn traceback(text: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("  File ") {
            skipping = line.contains("/_pyodide/") || line.contains("/pyodide/");
        } else if !line.starts_with("    ") {
            skipping = false;
        }
        if !skipping {
            out.push(line);
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracebacks_lose_pyodides_own_frames() {
        let text = "Traceback (most recent call last):\n  File \"/lib/python314.zip/_pyodide/_base.py\", line 597, in eval_code_async\n    await CodeRunner(\n    ^^^^^\n  File \"<lesson>\", line 3, in <module>\n    print(x)\nNameError: name 'x' is not defined";
        assert_eq!(
            traceback(text),
            "Traceback (most recent call last):\n  File \"<lesson>\", line 3, in <module>\n    print(x)\nNameError: name 'x' is not defined"
        );
        assert_eq!(traceback("KeyboardInterrupt"), "KeyboardInterrupt");
    }

    #[test]
    fn stamps_and_durations() {
        assert_eq!(stamp(1003.4), "1.003 s");
        assert_eq!(stamp(0.0), "0.000 s");
        assert_eq!(stamp(-5.0), "0.000 s");
        assert_eq!(duration(849.6), "850 ms");
        assert_eq!(duration(2312.0), "2.31 s");
    }

    #[test]
    fn long_lines_are_cut_and_bad_times_are_zero() {
        let line = Line::new(f64::NAN, Stream::Out, &"并".repeat(MAX_LINE_CHARS + 10));
        assert_eq!(line.t_ms, 0.0);
        assert_eq!(line.text.chars().count(), MAX_LINE_CHARS + 1);
        assert!(line.text.ends_with('…'));
    }
}
