//! The page's state and its one transition function, `apply`. The Yew reducer is a thin
//! adapter over this (see `web::app`), so every transition is tested natively here.

use crate::param::Parsed;
use crate::pool_state::PoolState;
use crate::workload::primes;

/// Where a run executes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Synchronously on the page's main thread: the page freezes while it runs.
    Main,
    /// On the worker pool over shared memory: the page stays responsive.
    Pool,
}

impl Mode {
    pub fn tag(self) -> &'static str {
        match self {
            Mode::Main => "main",
            Mode::Pool => "pool",
        }
    }
}

/// A finished run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunResult {
    /// The workload size the run used.
    pub n: u64,
    pub answer: u64,
    pub wall_ms: f64,
    /// Threads the run had (1 for the main thread).
    pub threads: usize,
}

/// One mode's last run.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RunSlot {
    #[default]
    Idle,
    Running {
        n: u64,
    },
    Done(RunResult),
    Failed(String),
}

impl RunSlot {
    pub fn tag(&self) -> &'static str {
        match self {
            RunSlot::Idle => "idle",
            RunSlot::Running { .. } => "running",
            RunSlot::Done(_) => "done",
            RunSlot::Failed(_) => "failed",
        }
    }

    pub fn result(&self) -> Option<&RunResult> {
        match self {
            RunSlot::Done(r) => Some(r),
            _ => None,
        }
    }
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// `crossOriginIsolated` as the page reported it (None until known).
    pub isolated: Option<bool>,
    /// `navigator.hardwareConcurrency`, if the browser says.
    pub logical_processors: Option<usize>,
    pub pool: PoolState,
    /// The size box's text, exactly as typed.
    pub limit_text: String,
    /// What that text means, after bounds.
    pub limit: Parsed,
    pub main: RunSlot,
    pub pooled: RunSlot,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            isolated: None,
            logical_processors: None,
            pool: PoolState::Starting {
                threads: crate::pool_state::FALLBACK_THREADS,
            },
            limit_text: primes::LIMIT.default.to_string(),
            limit: Parsed::Exact(primes::LIMIT.default),
            main: RunSlot::Idle,
            pooled: RunSlot::Idle,
        }
    }
}

/// Everything that can happen to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The browser's facts, read once at start.
    Environment {
        isolated: bool,
        logical_processors: Option<usize>,
    },
    Pool(PoolState),
    EditLimit(String),
    Started(Mode),
    Finished(Mode, RunResult),
    Failed(Mode, String),
}

impl AppState {
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Environment {
                isolated,
                logical_processors,
            } => {
                self.isolated = Some(isolated);
                self.logical_processors = logical_processors;
            }
            Action::Pool(state) => self.pool = state,
            Action::EditLimit(text) => {
                self.limit = primes::LIMIT.parse(&text);
                self.limit_text = text;
            }
            Action::Started(mode) => {
                if self.can_run(mode) {
                    let n = self.limit.value();
                    *self.slot_mut(mode) = RunSlot::Running { n };
                }
            }
            Action::Finished(mode, result) => *self.slot_mut(mode) = RunSlot::Done(result),
            Action::Failed(mode, reason) => *self.slot_mut(mode) = RunSlot::Failed(reason),
        }
        self
    }

    pub fn slot(&self, mode: Mode) -> &RunSlot {
        match mode {
            Mode::Main => &self.main,
            Mode::Pool => &self.pooled,
        }
    }

    fn slot_mut(&mut self, mode: Mode) -> &mut RunSlot {
        match mode {
            Mode::Main => &mut self.main,
            Mode::Pool => &mut self.pooled,
        }
    }

    /// True while either mode is running. One run at a time keeps timings honest.
    pub fn busy(&self) -> bool {
        matches!(self.main, RunSlot::Running { .. })
            || matches!(self.pooled, RunSlot::Running { .. })
    }

    pub fn can_run(&self, mode: Mode) -> bool {
        !self.busy() && (mode == Mode::Main || self.pool.is_ready())
    }

    /// Main-thread time ÷ pool time, when both ran the same size.
    pub fn speedup(&self) -> Option<f64> {
        let (main, pool) = (self.main.result()?, self.pooled.result()?);
        (main.n == pool.n && pool.wall_ms > 0.0).then(|| main.wall_ms / pool.wall_ms)
    }

    /// Whether both modes gave the same answer, when both ran the same size.
    pub fn answers_agree(&self) -> Option<bool> {
        let (main, pool) = (self.main.result()?, self.pooled.result()?);
        (main.n == pool.n).then_some(main.answer == pool.answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready() -> AppState {
        AppState::default().apply(Action::Pool(PoolState::Ready { threads: 2 }))
    }

    fn done(n: u64, answer: u64, wall_ms: f64, threads: usize) -> RunResult {
        RunResult {
            n,
            answer,
            wall_ms,
            threads,
        }
    }

    #[test]
    fn pool_runs_wait_for_a_ready_pool() {
        let s = AppState::default();
        assert!(!s.can_run(Mode::Pool));
        assert!(s.can_run(Mode::Main));
        let s = s.apply(Action::Started(Mode::Pool));
        assert_eq!(s.pooled, RunSlot::Idle, "a start without a pool is ignored");
        assert!(ready().can_run(Mode::Pool));
    }

    #[test]
    fn not_isolated_still_runs_on_the_main_thread() {
        let s = AppState::default().apply(Action::Pool(PoolState::NotIsolated));
        assert!(!s.can_run(Mode::Pool));
        let s = s.apply(Action::Started(Mode::Main));
        assert_eq!(
            s.main,
            RunSlot::Running {
                n: primes::LIMIT.default
            }
        );
    }

    #[test]
    fn one_run_at_a_time() {
        let s = ready().apply(Action::Started(Mode::Pool));
        assert!(s.busy());
        let s = s.apply(Action::Started(Mode::Main));
        assert_eq!(s.main, RunSlot::Idle);
        let s = s.apply(Action::Finished(Mode::Pool, done(10, 4, 1.0, 2)));
        assert!(!s.busy());
    }

    #[test]
    fn runs_use_the_clamped_size() {
        let s = ready().apply(Action::EditLimit("999999999999".into()));
        assert_eq!(s.limit, Parsed::Clamped(primes::LIMIT.max));
        assert_eq!(s.limit_text, "999999999999", "the box keeps what was typed");
        let s = s.apply(Action::Started(Mode::Pool));
        assert_eq!(
            s.pooled,
            RunSlot::Running {
                n: primes::LIMIT.max
            }
        );
    }

    #[test]
    fn speedup_and_agreement_need_the_same_size() {
        let s = ready()
            .apply(Action::Finished(Mode::Main, done(100, 25, 30.0, 1)))
            .apply(Action::Finished(Mode::Pool, done(100, 25, 15.0, 2)));
        assert_eq!(s.speedup(), Some(2.0));
        assert_eq!(s.answers_agree(), Some(true));
        let s = s.apply(Action::Finished(Mode::Pool, done(1000, 168, 15.0, 2)));
        assert_eq!(s.speedup(), None);
        assert_eq!(s.answers_agree(), None);
    }

    #[test]
    fn failures_are_kept_per_mode() {
        let s = ready().apply(Action::Failed(Mode::Pool, "boom".into()));
        assert_eq!(s.pooled, RunSlot::Failed("boom".into()));
        assert_eq!(s.main, RunSlot::Idle);
        assert!(
            s.can_run(Mode::Pool),
            "a failed run does not wedge the page"
        );
    }
}
