//! The learner's edits to the lessons' snippets, kept in the browser (`web::python_store`
//! writes this text to `localStorage`).
//!
//! Stored text: a first line `py-edits 1`, then one `lesson=code` line per edited lesson, the
//! code escaped as a link value is (`link::query::escape`, so a line holds no newline). Reading
//! never fails: a line that is not a valid lesson id and valid code ([`super::code::clean`]) is
//! dropped alone and counted; text with another first line is ignored whole.

use std::collections::BTreeMap;

use super::code;
use crate::link::fields::is_lesson_id;
use crate::link::query::{escape, unescape};

/// The first line of the stored text.
pub const HEADER: &str = "py-edits 1";
/// The most lessons with an edit kept (there are 16 lessons; room for renamed ones).
pub const MAX_LESSONS: usize = 32;

/// Edited code per lesson id; a lesson without an entry shows its own snippet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edits(BTreeMap<String, String>);

/// What reading stored text made of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub edits: Edits,
    /// Lines that could not be read (or whole text in an unknown format, counted as 1).
    pub dropped: usize,
}

impl Edits {
    /// The edit for `lesson`, if any.
    pub fn get(&self, lesson: &str) -> Option<&str> {
        self.0.get(lesson).map(String::as_str)
    }

    /// Keeps `code` for `lesson` (already cleaned), or forgets the edit when `code` is `None`
    /// or the lesson's own snippet. A new lesson past [`MAX_LESSONS`] is not kept.
    pub fn set(&mut self, lesson: &str, code: Option<String>, original: &str) {
        match code.filter(|c| code::is_edit(original, c)) {
            Some(c) if self.0.contains_key(lesson) || self.0.len() < MAX_LESSONS => {
                self.0.insert(lesson.to_owned(), c);
            }
            Some(_) => {}
            None => {
                self.0.remove(lesson);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        for (lesson, code) in &self.0 {
            out.push('\n');
            out.push_str(lesson);
            out.push('=');
            out.push_str(&escape(code));
        }
        out
    }

    /// Reads stored text (see the module's notes); `None` (nothing stored) reads as no edits.
    pub fn decode(text: Option<&str>) -> Loaded {
        let Some(text) = text else {
            return Loaded::default();
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Loaded {
                edits: Edits::default(),
                dropped: usize::from(!text.trim().is_empty()),
            };
        }
        let mut loaded = Loaded::default();
        for line in lines.filter(|l| !l.is_empty()) {
            let entry = line.split_once('=').and_then(|(lesson, value)| {
                let code = code::clean(&unescape(value)).ok()?;
                is_lesson_id(lesson).then(|| (lesson.to_owned(), code))
            });
            match entry {
                Some((lesson, code)) if loaded.edits.0.len() < MAX_LESSONS => {
                    loaded.edits.0.insert(lesson, code);
                }
                _ => loaded.dropped += 1,
            }
        }
        loaded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "print('lesson')\n";

    #[test]
    fn round_trips_and_forgets_unchanged_code() {
        let mut edits = Edits::default();
        edits.set(
            "13-asyncio",
            Some("print('并发 & =')\n\tx = 1\n".into()),
            ORIGINAL,
        );
        edits.set("03-sync-vs-async", Some(ORIGINAL.into()), ORIGINAL);
        assert_eq!(edits.len(), 1);
        let text = edits.encode();
        assert_eq!(text.lines().count(), 2);
        let loaded = Edits::decode(Some(&text));
        assert_eq!(
            loaded,
            Loaded {
                edits: edits.clone(),
                dropped: 0
            }
        );
        edits.set("13-asyncio", None, ORIGINAL);
        assert!(edits.is_empty());
    }

    #[test]
    fn a_bad_line_is_dropped_alone() {
        let text = format!(
            "{HEADER}\n13-asyncio=print(1)\nNOT A LESSON=x\n03-x=%00\n04-x\n05-x={}\n\n",
            "x".repeat(code::MAX_BYTES + 1)
        );
        let loaded = Edits::decode(Some(&text));
        assert_eq!(loaded.edits.get("13-asyncio"), Some("print(1)\n"));
        assert_eq!(loaded.edits.len(), 1);
        assert_eq!(loaded.dropped, 4);
    }

    #[test]
    fn unknown_text_is_ignored_and_nothing_stored_is_no_edits() {
        assert_eq!(Edits::decode(Some("{\"json\": 1}")).dropped, 1);
        assert!(Edits::decode(Some("{\"json\": 1}")).edits.is_empty());
        assert_eq!(Edits::decode(None), Loaded::default());
        assert_eq!(Edits::decode(Some("")).dropped, 0);
    }

    #[test]
    fn the_number_of_lessons_is_capped() {
        let mut edits = Edits::default();
        for i in 0..MAX_LESSONS + 3 {
            edits.set(&format!("l{i}"), Some(format!("print({i})\n")), ORIGINAL);
        }
        assert_eq!(edits.len(), MAX_LESSONS);
        // An existing edit may still change.
        edits.set("l0", Some("print('again')\n".into()), ORIGINAL);
        assert_eq!(edits.get("l0"), Some("print('again')\n"));
    }
}
