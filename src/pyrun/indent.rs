//! Tab and Shift+Tab in the code editor, as Python editors do them: Tab puts four spaces at the
//! caret, or indents every line a selection touches; Shift+Tab takes up to four spaces off the
//! start of those lines. Positions are the textarea's (`selectionStart`/`selectionEnd`, counted
//! in UTF-16 units), so Chinese comments and emoji keep the caret where it was.

/// Spaces per indent level (PEP 8).
pub const WIDTH: usize = 4;

/// The editor's text and selection after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub text: String,
    /// Selection start and end in UTF-16 units.
    pub start: u32,
    pub end: u32,
}

/// The byte index of UTF-16 position `at` (clamped to the text, and to a character boundary).
fn byte_at(text: &str, at: u32) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= at as usize {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn units_of(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// The byte ranges' start of every line the selection `[a, z)` touches (a selection ending at
/// the very start of a line does not touch that line).
fn touched_lines(text: &str, a: usize, z: usize) -> Vec<usize> {
    let first = text[..a].rfind('\n').map_or(0, |i| i + 1);
    let last = if z > a && text[..z].ends_with('\n') {
        z - 1
    } else {
        z
    };
    let mut starts = vec![first];
    starts.extend(
        text[first..last]
            .match_indices('\n')
            .map(|(i, _)| first + i + 1),
    );
    starts
}

fn selection(text: &str, start: u32, end: u32) -> (usize, usize) {
    let (a, z) = (byte_at(text, start.min(end)), byte_at(text, start.max(end)));
    (a, z)
}

/// Tab: four spaces in place of the selection, or, when the selection spans lines, four more
/// at the start of each line it touches.
pub fn indent(text: &str, start: u32, end: u32) -> Edit {
    let (a, z) = selection(text, start, end);
    let pad = " ".repeat(WIDTH);
    if !text[a..z].contains('\n') {
        let out = format!("{}{pad}{}", &text[..a], &text[z..]);
        let caret = units_of(&text[..a]) + WIDTH as u32;
        return Edit {
            text: out,
            start: caret,
            end: caret,
        };
    }
    let lines = touched_lines(text, a, z);
    let mut out = String::with_capacity(text.len() + lines.len() * WIDTH);
    let mut from = 0;
    for &l in &lines {
        out.push_str(&text[from..l]);
        out.push_str(&pad);
        from = l;
    }
    out.push_str(&text[from..]);
    let (s, e) = (start.min(end), start.max(end));
    Edit {
        text: out,
        start: s + WIDTH as u32,
        end: e + (WIDTH * lines.len()) as u32,
    }
}

/// Shift+Tab: up to four leading spaces off each line the selection (or the caret) touches.
pub fn dedent(text: &str, start: u32, end: u32) -> Edit {
    let (a, z) = selection(text, start, end);
    let lines = touched_lines(text, a, z);
    let mut out = String::with_capacity(text.len());
    let (mut from, mut removed_before_a, mut removed_before_z) = (0, 0, 0);
    for &l in &lines {
        out.push_str(&text[from..l]);
        let n = text[l..]
            .bytes()
            .take(WIDTH)
            .take_while(|b| *b == b' ')
            .count();
        // The caret inside the removed spaces moves to where they were.
        removed_before_a += n.min(a.saturating_sub(l));
        removed_before_z += n.min(z.saturating_sub(l));
        from = l + n;
    }
    out.push_str(&text[from..]);
    let (s, e) = (start.min(end), start.max(end));
    Edit {
        text: out,
        start: s - removed_before_a as u32,
        end: e - removed_before_z as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` marking the selection's ends (one `|`: the caret), as the editor
    /// would hold it; and back.
    fn parse(marked: &str) -> (String, u32, u32) {
        let text = marked.replace('|', "");
        let marks: Vec<u32> = marked
            .match_indices('|')
            .enumerate()
            .map(|(k, (i, _))| units_of(&marked[..i]) - k as u32)
            .collect();
        let (s, e) = match marks[..] {
            [c] => (c, c),
            [s, e] => (s, e),
            _ => panic!("one or two marks"),
        };
        (text, s, e)
    }

    fn show(e: &Edit) -> String {
        let (a, z) = (byte_at(&e.text, e.start), byte_at(&e.text, e.end));
        if a == z {
            format!("{}|{}", &e.text[..a], &e.text[a..])
        } else {
            format!("{}|{}|{}", &e.text[..a], &e.text[a..z], &e.text[z..])
        }
    }

    fn tab(marked: &str) -> String {
        let (t, s, e) = parse(marked);
        show(&indent(&t, s, e))
    }

    fn shift_tab(marked: &str) -> String {
        let (t, s, e) = parse(marked);
        show(&dedent(&t, s, e))
    }

    #[test]
    fn tab_at_the_caret_puts_four_spaces_there() {
        assert_eq!(tab("def f():\n|pass"), "def f():\n    |pass");
        assert_eq!(tab("x = 1|"), "x = 1    |");
        assert_eq!(tab("|"), "    |");
        // A selection inside one line is replaced, as typing would.
        assert_eq!(tab("a|bc|d"), "a    |d");
    }

    #[test]
    fn tab_over_lines_indents_each_line_the_selection_touches() {
        assert_eq!(
            tab("if x:\n|a = 1\nb = 2|\nc = 3"),
            "if x:\n    |a = 1\n    b = 2|\nc = 3"
        );
        // Ending at the start of a line leaves that line alone.
        assert_eq!(tab("|a\nb\n|c"), "    |a\n    b\n|c");
        // Starting mid-line indents that whole line.
        assert_eq!(tab("ab|c\nd|"), "    ab|c\n    d|");
    }

    #[test]
    fn shift_tab_takes_up_to_four_spaces_off_each_line() {
        assert_eq!(shift_tab("    |pass"), "|pass");
        assert_eq!(shift_tab("      x|"), "  x|");
        assert_eq!(shift_tab("  |x"), "|x");
        assert_eq!(shift_tab("x|"), "x|", "nothing to take off");
        assert_eq!(shift_tab("    |a\n        b|\nc"), "|a\n    b|\nc");
        // A caret inside the spaces moves to where they were.
        assert_eq!(shift_tab("  |  x"), "|x");
        // Tabs are not spaces: left alone.
        assert_eq!(shift_tab("\t|x"), "\t|x");
    }

    #[test]
    fn positions_count_utf16_units_as_the_textarea_does() {
        // "锁" is one UTF-16 unit and three bytes; "🔒" two units and four bytes.
        assert_eq!(tab("# 锁🔒\n|x"), "# 锁🔒\n    |x");
        let (t, s, e) = parse("# 锁🔒|\nx|");
        assert_eq!((s, e), (5, 7));
        let out = indent(&t, s, e);
        assert_eq!(out.text, "    # 锁🔒\n    x");
        assert_eq!((out.start, out.end), (9, 15));
        assert_eq!(shift_tab(&show(&out)), "# 锁🔒|\nx|");
    }

    #[test]
    fn positions_past_the_end_or_backwards_are_taken_in_stride() {
        assert_eq!(indent("ab", 99, 99).text, "ab    ");
        let back = indent("a\nb", 3, 0);
        assert_eq!((back.start, back.end), (4, 11));
        assert_eq!(back.text, "    a\n    b");
    }
}
