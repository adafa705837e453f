//! `threading.Event`: every task first waits until the program sets the event, then all go
//! at once. The program sets it at a known time, so a task that finds it unset waits exactly
//! until then: its thread sleeps (releasing the GIL, as `Event.wait()` does in CPython), and
//! the span is a plain wait, shown as "held at the event".

use super::futures::Record;
use crate::engine::analysis::WORKING;
use crate::engine::{SpanKind, Step, StepCx, Task};

/// A task held until `set_at` (ms on the run's clock).
pub struct Gate {
    inner: Box<dyn Task>,
    set_at: f64,
    open: bool,
}

impl Gate {
    pub fn new(inner: Box<dyn Task>, set_at: f64) -> Self {
        Gate {
            inner,
            set_at,
            open: false,
        }
    }
}

impl Task for Gate {
    fn step(&mut self, cx: &StepCx) -> Step {
        if !self.open {
            let left = self.set_at - cx.clock.now_ms();
            if left > 0.0 {
                return Step::Wait { ms: left };
            }
            self.open = true;
        }
        self.inner.step(cx)
    }
}

/// One task's view of the event.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub task: u32,
    /// When it started waiting at the event and when it was released (ms after the start):
    /// its first wait. (A lane may record the check of the event as a sliver of work first.)
    pub held: Option<(f64, f64)>,
    /// When it first ran workload code after the event.
    pub first_work_ms: Option<f64>,
}

/// What the event did to each task, from a finished run's spans.
pub fn held(rec: &Record) -> Vec<Held> {
    (0..rec.tasks as u32)
        .map(|task| {
            let mine = || rec.spans.iter().filter(move |s| s.task == task);
            let held = mine()
                .find(|s| s.kind == SpanKind::Io)
                .map(|s| (s.start_ms, s.end_ms));
            let after = held.map_or(f64::NEG_INFINITY, |h| h.1);
            let first_work_ms = mine()
                .find(|s| WORKING.contains(&s.kind) && s.start_ms >= after)
                .map(|s| s.start_ms);
            Held {
                task,
                held,
                first_work_ms,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::FakeClock;
    use crate::engine::Clock;
    use crate::pyapi::lens::tests::drive;
    use crate::pyapi::ApiCall;

    #[test]
    fn no_task_works_before_the_event_is_set_then_all_go() {
        let clock: &'static FakeClock = Box::leak(Box::default());
        let tasks = (0..3)
            .map(|i| {
                let mut left = 3;
                crate::engine::task(move |_| {
                    clock.advance_ms(1.0);
                    left -= 1;
                    if left == 0 {
                        Step::Done(i)
                    } else {
                        Step::Continue
                    }
                })
            })
            .collect();
        let plan = crate::engine::Plan::summed(tasks, |v| v.to_string());
        let out = drive(plan, ApiCall::Event { set_ms: 500 }, clock);
        assert_eq!(out.answer.value, 3);
        let rec = Record::from_output(&out);
        let held = held(&rec);
        assert_eq!(held.len(), 3);
        for h in &held {
            let (from, to) = h.held.expect("every task waited at the event");
            assert_eq!(from, 0.0);
            assert!(to >= 500.0, "{h:?}");
            assert!(h.first_work_ms.unwrap() >= 500.0, "{h:?}");
        }
    }

    #[test]
    fn an_event_already_set_holds_nobody() {
        let clock = FakeClock::default();
        let plan = crate::pyapi::lens::tests::sleepers(&[10.0, 20.0], &[]);
        let out = drive(plan, ApiCall::Event { set_ms: 0 }, &clock);
        assert_eq!(out.completion_order, vec![0, 1]);
        assert_eq!(clock.now_ms(), 20.0);
    }
}
