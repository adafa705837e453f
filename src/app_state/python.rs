//! The page state's part of the lessons' Python: the learner's edits per lesson (kept in the
//! browser and carried by the link for the open lesson). Running the code is not page state:
//! `pyrun::session` belongs to the runner on screen.

use super::AppState;
use crate::pyrun::{code, edits};

/// What can happen to the edits.
#[derive(Debug, Clone, PartialEq)]
pub enum PyAction {
    /// The edits kept in the browser, read once at start.
    Loaded(edits::Loaded),
    /// The learner changed lesson `lesson`'s code (`None`: back to the lesson's own).
    Edit {
        lesson: String,
        code: Option<String>,
    },
}

impl AppState {
    pub(super) fn apply_python(&mut self, action: PyAction) {
        match action {
            PyAction::Loaded(loaded) => {
                // A link opened before the store was read keeps its code.
                let from_link = self.lesson.clone().zip(self.code().map(str::to_owned));
                self.edits = loaded.edits;
                self.edits_dropped = loaded.dropped;
                if let Some((lesson, code)) = from_link {
                    self.keep_edit(&lesson, Some(code));
                }
            }
            PyAction::Edit { lesson, code } => {
                let code = code.and_then(|c| code::clean(&c).ok());
                self.keep_edit(&lesson, code);
            }
        }
    }

    /// Keeps `code` as lesson `lesson`'s edit (forgotten if it is the lesson's own snippet).
    pub(super) fn keep_edit(&mut self, lesson: &str, code: Option<String>) {
        if let Some(l) = crate::lessons::by_id(lesson) {
            self.edits.set(lesson, code, l.source.snippet);
        }
    }

    /// The open lesson's edited code, if the learner (or a link) changed it.
    pub fn code(&self) -> Option<&str> {
        self.edits.get(self.lesson.as_deref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, AppState};
    use super::*;
    use crate::link;

    const LESSON: &str = "13-asyncio";

    fn edit(code: &str) -> Action {
        Action::Python(PyAction::Edit {
            lesson: LESSON.into(),
            code: Some(code.into()),
        })
    }

    #[test]
    fn an_edit_travels_in_the_link_and_comes_back() {
        let s = AppState::default()
            .apply(Action::OpenLesson(Some(LESSON)))
            .apply(edit("print('edited')\r\n"));
        assert_eq!(s.code(), Some("print('edited')\n"));
        let fragment = s.link_fragment();
        assert!(
            fragment.contains("py=print%28%27edited%27%29%0A"),
            "{fragment}"
        );
        let opened = AppState::default().apply(Action::OpenLink(link::decode(&fragment)));
        assert_eq!(opened.code(), Some("print('edited')\n"));
        assert!(opened.link_notices.is_empty());
        // Back to the lesson's own code: nothing kept, nothing in the link.
        let reset = s.apply(Action::Python(PyAction::Edit {
            lesson: LESSON.into(),
            code: None,
        }));
        assert_eq!(reset.code(), None);
        assert!(!reset.link_fragment().contains("py="));
    }

    #[test]
    fn a_hostile_link_gets_a_notice_and_the_lessons_own_code() {
        let huge = format!("lesson={LESSON}&py={}", "x".repeat(3 * code::MAX_BYTES));
        let s = AppState::default().apply(Action::OpenLink(link::decode(&huge)));
        assert_eq!(s.code(), None);
        assert!(matches!(
            s.link_notices[..],
            [link::Notice::BadCode(code::Problem::TooLong(_))]
        ));
        let nul = AppState::default().apply(Action::OpenLink(link::decode(&format!(
            "lesson={LESSON}&py=a%00b"
        ))));
        assert_eq!(nul.code(), None);
        assert_eq!(
            nul.link_notices,
            vec![link::Notice::BadCode(code::Problem::ControlCharacter)]
        );
        let alone = AppState::default().apply(Action::OpenLink(link::decode("py=print(1)")));
        assert_eq!(alone.link_notices, vec![link::Notice::CodeWithoutLesson]);
        // Far past the link's bound: not read at all.
        let too_long = format!("lesson={LESSON}&py={}", "x".repeat(link::MAX_LEN));
        let s = AppState::default().apply(Action::OpenLink(link::decode(&too_long)));
        assert!(matches!(s.link_notices[..], [link::Notice::TooLong { .. }]));
    }

    #[test]
    fn stored_edits_load_under_a_link_and_never_reach_the_history() {
        let mut stored = edits::Edits::default();
        stored.set("03-sync-vs-async", Some("print(3)\n".into()), "x");
        let s = AppState::default()
            .apply(Action::OpenLink(link::decode(&format!(
                "lesson={LESSON}&py=print(13)"
            ))))
            .apply(Action::Python(PyAction::Loaded(edits::Loaded {
                edits: stored,
                dropped: 2,
            })));
        assert_eq!(s.code(), Some("print(13)\n"));
        assert_eq!(s.edits.get("03-sync-vs-async"), Some("print(3)\n"));
        assert_eq!(s.edits_dropped, 2);
        // A lesson's own preset keeps the edit.
        let preset = crate::lessons::by_id(LESSON).unwrap().presets()[0]
            .fragment
            .clone();
        let s = s.apply(Action::OpenPreset(preset));
        assert_eq!(s.code(), Some("print(13)\n"));
    }
}
