//! The few API calls that act on a run, as task wrappers: nothing here knows an executor, so
//! every executor that steps tasks honours them.
//!
//! - `wait(..., cancel)`: once the wait's condition is met (or its timeout passes), the caller
//!   cancels the rest — the engine's cancel flag, which lanes check between steps: cooperative,
//!   like a `threading.Event` a Python task polls. Work between two checks is not interrupted.
//! - `Event`: every task first waits for the program to set the event.
//! - daemon threads: when the program's own work ends, the run is cancelled: what the daemon
//!   threads had not finished is abandoned.
//! - the blocking coroutine: see [`crate::asyncio::blocking`].
//!
//! A deadline is checked on every step; tasks asleep in a wait do not step, so the page also
//! sets a timer for [`cancel_after_ms`] (natively, tests drive the same deadline).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::event::Gate;
use super::wait::ReturnWhen;
use super::ApiCall;
use crate::engine::{Plan, Recorder, Step, StepCx, Task};

/// Wraps `plan`'s tasks for `api`; `now_ms` is the run's start on the run's clock.
pub fn prepare(plan: Plan, api: ApiCall, recorder: &Arc<Recorder>, now_ms: f64) -> Plan {
    match api {
        ApiCall::None | ApiCall::Map | ApiCall::Exit { daemon: false, .. } => plan,
        ApiCall::Wait(spec) if !spec.cancel => plan,
        ApiCall::Wait(spec) => {
            let tally = Arc::new(Tally {
                finished: AtomicUsize::new(0),
                failed: AtomicUsize::new(0),
                tasks: plan.tasks.len(),
                when: spec.when,
            });
            let deadline = spec.timeout_ms.map(|t| now_ms + f64::from(t));
            wrap(plan, |inner| {
                Box::new(Trigger {
                    inner,
                    tally: tally.clone(),
                    deadline,
                    recorder: recorder.clone(),
                })
            })
        }
        ApiCall::Exit {
            daemon: true,
            main_ms,
        } => {
            let deadline = Some(now_ms + f64::from(main_ms));
            wrap(plan, |inner| {
                Box::new(Trigger {
                    inner,
                    tally: Arc::new(Tally::never()),
                    deadline,
                    recorder: recorder.clone(),
                })
            })
        }
        ApiCall::Event { .. } | ApiCall::Block { .. } => transform(plan, api, now_ms),
    }
}

/// The part of [`prepare`] that each task carries by itself, so a memory holding only its
/// own copies of the tasks (a process-like worker) applies it just the same: the `Event` gate
/// and the busy-wait. What needs a view of every task (a `wait`'s condition) or a shared
/// cancel flag stays with the caller; a deadline travels as [`cancel_after_ms`].
pub fn transform(plan: Plan, api: ApiCall, now_ms: f64) -> Plan {
    match api {
        ApiCall::Event { set_ms } => {
            let set_at = now_ms + f64::from(set_ms);
            wrap(plan, |inner| Box::new(Gate::new(inner, set_at)))
        }
        ApiCall::Block { busy_ms } => crate::asyncio::blocking::block_last(plan, busy_ms),
        _ => plan,
    }
}

/// When (ms after the start) the caller cancels whatever is still running, whatever happens:
/// a `wait` timeout followed by cancel, or the end of a program with daemon threads.
pub fn cancel_after_ms(api: ApiCall) -> Option<f64> {
    match api {
        ApiCall::Wait(spec) if spec.cancel => spec.timeout_ms.map(f64::from),
        ApiCall::Exit {
            daemon: true,
            main_ms,
        } => Some(f64::from(main_ms)),
        _ => None,
    }
}

fn wrap(mut plan: Plan, mut f: impl FnMut(Box<dyn Task>) -> Box<dyn Task>) -> Plan {
    plan.tasks = plan.tasks.into_iter().map(&mut f).collect();
    plan
}

/// The outcomes seen so far, shared by a run's tasks.
struct Tally {
    finished: AtomicUsize,
    failed: AtomicUsize,
    tasks: usize,
    when: ReturnWhen,
}

impl Tally {
    /// A tally whose condition is never met (only the deadline cancels).
    fn never() -> Self {
        Tally {
            finished: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            tasks: usize::MAX,
            when: ReturnWhen::All,
        }
    }
}

/// Cancels the run when the wait's condition is met or its deadline passes.
struct Trigger {
    inner: Box<dyn Task>,
    tally: Arc<Tally>,
    deadline: Option<f64>,
    recorder: Arc<Recorder>,
}

impl Task for Trigger {
    fn step(&mut self, cx: &StepCx) -> Step {
        if self.deadline.is_some_and(|d| cx.clock.now_ms() >= d) {
            self.recorder.cancel();
        }
        let step = self.inner.step(cx);
        let failed = matches!(step, Step::Failed(_));
        if failed || matches!(step, Step::Done(_)) {
            let t = &self.tally;
            let finished = t.finished.fetch_add(1, Ordering::SeqCst) + 1;
            let failures =
                t.failed.fetch_add(usize::from(failed), Ordering::SeqCst) + usize::from(failed);
            if t.when.met(finished, failures, t.tasks) {
                self.recorder.cancel();
            }
        }
        step
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::clock::FakeClock;
    use crate::engine::main_thread::{MainScheduler, Next, Order};
    use crate::engine::{task, Clock, RunEnd, RunOutput, TaskOutcome};
    use crate::pyapi::futures::Record;
    use crate::pyapi::wait::{wait, Fate, WaitSpec};

    /// Tasks that wait `waits[i]` ms then finish with `i` (or fail, if listed).
    pub(crate) fn sleepers(waits: &[f64], failing: &[usize]) -> Plan {
        let tasks = waits
            .iter()
            .enumerate()
            .map(|(i, &ms)| {
                let mut waited = false;
                let fail = failing.contains(&i);
                task(move |_| {
                    if !waited {
                        waited = true;
                        return Step::Wait { ms };
                    }
                    if fail {
                        Step::Failed("raised".into())
                    } else {
                        Step::Done(i as i128)
                    }
                })
            })
            .collect();
        Plan::summed(tasks, |v| v.to_string())
    }

    /// Runs `api` over `plan` on the cooperative scheduler with a fake clock (sleeping jumps the
    /// clock), with a timer that cancels at [`cancel_after_ms`] like the page's.
    pub(crate) fn drive(plan: Plan, api: ApiCall, clock: &dyn AdvanceClock) -> RunOutput {
        let recorder = Arc::new(Recorder::new(plan.tasks.len(), true));
        let start = clock.now_ms();
        let plan = prepare(plan, api, &recorder, start);
        let timer = cancel_after_ms(api).map(|ms| start + ms);
        let mut s = MainScheduler::new(plan.tasks, Order::Interleaved, &recorder, start);
        loop {
            match s.run_slice(clock, 4.0) {
                Next::Yield => {}
                Next::SleepUntil(t) => {
                    let now = clock.now_ms();
                    match timer {
                        Some(at) if at > now && at < t => {
                            clock.advance(at - now);
                            recorder.cancel();
                        }
                        _ => clock.advance(t - now),
                    }
                }
                Next::Finished => break,
            }
        }
        s.finish_run(plan.finish, clock.now_ms())
    }

    /// A clock the test driver can move.
    pub(crate) trait AdvanceClock: Clock {
        fn advance(&self, ms: f64);
    }

    impl AdvanceClock for FakeClock {
        fn advance(&self, ms: f64) {
            self.advance_ms(ms)
        }
    }

    const WAITS: [f64; 4] = [300.0, 100.0, 200.0, 400.0];

    fn cancel(when: ReturnWhen, timeout_ms: Option<u32>) -> ApiCall {
        ApiCall::Wait(WaitSpec {
            when,
            timeout_ms,
            cancel: true,
        })
    }

    #[test]
    fn without_cancel_pending_tasks_run_to_the_end() {
        let api = ApiCall::Wait(WaitSpec {
            when: ReturnWhen::FirstCompleted,
            timeout_ms: None,
            cancel: false,
        });
        let out = drive(sleepers(&WAITS, &[]), api, &FakeClock::default());
        assert_eq!(out.end, RunEnd::Completed);
        let ApiCall::Wait(spec) = api else {
            unreachable!()
        };
        let r = wait(&Record::from_output(&out), spec);
        assert_eq!(r.done, vec![1]);
        assert!(r
            .pending
            .iter()
            .all(|(_, f)| matches!(f, Fate::FinishedLater { ok: true, .. })));
    }

    #[test]
    fn first_completed_with_cancel_stops_the_rest() {
        let out = drive(
            sleepers(&WAITS, &[]),
            cancel(ReturnWhen::FirstCompleted, None),
            &FakeClock::default(),
        );
        assert_eq!(out.end, RunEnd::Cancelled);
        assert_eq!(out.completion_order, vec![1]);
        assert_eq!(
            out.outcomes
                .iter()
                .filter(|o| **o == TaskOutcome::Cancelled)
                .count(),
            3
        );
    }

    #[test]
    fn first_exception_with_cancel_keeps_the_failure_and_stops_the_rest() {
        let out = drive(
            sleepers(&WAITS, &[2]),
            cancel(ReturnWhen::FirstException, None),
            &FakeClock::default(),
        );
        // Task 1 (100 ms) finished before task 2 raised (200 ms); 0 and 3 were cancelled.
        assert_eq!(out.completion_order, vec![1, 2]);
        assert!(matches!(out.outcomes[2], TaskOutcome::Failed(_)));
        assert_eq!(out.outcomes[0], TaskOutcome::Cancelled);
        assert_eq!(out.outcomes[3], TaskOutcome::Cancelled);
    }

    #[test]
    fn a_timeout_with_cancel_stops_waiting_tasks_at_the_deadline() {
        let clock = FakeClock::default();
        let out = drive(
            sleepers(&WAITS, &[]),
            cancel(ReturnWhen::All, Some(250)),
            &clock,
        );
        assert_eq!(out.completion_order, vec![1, 2]);
        assert_eq!(
            clock.now_ms(),
            250.0,
            "stopped at the deadline, not at 400 ms"
        );
    }

    #[test]
    fn daemon_threads_are_abandoned_when_the_program_ends_and_joined_ones_finish() {
        let daemon = ApiCall::Exit {
            daemon: true,
            main_ms: 250,
        };
        let out = drive(sleepers(&WAITS, &[]), daemon, &FakeClock::default());
        assert_eq!(out.end, RunEnd::Cancelled);
        assert_eq!(out.completion_order, vec![1, 2]);
        let join = ApiCall::Exit {
            daemon: false,
            main_ms: 250,
        };
        let out = drive(sleepers(&WAITS, &[]), join, &FakeClock::default());
        assert_eq!(out.end, RunEnd::Completed);
        assert_eq!(out.completion_order, vec![1, 2, 0, 3]);
    }

    #[test]
    fn a_deadline_also_stops_a_task_that_computes_without_waiting() {
        let clock: &'static FakeClock = Box::leak(Box::default());
        let busy = task(move |_| {
            clock.advance_ms(1.0);
            Step::Continue
        });
        let plan = Plan::summed(vec![busy], |v| v.to_string());
        let out = drive(plan, cancel(ReturnWhen::All, Some(20)), clock);
        assert_eq!(out.end, RunEnd::Cancelled);
        assert!(clock.now_ms() <= 25.0, "{}", clock.now_ms());
    }

    /// The same actions on the real pool (and under the GIL), with real threads and time.
    #[test]
    fn on_the_pool_first_exception_with_cancel_stops_the_others_and_without_it_they_finish() {
        use crate::engine::clock::SystemClock;
        use crate::engine::gil::Gil;
        use crate::engine::pool::run_blocking;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        for gil in [false, true] {
            for cancel in [false, true] {
                let api = ApiCall::Wait(WaitSpec {
                    when: ReturnWhen::FirstException,
                    timeout_ms: None,
                    cancel,
                });
                let plan = sleepers(&[400.0, 300.0, 20.0, 350.0], &[2]);
                let recorder = Arc::new(Recorder::new(4, true));
                let plan = prepare(plan, api, &recorder, SystemClock.now_ms());
                let out = pool.install(|| {
                    run_blocking(plan, 4, SystemClock, recorder, gil.then(Gil::default))
                });
                let ApiCall::Wait(spec) = api else {
                    unreachable!()
                };
                let r = wait(&Record::from_output(&out), spec);
                assert_eq!(r.done, vec![2], "gil {gil}, cancel {cancel}");
                let fates: Vec<bool> = r
                    .pending
                    .iter()
                    .map(|(_, f)| matches!(f, Fate::Cancelled))
                    .collect();
                assert_eq!(fates, vec![cancel; 3], "gil {gil}, cancel {cancel}");
            }
        }
    }
}
