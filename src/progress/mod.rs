//! The learner's progress through the lessons, kept in the browser between visits: which
//! lessons were opened and how many demos were run in each; per step, whether it was seen and
//! run, and the learner's guess.
//!
//! Pure: the page (`web::progress_store`) loads the stored text, feeds events through
//! [`ProgressState::apply`] and saves [`Progress::encode`]. Stored text is not trusted: a
//! value the page did not write (edited, truncated, from another app) resets the progress
//! with a notice instead of being half-read.

use std::collections::BTreeMap;

use crate::course::{self, stage::Guess};
use crate::lessons;

/// The stored format's version, the text's first field. `p1` (lessons only) is still read.
const VERSION: &str = "p2";
const VERSION_1: &str = "p1";
/// Stored text longer than this is not ours (sixteen lessons and their steps take about 3 KB).
pub const MAX_STORED: usize = 8_192;
/// The most demos counted per lesson.
pub const MAX_DEMOS: u32 = 9_999;

/// What the learner did on one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepMark {
    pub seen: bool,
    pub ran: bool,
    pub guess: Option<Guess>,
}

/// Per lesson id: opened (present) and demos run; per (lesson, step key): the step's mark.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    lessons: BTreeMap<String, u32>,
    steps: BTreeMap<(String, String), StepMark>,
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
        self.lessons.is_empty() && self.steps.is_empty()
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

    /// What the learner did on step `key` of lesson `id`.
    pub fn step(&self, id: &str, key: &str) -> StepMark {
        self.steps
            .get(&(id.to_string(), key.to_string()))
            .copied()
            .unwrap_or_default()
    }

    fn mark(&mut self, id: &str, key: &str, change: impl FnOnce(&mut StepMark)) {
        if course::steps(id).iter().any(|s| s.key() == key) {
            self.lessons.entry(id.to_string()).or_insert(0);
            change(
                self.steps
                    .entry((id.to_string(), key.to_string()))
                    .or_default(),
            );
        }
    }

    /// Steps of lesson `id` the learner has seen.
    pub fn steps_seen(&self, id: &str) -> usize {
        course::steps(id)
            .iter()
            .filter(|s| self.step(id, s.key()).seen)
            .count()
    }

    /// Where to continue: the first unseen step of the last lesson (in syllabus order) with a
    /// seen step, or the next lesson's first step once that one is all seen.
    pub fn continue_at(&self) -> Option<(&'static str, usize)> {
        let all = lessons::all();
        let last = all.iter().rposition(|l| self.steps_seen(l.id()) > 0)?;
        all[last..].iter().find_map(|l| {
            let id = l.id();
            course::steps(id)
                .iter()
                .position(|s| !self.step(id, s.key()).seen)
                .map(|i| (id, i))
        })
    }

    /// The stored text: `p2;03-sync-vs-async=2;07-gil/two-counters=s,r,g2`.
    pub fn encode(&self) -> String {
        let mut out = VERSION.to_string();
        for (id, n) in &self.lessons {
            out.push_str(&format!(";{id}={n}"));
        }
        for ((id, key), mark) in &self.steps {
            let mut flags = Vec::new();
            if mark.seen {
                flags.push("s".to_string());
            }
            if mark.ran {
                flags.push("r".to_string());
            }
            match mark.guess {
                Some(Guess::Picked(c)) => flags.push(format!("g{}", c + 1)),
                Some(Guess::Skipped) => flags.push("k".into()),
                None => {}
            }
            out.push_str(&format!(";{id}/{key}={}", flags.join(",")));
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
        let version = fields.next();
        if version != Some(VERSION) && version != Some(VERSION_1) {
            return Loaded::Corrupt;
        }
        let mut progress = Progress::default();
        for field in fields {
            let Some((id, n)) = field.split_once('=') else {
                return Loaded::Corrupt;
            };
            if let Some((lesson, key)) = id.split_once('/').filter(|_| version == Some(VERSION)) {
                match step_mark(lesson, key, n) {
                    Some(mark) => {
                        if course::steps(lesson).iter().any(|s| s.key() == key) {
                            progress.steps.insert((lesson.into(), key.into()), mark);
                        }
                    }
                    None => return Loaded::Corrupt,
                }
                continue;
            }
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

/// Reads a step's stored flags (`s`, `r`, `g<choice>`, `k`); None when malformed.
fn step_mark(lesson: &str, key: &str, flags: &str) -> Option<StepMark> {
    let ok = crate::link::fields::is_lesson_id;
    if !ok(lesson) || !ok(key) {
        return None;
    }
    let mut mark = StepMark::default();
    for flag in flags.split(',').filter(|f| !f.is_empty()) {
        match flag {
            "s" => mark.seen = true,
            "r" => mark.ran = true,
            "k" => mark.guess = Some(Guess::Skipped),
            _ => {
                let n: usize = flag.strip_prefix('g')?.parse().ok()?;
                mark.guess = Some(Guess::Picked(n.checked_sub(1).filter(|&c| c < 6)?));
            }
        }
    }
    Some(mark)
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
    /// A step was shown: (lesson, step key).
    StepSeen(String, String),
    /// A step's run finished.
    StepRan(String, String),
    /// The learner answered a step's question (or skipped it).
    Guessed(String, String, Guess),
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
            ProgressAction::StepSeen(id, key) => self.progress.mark(&id, &key, |m| m.seen = true),
            ProgressAction::StepRan(id, key) => self.progress.mark(&id, &key, |m| m.ran = true),
            ProgressAction::Guessed(id, key, guess) => {
                self.progress.mark(&id, &key, |m| m.guess = Some(guess))
            }
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
        assert_eq!(
            Progress::decode("p2"),
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
            "p3;01-x=1",
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

    #[test]
    fn steps_keep_seen_ran_and_the_guess_across_a_reload() {
        let (id, steps) = ids()
            .into_iter()
            .map(|id| (id, course::steps(id)))
            .find(|(_, s)| s.len() >= 2)
            .expect("a lesson with steps");
        let (a, b) = (steps[0].key().to_string(), steps[1].key().to_string());
        let s = ProgressState::default()
            .apply(ProgressAction::StepSeen(id.into(), a.clone()))
            .apply(ProgressAction::Guessed(
                id.into(),
                a.clone(),
                Guess::Picked(2),
            ))
            .apply(ProgressAction::StepRan(id.into(), a.clone()))
            .apply(ProgressAction::Guessed(
                id.into(),
                b.clone(),
                Guess::Skipped,
            ))
            .apply(ProgressAction::StepSeen(id.into(), "no-such-step".into()));
        let p = s.progress;
        assert_eq!(
            p.step(id, &a),
            StepMark {
                seen: true,
                ran: true,
                guess: Some(Guess::Picked(2))
            }
        );
        assert_eq!(p.step(id, &b).guess, Some(Guess::Skipped));
        assert!(p.opened(id));
        assert_eq!(p.steps_seen(id), 1);
        assert_eq!(p.continue_at(), Some((id, 1)));
        let text = p.encode();
        assert!(text.contains(&format!(";{id}/{a}=s,r,g3")), "{text}");
        assert_eq!(Progress::decode(&text), Loaded::Restored(p));
    }

    #[test]
    fn old_records_still_load_and_bad_step_flags_are_corrupt() {
        let id = ids()[0];
        let Loaded::Restored(p) = Progress::decode(&format!("p1;{id}=3")) else {
            panic!("a p1 record must load")
        };
        assert_eq!(p.demos(id), 3);
        for bad in [
            format!("p1;{id}/a-step=s"),
            format!("p2;{id}/a-step=x"),
            format!("p2;{id}/a-step=g0"),
            format!("p2;{id}/a-step=g99"),
            format!("p2;{id}/Bad=s"),
        ] {
            assert_eq!(Progress::decode(&bad), Loaded::Corrupt, "{bad:?}");
        }
        // A step this version does not have (renamed, from a newer version) is dropped.
        assert_eq!(
            Progress::decode(&format!("p2;{id}/gone-step=s,r")),
            Loaded::Restored(Progress::default())
        );
    }

    #[test]
    fn continue_moves_on_once_a_lesson_is_all_seen() {
        let mut p = Progress::default();
        assert_eq!(p.continue_at(), None, "nothing seen: no continue");
        let first = ids()[0];
        for s in course::steps(first) {
            p.mark(first, s.key(), |m| m.seen = true);
        }
        let next = ids()[1];
        assert_eq!(p.continue_at(), Some((next, 0)));
    }
}
