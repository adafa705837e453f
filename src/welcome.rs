//! The first visit's card: the same work on the page's main thread and on the worker pool,
//! one click, and a sentence in this run's numbers — or why this device differs.

use crate::app_state::AppState;
use crate::engine::RunEnd;
use crate::executor::Executor;
use crate::workload::primes;

/// The demo: the primes below 10 million in 64 tasks (well under a second on one thread: a
/// freeze long enough to see), on the main thread and on the pool.
pub const FRAGMENT: &str = "v=1&w=primes&n=10000000&tasks=64&list=0&x=main,pool&view=timeline";

/// A pool this much faster or less counts as "no gain" (one core, a busy machine).
const GAIN: f64 = 1.2;

/// What the demo's runs showed.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Both ran: the main thread froze the page, the pool did not.
    Both {
        main: Side,
        pool: Side,
        speedup: f64,
        /// The pool was not meaningfully faster: this device has `logical_processors`.
        no_gain: Option<usize>,
    },
    /// Only the main thread could run (no pool on this page).
    MainOnly { main: Side },
}

/// One run's figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    pub ms: f64,
    pub threads: usize,
    pub dropped: usize,
    pub longest_gap_ms: f64,
}

/// Whether the page holds the demo's configuration (so its results are the demo's).
pub fn is_demo(state: &AppState) -> bool {
    state.lesson.is_none()
        && state.workload.id == primes::DEF.id
        && state.values.get(&primes::LIMIT) == 10_000_000
        && state.values.get(&primes::TASKS) == 64
        && state.values.get(&primes::LIST) == 0
        && state.fault == crate::engine::fault::Fault::None
        && state.api == crate::pyapi::ApiCall::None
}

fn side(state: &AppState, executor: Executor) -> Option<Side> {
    let r = state.results.get(&executor)?;
    (r.output.end == RunEnd::Completed).then(|| Side {
        ms: r.output.wall_ms,
        threads: r.threads,
        dropped: r.frames.map_or(0, |f| f.dropped),
        longest_gap_ms: r.frames.map_or(0.0, |f| f.longest_gap_ms),
    })
}

/// The demo's outcome, once its runs are in (and nothing is running).
pub fn outcome(state: &AppState) -> Option<Outcome> {
    if !is_demo(state) || state.running.is_some() || !state.pending.is_empty() {
        return None;
    }
    let main = side(state, Executor::Main)?;
    match side(state, Executor::Pool) {
        Some(pool) => {
            let speedup = if pool.ms > 0.0 {
                main.ms / pool.ms
            } else {
                0.0
            };
            Some(Outcome::Both {
                main,
                pool,
                speedup,
                no_gain: (speedup < GAIN).then(|| state.logical_processors.unwrap_or(1)),
            })
        }
        None if !state.pool.is_ready() => Some(Outcome::MainOnly { main }),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app_state::{Action, RunRecord};
    use crate::engine::frames::FrameStats;
    use crate::engine::{Answer, RunOutput};
    use crate::pool_state::PoolState;
    use std::rc::Rc;

    fn page(pool: bool, cores: usize) -> AppState {
        let s = AppState::default()
            .apply(Action::Environment {
                isolated: pool,
                logical_processors: Some(cores),
                default_threads: cores,
            })
            .apply(Action::Pool(if pool {
                PoolState::Ready { threads: 2 * cores }
            } else {
                PoolState::NotIsolated
            }));
        s.apply(Action::OpenPreset(FRAGMENT.into()))
    }

    fn finished(executor: Executor, threads: usize, ms: f64, dropped: usize) -> Action {
        Action::Finished(RunRecord {
            executor,
            threads,
            output: Rc::new(RunOutput {
                answer: Answer::default(),
                end: RunEnd::Completed,
                wall_ms: ms,
                spans: vec![],
                completion_order: vec![],
                outcomes: vec![],
            }),
            frames: Some(FrameStats {
                frames: 10,
                longest_gap_ms: if dropped > 0 { ms } else { 16.7 },
                dropped,
            }),
            frame_stamps: Rc::default(),
            switch_ms: None,
        })
    }

    #[test]
    fn both_runs_give_the_freeze_and_the_speedup() {
        let s = page(true, 2);
        assert!(is_demo(&s));
        assert_eq!(outcome(&s), None, "nothing ran yet");
        let s = s.apply(finished(Executor::Main, 1, 400.0, 23));
        assert_eq!(outcome(&s), None, "the pool's run is still to come");
        let s = s.apply(finished(Executor::Pool, 2, 200.0, 0));
        match outcome(&s) {
            Some(Outcome::Both {
                main,
                pool,
                speedup,
                no_gain,
            }) => {
                assert_eq!((main.dropped, pool.dropped), (23, 0));
                assert_eq!(speedup, 2.0);
                assert_eq!(no_gain, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_core_says_why_the_pool_is_not_faster() {
        let s = page(true, 1)
            .apply(finished(Executor::Main, 1, 400.0, 23))
            .apply(finished(Executor::Pool, 2, 390.0, 0));
        assert!(matches!(
            outcome(&s),
            Some(Outcome::Both {
                no_gain: Some(1),
                ..
            })
        ));
    }

    #[test]
    fn without_a_pool_the_main_thread_alone_is_the_outcome() {
        let s = page(false, 4).apply(finished(Executor::Main, 1, 400.0, 23));
        assert!(matches!(outcome(&s), Some(Outcome::MainOnly { .. })));
    }

    #[test]
    fn another_configuration_is_not_the_demo() {
        let s = page(true, 2).apply(Action::EditParam("n", "1000".into()));
        assert!(!is_demo(&s));
        let s = page(true, 2).apply(Action::OpenLesson(Some("07-gil")));
        assert!(!is_demo(&s));
    }
}
