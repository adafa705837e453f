//! The learner's progress through the lessons, kept in the browser between visits: which
//! lessons were opened and how many demos were run in each.
//!
//! Pure: the page (`web::progress_store`) loads the stored text, feeds events through
//! [`ProgressState::apply`] and saves [`Progress::encode`]. Stored text is not trusted: a
//! value the page did not write (edited, truncated, from another app) resets the progress
//! with a notice instead of being half-read.

use std::collections::BTreeMap;

use crate::lessons;

/// The stored format's version, the text's first field.
const VERSION: &str = "p1";
/// Stored text longer than this is not ours (sixteen lessons take a few hundred bytes).
pub const MAX_STORED: usize = 4_096;
/// The most demos counted per lesson.
pub const MAX_DEMOS: u32 = 9_999;

/// Per lesson id: opened (present) and demos run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    lessons: BTreeMap<String, u32>,
}

impl Progress {
    pub fn opened(&self, id: &str) -> bool {
        self.lessons.contains_key(id)
    }

    /// Demos run in lesson `id`.
    pub fn demos(&self, id: &str) -> u32 {
        self.lessons.get(id).copied().unwrap_or(0)
    }

    pub fn opened_count(&self) -> usize {
        self.lessons.len()
    }

    pub fn demos_total(&self) -> u32 {
        self.lessons.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.lessons.is_empty()
    }

    /// Records a lesson opened; ids that are not lessons are ignored.
    pub fn open(&mut self, id: &str) {
        if lessons::by_id(id).is_some() {
            self.lessons.entry(id.to_string()).or_insert(0);
        }
    }

    /// Records a demo run in lesson `id` (which counts as opened too).
    pub fn ran(&mut self, id: &str) {
        if lessons::by_id(id).is_some() {
            let n = self.lessons.entry(id.to_string()).or_insert(0);
            *n = (*n + 1).min(MAX_DEMOS);
        }
    }

    /// The stored text: `p1;03-sync-vs-async=2;04-blocking-vs-non-blocking=0`.
    pub fn encode(&self) -> String {
        let mut out = VERSION.to_string();
        for (id, n) in &self.lessons {
            out.push_str(&format!(";{id}={n}"));
        }
        out
    }

    /// Reads stored text. Lessons this version does not know are dropped quietly (they may
    /// come from a newer version); anything malformed makes the whole value [`Loaded::Corrupt`].
    pub fn decode(text: &str) -> Loaded {
        if text.len() > MAX_STORED {
            return Loaded::Corrupt;
        }
        let mut fields = text.split(';');
        if fields.next() != Some(VERSION) {
            return Loaded::Corrupt;
        }
        let mut progress = Progress::default();
        for field in fields {
            let Some((id, n)) = field.split_once('=') else {
                return Loaded::Corrupt;
            };
            let well_formed = crate::link::fields::is_lesson_id(id)
                && !n.is_empty()
                && n.len() <= 6
                && n.bytes().all(|b| b.is_ascii_digit());
            if !well_formed {
                return Loaded::Corrupt;
            }
            if lessons::by_id(id).is_some() {
                let n: u32 = n.parse().unwrap_or(MAX_DEMOS);
                progress.lessons.insert(id.to_string(), n.min(MAX_DEMOS));
            }
        }
        Loaded::Restored(progress)
    }
}

/// What the page found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored (a first visit, or storage unavailable).
    Nothing,
    Restored(Progress),
    /// Something stored that is not valid progress: start afresh, and say so.
    Corrupt,
}

/// Something the page tells the learner about their progress record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressNotice {
    /// The stored progress could not be read and was reset.
    Reset,
    /// The browser would not store it (storage disabled or full): kept for this visit only.
    CannotSave,
}

/// The progress and what to tell the learner about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProgressState {
    pub progress: Progress,
    pub notice: Option<ProgressNotice>,
}

/// What can happen to the progress record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressAction {
    Loaded(Loaded),
    Opened(String),
    Ran(String),
    /// The learner asked to forget it all.
    Reset,
    SaveFailed,
    DismissNotice,
}

impl ProgressState {
    pub fn apply(mut self, action: ProgressAction) -> Self {
        match action {
            ProgressAction::Loaded(Loaded::Nothing) => {}
            ProgressAction::Loaded(Loaded::Restored(progress)) => self.progress = progress,
            ProgressAction::Loaded(Loaded::Corrupt) => {
                self.progress = Progress::default();
                self.notice = Some(ProgressNotice::Reset);
            }
            ProgressAction::Opened(id) => self.progress.open(&id),
            ProgressAction::Ran(id) => self.progress.ran(&id),
            ProgressAction::Reset => {
                self.progress = Progress::default();
                if self.notice == Some(ProgressNotice::Reset) {
                    self.notice = None;
                }
            }
            // Said once: a browser that cannot store fails every save.
            ProgressAction::SaveFailed => self.notice = Some(ProgressNotice::CannotSave),
            ProgressAction::DismissNotice => self.notice = None,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<&'static str> {
        lessons::all().iter().map(|l| l.id()).collect()
    }

    #[test]
    fn opening_and_running_are_counted_per_lesson() {
        let [a, b] = [ids()[2], ids()[3]];
        let mut p = Progress::default();
        p.open(a);
        p.open(a);
        p.ran(b);
        p.ran(b);
        p.open("not-a-lesson");
        p.ran("not-a-lesson");
        assert!(p.opened(a) && p.opened(b));
        assert_eq!((p.demos(a), p.demos(b)), (0, 2));
        assert_eq!((p.opened_count(), p.demos_total()), (2, 2));
    }

    #[test]
    fn round_trips_through_its_text() {
        let mut p = Progress::default();
        for (i, id) in ids().into_iter().enumerate() {
            p.open(id);
            for _ in 0..i {
                p.ran(id);
            }
        }
        let text = p.encode();
        assert!(text.len() < MAX_STORED / 4, "{}", text.len());
        assert_eq!(Progress::decode(&text), Loaded::Restored(p));
        assert_eq!(
            Progress::decode("p1"),
            Loaded::Restored(Progress::default())
        );
    }

    #[test]
    fn anything_malformed_is_corrupt_never_half_read() {
        let good = format!("p1;{}=2", ids()[0]);
        assert!(matches!(Progress::decode(&good), Loaded::Restored(_)));
        for bad in [
            "",
            "{\"opened\":[1,2]}",
            "p2;01-x=1",
            "p1;",
            &format!("{good};{}", ids()[1]),
            &format!("{good};{}=-1", ids()[1]),
            &format!("{good};{}=1e3", ids()[1]),
            &format!("{good};{}=12345678", ids()[1]),
            "p1;<script>=1",
            &format!("p1;{}=1", "a".repeat(41)),
            &"p1;01-x=1".repeat(1_000),
            "p1;03-sync-vs-async=2\u{0}",
        ] {
            assert_eq!(Progress::decode(bad), Loaded::Corrupt, "{bad:?}");
        }
    }

    #[test]
    fn unknown_lessons_are_dropped_and_counts_capped() {
        let a = ids()[0];
        let text = format!("p1;{a}=999999;99-from-the-future=3");
        let Loaded::Restored(p) = Progress::decode(&text) else {
            panic!("{text}")
        };
        assert_eq!(p.demos(a), MAX_DEMOS);
        assert_eq!(p.opened_count(), 1);
    }

    #[test]
    fn state_resets_on_corruption_with_a_notice_and_on_request() {
        let a = ids()[0].to_string();
        let s = ProgressState::default()
            .apply(ProgressAction::Loaded(Loaded::Corrupt))
            .apply(ProgressAction::Opened(a.clone()))
            .apply(ProgressAction::Ran(a.clone()));
        assert_eq!(s.notice, Some(ProgressNotice::Reset));
        assert_eq!(s.progress.demos(&a), 1);
        let s = s.apply(ProgressAction::Reset);
        assert!(s.progress.is_empty());
        assert_eq!(s.notice, None);
        let s = s
            .apply(ProgressAction::SaveFailed)
            .apply(ProgressAction::SaveFailed);
        assert_eq!(s.notice, Some(ProgressNotice::CannotSave));
        assert_eq!(s.apply(ProgressAction::DismissNotice).notice, None);
    }
}
