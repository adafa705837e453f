//! The blocking coroutine: a task that busy-waits (`time.sleep`, or a loop) instead of
//! awaiting. It holds the event loop's only thread, so every other task's timer fires late and
//! the page cannot paint. On a pool it only holds its own worker: the others are unaffected.

use crate::engine::analysis::WORKING;
use crate::engine::{Plan, Span, SpanKind, Step, StepCx, Task};

/// Makes the plan's last task busy-wait `busy_ms` in one step before its own work.
pub fn block_last(mut plan: Plan, busy_ms: u32) -> Plan {
    if let Some(last) = plan.tasks.pop() {
        plan.tasks.push(Box::new(Blocker {
            inner: last,
            busy_ms: f64::from(busy_ms),
            done: false,
        }));
    }
    plan
}

struct Blocker {
    inner: Box<dyn Task>,
    busy_ms: f64,
    done: bool,
}

impl Task for Blocker {
    fn step(&mut self, cx: &StepCx) -> Step {
        if !self.done {
            self.done = true;
            // On purpose: no await, no yield — the thread is held for the whole stretch.
            let until = cx.clock.now_ms() + self.busy_ms;
            while cx.clock.now_ms() < until {
                std::hint::spin_loop();
            }
            return Step::Continue;
        }
        self.inner.step(cx)
    }
}

/// One other task's wait while the blocker ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Wake {
    pub task: u32,
    /// Its wait (ms after the start): when it began awaiting, and when the loop woke it.
    pub io: (f64, f64),
    /// How much later than asked it was woken, when the asked wait is known.
    pub late_ms: Option<f64>,
}

/// The blocker's busy span and the other tasks' waits.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockView {
    pub blocker: u32,
    /// The blocker's longest working span: the busy-wait.
    pub busy: Option<(f64, f64)>,
    pub others: Vec<Wake>,
}

/// Reads a run whose last task was the blocker; `asked[i]` is task i's wait in ms, if known.
/// `spans` are relative to the run's start (see `pyapi::futures::Record`).
pub fn view(spans: &[Span], tasks: usize, asked: Option<&[u64]>) -> Option<BlockView> {
    let blocker = tasks.checked_sub(1)? as u32;
    let busy = spans
        .iter()
        .filter(|s| s.task == blocker && WORKING.contains(&s.kind))
        .max_by(|a, b| (a.end_ms - a.start_ms).total_cmp(&(b.end_ms - b.start_ms)))
        .map(|s| (s.start_ms, s.end_ms));
    let others = (0..blocker)
        .filter_map(|task| {
            let io = spans
                .iter()
                .find(|s| s.task == task && s.kind == SpanKind::Io)?;
            let late_ms = asked
                .and_then(|a| a.get(task as usize))
                .map(|&ms| (io.end_ms - io.start_ms - ms as f64).max(0.0));
            Some(Wake {
                task,
                io: (io.start_ms, io.end_ms),
                late_ms,
            })
        })
        .collect();
    Some(BlockView {
        blocker,
        busy,
        others,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Clock, Lane};
    use crate::pyapi::futures::Record;
    use crate::pyapi::lens::tests::{drive, sleepers, AdvanceClock};
    use crate::pyapi::ApiCall;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// A clock where reading takes time: 0.1 ms per read, so a busy-wait ends.
    #[derive(Default)]
    struct Ticking(AtomicU64);

    impl Clock for Ticking {
        fn now_ms(&self) -> f64 {
            self.0.fetch_add(100, Ordering::SeqCst) as f64 / 1e3
        }
    }

    impl AdvanceClock for Ticking {
        fn advance(&self, ms: f64) {
            self.0.fetch_add((ms * 1e3).ceil() as u64, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_blocking_coroutine_makes_every_other_wake_up_late() {
        // Four tasks await 100 ms; the fifth busy-waits 1 s without awaiting.
        let asked = [100, 100, 100, 100, 100];
        let waits: Vec<f64> = asked.iter().map(|&ms| ms as f64).collect();
        let out = drive(
            sleepers(&waits, &[]),
            ApiCall::Block { busy_ms: 1_000 },
            &Ticking::default(),
        );
        assert_eq!(out.completion_order.len(), 5);
        let rec = Record::from_output(&out);
        let v = view(&rec.spans, 5, Some(&asked)).unwrap();
        let (busy_start, busy_end) = v.busy.unwrap();
        assert!(busy_end - busy_start >= 1_000.0);
        assert_eq!(v.others.len(), 4);
        for w in &v.others {
            assert!(
                w.io.0 <= busy_start,
                "{w:?} began awaiting before the blocker ran"
            );
            assert!(
                w.io.1 >= busy_end,
                "{w:?} woken only after the blocker let go"
            );
            assert!(w.late_ms.unwrap() >= 800.0, "{w:?}");
        }
        assert!(rec.spans.iter().all(|s| s.lane == Lane::Main));
    }

    #[test]
    fn without_the_blocker_the_waits_end_on_time() {
        let out = drive(
            sleepers(&[100.0, 100.0], &[]),
            ApiCall::None,
            &Ticking::default(),
        );
        let rec = Record::from_output(&out);
        let v = view(&rec.spans, 3, Some(&[100, 100])).unwrap();
        assert!(v.others.iter().all(|w| w.late_ms.unwrap() < 5.0), "{v:?}");
    }
}
