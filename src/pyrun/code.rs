//! Code a learner edits or a link carries: bounded and cleaned before it is kept, stored or
//! put in a link. Nothing here runs it: code from a link runs only when the learner presses Run.

/// The most bytes of code kept for one lesson (the longest snippet is about 2 KB).
pub const MAX_BYTES: usize = 4_000;
/// The most lines of code kept for one lesson.
pub const MAX_LINES: usize = 200;

/// Why code was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Longer than [`MAX_BYTES`] (its length in bytes).
    TooLong(usize),
    /// More than [`MAX_LINES`] lines (its line count).
    TooManyLines(usize),
    /// A control character other than tab and newline (a NUL, an escape sequence…).
    ControlCharacter,
    /// Nothing but white space.
    Empty,
}

/// `text` as code the page may keep: line ends made `\n`, trailing white space of the whole
/// text trimmed to one newline, and every bound checked.
pub fn clean(text: &str) -> Result<String, Problem> {
    if text.len() > MAX_BYTES * 2 {
        // Not worth normalising: far past the bound whatever the line ends.
        return Err(Problem::TooLong(text.len()));
    }
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = unified.trim_end();
    if trimmed.trim().is_empty() {
        return Err(Problem::Empty);
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Problem::ControlCharacter);
    }
    let code = format!("{trimmed}\n");
    if code.len() > MAX_BYTES {
        return Err(Problem::TooLong(code.len()));
    }
    let lines = code.lines().count();
    if lines > MAX_LINES {
        return Err(Problem::TooManyLines(lines));
    }
    Ok(code)
}

/// Whether `edited` differs from the lesson's `original` (line ends and trailing blank lines
/// aside): an unchanged snippet is not kept as an edit.
pub fn is_edit(original: &str, edited: &str) -> bool {
    clean(original).ok() != clean(edited).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_line_ends_and_trailing_space() {
        assert_eq!(
            clean("a = 1\r\nprint(a)\r\n\n  \n").unwrap(),
            "a = 1\nprint(a)\n"
        );
        assert_eq!(clean("x\ry").unwrap(), "x\ny\n");
        assert_eq!(clean("\tif x:\n\t\tpass").unwrap(), "\tif x:\n\t\tpass\n");
        assert_eq!(clean("print('并发')").unwrap(), "print('并发')\n");
    }

    #[test]
    fn refuses_what_is_out_of_bounds() {
        assert_eq!(clean(""), Err(Problem::Empty));
        assert_eq!(clean(" \n\t\n"), Err(Problem::Empty));
        assert_eq!(clean("a\0b"), Err(Problem::ControlCharacter));
        assert_eq!(clean("print('\u{1b}[2J')"), Err(Problem::ControlCharacter));
        let long = "x = 1\n".repeat(MAX_BYTES / 6 + 1);
        assert!(matches!(clean(&long), Err(Problem::TooLong(_))));
        assert!(matches!(
            clean(&"x".repeat(10 * MAX_BYTES)),
            Err(Problem::TooLong(_))
        ));
        let many = "\n".repeat(MAX_LINES) + "x";
        assert_eq!(clean(&many), Err(Problem::TooManyLines(MAX_LINES + 1)));
        let at_cap = "x".repeat(MAX_BYTES - 1);
        assert_eq!(clean(&at_cap).unwrap().len(), MAX_BYTES);
    }

    #[test]
    fn every_snippet_fits_the_bounds() {
        for lesson in crate::lessons::all() {
            assert!(clean(lesson.source.snippet).is_ok(), "{}", lesson.id());
            assert!(!is_edit(lesson.source.snippet, lesson.source.snippet));
        }
        assert!(is_edit("a = 1\n", "a = 2\n"));
        assert!(!is_edit("a = 1\n", "a = 1\r\n\n"));
    }
}
