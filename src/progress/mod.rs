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
mod tests;
