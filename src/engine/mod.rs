//! The workload engine's vocabulary: tasks as small resumable steps, spans on lanes, a run's
//! plan and outcome. Executors (`main_thread`, `pool`) drive the same tasks; the browser only
//! supplies the clock and the event loop.
//!
//! A task is a state machine: each [`Task::step`] does a little work (well under a millisecond
//! to ~1 ms) and says what it wants next. That one shape lets a task run to completion on a
//! worker, be interleaved with others on the main thread, be cancelled between steps, and hand
//! a global lock over between steps.

pub mod analysis;
pub mod breakdown;
pub mod clock;
pub mod clock_sync;
pub mod fault;
pub mod frames;
pub mod gil;
pub mod main_thread;
pub mod pool;
pub mod process;
pub mod recorder;
mod step;
#[cfg(not(target_arch = "wasm32"))]
pub mod testing;

pub use crate::i18n::answers::{AnswerText, Said};
use crate::link::Lang;
pub use clock::Clock;
pub use recorder::Recorder;

/// Locks `m`, taking the data even if a thread panicked while holding it: a panicking task is
/// contained (see `pool`), and what it left behind is still the run's best record.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Where a span ran: the page's main thread, or a pool worker (rayon's thread index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lane {
    Main,
    Worker(u16),
}

/// What a task was doing during a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// Running the workload's code.
    Compute,
    /// Waiting on (simulated) IO: the thread is idle.
    Io,
    /// Waiting to acquire a lock, or for room / an item in a queue.
    Wait,
    /// Running while holding a lock (the GIL, the bank's lock).
    Locked,
    /// Copying data to or from a worker with its own memory.
    Copy,
    /// Starting a worker with its own memory (a new process): the page waits for it to load
    /// and say it is ready. Drawn on that worker's lane, before its first batch.
    Start,
}

impl SpanKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [SpanKind; 6] = [
        SpanKind::Compute,
        SpanKind::Io,
        SpanKind::Wait,
        SpanKind::Locked,
        SpanKind::Copy,
        SpanKind::Start,
    ];

    /// The kinds a task's own time is made of. A worker's start-up is the lane's set-up, not
    /// any task's: time breakdowns count it as overhead.
    pub const TASK: [SpanKind; 5] = [
        SpanKind::Compute,
        SpanKind::Io,
        SpanKind::Wait,
        SpanKind::Locked,
        SpanKind::Copy,
    ];

    pub fn tag(self) -> &'static str {
        match self {
            SpanKind::Compute => "compute",
            SpanKind::Io => "io",
            SpanKind::Wait => "wait",
            SpanKind::Locked => "locked",
            SpanKind::Copy => "copy",
            SpanKind::Start => "start",
        }
    }
}

/// One task's activity on one lane, on the shared clock (ms since the epoch, see [`Clock`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub lane: Lane,
    pub task: u32,
    pub kind: SpanKind,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// What a task wants after a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// More work to do: call `step` again (the executor may switch tasks or check for cancel first).
    Continue,
    /// Wait this long (simulated IO). Workers sleep; the main thread awaits a timer or, in a
    /// synchronous run, spins.
    Wait { ms: f64 },
    /// Cannot progress until another task acts (full or empty queue, a held lock). The
    /// executor retries later, running other tasks meanwhile where it can.
    Blocked,
    /// Finished with this value.
    Done(i128),
    /// Finished with an error (an exception, in Python's terms).
    Failed(String),
}

/// What a step can see of its surroundings.
pub struct StepCx<'a> {
    pub clock: &'a dyn Clock,
    pub lane: Lane,
}

/// A unit of work an executor schedules, as a resumable state machine.
pub trait Task: Send {
    fn step(&mut self, cx: &StepCx) -> Step;
}

/// How one task ended.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskOutcome {
    Done(i128),
    Failed(String),
    /// The run was cancelled before this task finished.
    Cancelled,
}

/// A workload's result in a form the page can show and tests can check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// The one number that must agree across executors (for deterministic workloads).
    pub value: i128,
    /// A short, language-neutral description of `value`, e.g. `216816 primes below 3000000`
    /// (what `said` says, in English).
    pub summary: String,
    /// The same in words of either language, for the page (`None`: only the summary).
    pub said: Option<Said>,
    /// Named extra figures, e.g. `("lost_updates", "1234")`.
    pub details: Vec<(&'static str, String)>,
    /// A time series, where the workload has one (queue length over time: (ms, length)).
    pub series: Vec<(f64, f64)>,
}

impl Answer {
    /// An answer of `value`, described by `said` (its English is the summary).
    pub fn saying(value: i128, said: Said) -> Answer {
        Answer {
            value,
            summary: said.in_lang(Lang::En),
            said: Some(said),
            ..Answer::default()
        }
    }

    /// The answer in words, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.said
            .as_ref()
            .map_or_else(|| self.summary.clone(), |s| s.in_lang(lang))
    }

    /// The named extra figure `key`, as written.
    pub fn detail(&self, key: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The named extra figure `key`, as a number.
    pub fn figure(&self, key: &str) -> Option<f64> {
        self.detail(key).and_then(|v| v.parse().ok())
    }
}

/// What an answer of a value says: [`Said`] in either language, or a plain `String` (tests).
pub trait Describe {
    fn answer(self, value: i128) -> Answer;
}

impl Describe for Said {
    fn answer(self, value: i128) -> Answer {
        Answer::saying(value, self)
    }
}

impl Describe for String {
    fn answer(self, value: i128) -> Answer {
        Answer {
            value,
            summary: self,
            ..Answer::default()
        }
    }
}

/// Combines the tasks' outcomes (in task order) into the run's answer.
pub type Finish = Box<dyn FnOnce(&[TaskOutcome]) -> Answer + Send>;

/// A ready-to-run workload: fresh tasks plus how to combine their results.
pub struct Plan {
    pub tasks: Vec<Box<dyn Task>>,
    pub finish: Finish,
}

impl Plan {
    /// A plan whose answer is the sum of its tasks' values, described by `describe(sum)`.
    pub fn summed<D: Describe>(
        tasks: Vec<Box<dyn Task>>,
        describe: impl FnOnce(i128) -> D + Send + 'static,
    ) -> Plan {
        Plan {
            tasks,
            finish: Box::new(move |outcomes| {
                let value = outcomes
                    .iter()
                    .map(|o| match o {
                        TaskOutcome::Done(v) => *v,
                        _ => 0,
                    })
                    .sum();
                describe(value).answer(value)
            }),
        }
    }
}

/// Why a run ended the way it did.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEnd {
    Completed,
    Cancelled,
    /// At least one task failed; the others' results are kept.
    Failed(String),
}

/// Everything a run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOutput {
    pub answer: Answer,
    pub end: RunEnd,
    pub wall_ms: f64,
    pub spans: Vec<Span>,
    /// Task ids in the order they finished.
    pub completion_order: Vec<u32>,
    pub outcomes: Vec<TaskOutcome>,
}

/// A task built from a closure over its own state, for small workloads and tests.
pub struct FnTask<F>(pub F);

impl<F: FnMut(&StepCx) -> Step + Send> Task for FnTask<F> {
    fn step(&mut self, cx: &StepCx) -> Step {
        (self.0)(cx)
    }
}

/// Boxes a closure as a task.
pub fn task(f: impl FnMut(&StepCx) -> Step + Send + 'static) -> Box<dyn Task> {
    Box::new(FnTask(f))
}
