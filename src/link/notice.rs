//! What decoding a link changed or dropped, for the page to tell the learner.
//!
//! Notices carry plain text copied from the link (percent-decoded, cut to [`MAX_CHARS`]
//! characters) and nothing else: no markup is ever produced here, and the page escapes what it
//! shows like any other text.

/// The most characters of link text a notice keeps.
pub const MAX_CHARS: usize = 40;

/// The most notices one decode reports; the rest are counted in [`Notice::Omitted`].
pub const MAX_NOTICES: usize = 24;

/// One thing the decoder did not take as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link was longer than [`super::MAX_LEN`] bytes: it was not read at all, and the
    /// defaults are used.
    TooLong { len: usize },
    /// The link comes from a newer version of the app; what this version understands is used.
    NewerVersion(u32),
    /// A key the link table does not have (or a parameter of another workload): ignored.
    UnknownField(String),
    /// A key (or an executor in `x`) given more than once: the last one is used.
    Duplicate(String),
    /// No workload has this id: the default workload (and its default sizes) is used.
    UnknownWorkload(String),
    /// No executor has this tag: dropped (the default executors are used if none is left).
    UnknownExecutor(String),
    /// A number outside its bounds, brought within them.
    Clamped {
        field: &'static str,
        from: String,
        to: u64,
    },
    /// A number field whose value is not a number: its default is used.
    NotANumber { field: &'static str },
    /// A value the field does not know (a view, language, fault kind, or an empty list):
    /// the field's default is used.
    BadValue { field: &'static str, value: String },
    /// A lesson id that is not `[a-z0-9-]{1,40}`: no lesson is opened.
    BadLesson,
    /// Edited Python (`py=`) that is out of bounds (too long, too many lines, control
    /// characters, empty): the lesson's own snippet is shown.
    BadCode(crate::pyrun::code::Problem),
    /// Edited Python without a lesson to belong to: dropped.
    CodeWithoutLesson,
    /// This many further notices were not kept.
    Omitted(usize),
}

/// Cuts link text to what a notice may hold.
pub fn clip(text: &str) -> String {
    text.chars().take(MAX_CHARS).collect()
}

/// Notices of one decode, capped at [`MAX_NOTICES`].
#[derive(Debug, Default)]
pub struct Notices {
    kept: Vec<Notice>,
    omitted: usize,
}

impl Notices {
    pub fn push(&mut self, notice: Notice) {
        if self.kept.len() < MAX_NOTICES {
            self.kept.push(notice);
        } else {
            self.omitted += 1;
        }
    }

    pub fn finish(mut self) -> Vec<Notice> {
        if self.omitted > 0 {
            self.kept.push(Notice::Omitted(self.omitted));
        }
        self.kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_counts_characters_not_bytes() {
        let long = "并".repeat(100);
        assert_eq!(clip(&long).chars().count(), MAX_CHARS);
        assert_eq!(clip("abc"), "abc");
    }

    #[test]
    fn notices_are_capped_and_the_rest_counted() {
        let mut n = Notices::default();
        for _ in 0..MAX_NOTICES + 5 {
            n.push(Notice::BadLesson);
        }
        let all = n.finish();
        assert_eq!(all.len(), MAX_NOTICES + 1);
        assert_eq!(all.last(), Some(&Notice::Omitted(5)));
    }
}
