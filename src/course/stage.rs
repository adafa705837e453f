//! What a step's stage shows now: the question, whether Run is open, the run in progress, the
//! graded guess and the caption in this run's numbers — or why this device differs.

use crate::app_state::AppState;
use crate::executor::Executor;
use crate::lessons::steps::{self, Action};
use crate::link::{Lang, LinkConfig};

use super::grade::{self, Graded};
use super::{same_demo, Step};

/// The learner's answer to a step's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    Picked(usize),
    Skipped,
}

impl Guess {
    pub fn choice(self) -> Option<usize> {
        match self {
            Guess::Picked(c) => Some(c),
            Guess::Skipped => None,
        }
    }
}

/// Where the step is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// The question waits for a guess (or Skip): Run stays closed.
    Ask,
    /// Ready to run (or to answer, for a step without a run).
    Ready,
    /// The step's runs are under way.
    Running,
    /// The evidence is in; the guess graded where there was one.
    Done(Option<Graded>),
}

/// Why this device cannot show what the step claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceNote {
    /// No worker pool on this page (not cross-origin isolated, or it failed).
    NoPool,
    /// One logical processor: threads can only take turns.
    OneCore,
}

/// The caption, in this run's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub text: String,
    /// The measurement fell outside what the step predicts: the text says why.
    pub differs: bool,
}

/// Everything the stage draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub phase: Phase,
    pub caption: Option<Caption>,
    pub device: Option<DeviceNote>,
}

/// The step's demo as its link sets it up (None for a step without a run), and whether the
/// page holds it now (so the runs on the page are the step's). Read once per stage.
struct Demo {
    config: Option<LinkConfig>,
    on_page: bool,
}

impl Demo {
    fn of(state: &AppState, lesson: &str, step: &Step) -> Self {
        let config = step.config(lesson);
        let on_page = config
            .as_ref()
            .is_some_and(|c| same_demo(c, &state.link_config()));
        Demo { config, on_page }
    }

    fn executors(&self) -> &[Executor] {
        self.config.as_ref().map_or(&[], |c| &c.executors)
    }
}

/// Whether the step's evidence is complete.
fn evidence_in(state: &AppState, step: &Step, demo: &Demo) -> bool {
    if step.plan.run.is_none() {
        return true;
    }
    if !demo.on_page {
        return false;
    }
    match step.plan.action {
        // Every run it could start here ended, however: a daemon's run is cut short by design,
        // a fault's fails. A measured step also needs its measure (see `phase`).
        Action::Run => {
            let mut ran = demo
                .executors()
                .iter()
                .filter(|e| state.pool.is_ready() || !e.needs_pool())
                .peekable();
            ran.peek().is_some() && ran.all(|e| state.results.contains_key(e))
        }
        Action::Sweep => state.sweep.as_ref().is_some_and(|s| s.done()),
        Action::Chunks => state.chunk_sweep.as_ref().is_some_and(|s| s.done()),
        // The scene's visit ends on the page; the comparison's panel shows its own evidence.
        Action::Scene => state.scene_ran,
        Action::Compare => true,
    }
}

fn device_note(state: &AppState, demo: &Demo) -> Option<DeviceNote> {
    let wants_pool = demo.executors().iter().any(|e| e.needs_pool());
    if wants_pool && state.pool.is_ready() && state.logical_processors == Some(1) {
        return Some(DeviceNote::OneCore);
    }
    (wants_pool && !state.pool.is_ready() && state.isolated.is_some()).then_some(DeviceNote::NoPool)
}

/// The graded guess, once the evidence is in.
fn graded(state: &AppState, step: &Step, guess: Option<Guess>) -> Option<Graded> {
    let chosen = guess.and_then(Guess::choice);
    if let Some(m) = &step.plan.measure {
        let value = grade::measure(m, &state.results)?;
        return Some(Graded {
            value: Some(value),
            right: grade::band(value, &step.plan.bands),
            chosen,
        });
    }
    step.plan.answer.map(|right| Graded {
        value: None,
        right,
        chosen,
    })
}

fn caption(state: &AppState, step: &Step, lang: Lang, graded: Option<&Graded>) -> Option<Caption> {
    let text = step.text(lang);
    let differs = matches!(
        (graded, step.plan.expect, step.plan.measure.as_ref()),
        (Some(g), Some(expect), Some(_)) if g.right != expect
    ) && text.differs.is_some();
    let template = if differs {
        text.differs.as_ref()
    } else {
        text.caption.as_ref()
    }?;
    let figures = grade::figures(
        &state.results,
        step.plan.measure.as_ref(),
        state.logical_processors,
    );
    let filled = steps::fill(template, |name| figures.get(name).cloned());
    Some(Caption {
        text: filled,
        differs,
    })
}

fn phase(state: &AppState, step: &Step, guess: Option<Guess>, demo: &Demo) -> Phase {
    let busy = state.running.is_some() || !state.pending.is_empty();
    if step.asks() && guess.is_none() {
        Phase::Ask
    } else if busy && demo.on_page {
        Phase::Running
    } else if step.plan.run.is_none() && !step.asks() {
        Phase::Done(None)
    } else if evidence_in(state, step, demo) && (step.plan.run.is_some() || guess.is_some()) {
        let g = graded(state, step, guess);
        // A measured step whose runs are in but whose measure is not (a failed run) is not done.
        if step.measured() && g.is_none() {
            Phase::Ready
        } else {
            Phase::Done(g)
        }
    } else {
        Phase::Ready
    }
}

/// Whether the step's run is over with its evidence in, whatever the learner guessed (the
/// progress record's "ran").
pub fn ran(state: &AppState, lesson: &str, step: &Step) -> bool {
    let demo = Demo::of(state, lesson, step);
    step.plan.run.is_some()
        && matches!(
            phase(state, step, Some(Guess::Skipped), &demo),
            Phase::Done(_)
        )
}

/// The stage of step `step` of lesson `lesson`, given the learner's guess so far.
pub fn stage(
    state: &AppState,
    lesson: &str,
    step: &Step,
    guess: Option<Guess>,
    lang: Lang,
) -> Stage {
    let demo = Demo::of(state, lesson, step);
    let phase = phase(state, step, guess, &demo);
    let caption = match &phase {
        Phase::Done(g) => caption(state, step, lang, g.as_ref()),
        _ => None,
    };
    Stage {
        phase,
        caption,
        device: device_note(state, &demo),
    }
}
