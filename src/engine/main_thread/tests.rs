//! The scheduler on a fake clock: turn order, waits, slices, deadlock, cancel.

use super::*;
use crate::engine::clock::FakeClock;
use crate::engine::testing::CountingClock;
use crate::engine::{task, Plan};

/// A task that computes `steps` steps of 1 ms (on the fake clock), then waits `wait` ms, then finishes.
fn worker(clock: &'static FakeClock, steps: u32, wait: f64) -> Box<dyn Task> {
    let mut left = steps;
    let mut waited = wait == 0.0;
    task(move |_| {
        if left > 0 {
            clock.advance_ms(1.0);
            left -= 1;
            return Step::Continue;
        }
        if !waited {
            waited = true;
            return Step::Wait { ms: wait };
        }
        Step::Done(1)
    })
}

/// Drives a scheduler on a fake clock: sleeping jumps the clock forward.
fn drive(plan: Plan, order: Order, clock: &FakeClock) -> RunOutput {
    let recorder = Recorder::new(plan.tasks.len(), true);
    let mut s = MainScheduler::new(plan.tasks, order, &recorder, clock.now_ms());
    loop {
        match s.run_slice(clock, 4.0) {
            Next::Yield => {}
            Next::SleepUntil(t) => clock.advance_ms(t - clock.now_ms()),
            Next::Finished => break,
        }
    }
    s.finish_run(plan.finish, clock.now_ms())
}

fn leak() -> &'static FakeClock {
    Box::leak(Box::default())
}

#[test]
fn sequential_runs_tasks_one_after_another_and_waits_block() {
    let clock = leak();
    let plan = Plan::summed((0..3).map(|_| worker(clock, 10, 100.0)).collect(), |v| {
        v.to_string()
    });
    let out = drive(plan, Order::Sequential, clock);
    assert_eq!(out.completion_order, vec![0, 1, 2]);
    // 3 × (10 ms of work + 100 ms of blocking wait).
    assert_eq!(out.wall_ms, 330.0);
    assert_eq!(out.answer.value, 3);
}

#[test]
fn interleaved_overlaps_waits_and_takes_turns() {
    let clock = leak();
    let plan = Plan::summed((0..3).map(|_| worker(clock, 10, 100.0)).collect(), |v| {
        v.to_string()
    });
    let out = drive(plan, Order::Interleaved, clock);
    // 30 ms of work in 4 ms turns; the waits overlap: about 30 + 100, not 330.
    assert!(out.wall_ms <= 140.0, "{}", out.wall_ms);
    let first_compute: Vec<u32> = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Compute)
        .take(3)
        .map(|s| s.task)
        .collect();
    assert_eq!(
        first_compute,
        vec![0, 1, 2],
        "each task gets a turn before any finishes"
    );
    let io: Vec<&Span> = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Io)
        .collect();
    assert_eq!(io.len(), 3);
    assert!(io[0].end_ms > io[1].start_ms, "the waits overlap");
}

#[test]
fn a_deadlock_is_reported_not_spun_forever() {
    let clock = leak();
    let plan = Plan::summed(
        vec![task(|_| Step::Blocked), task(|_| Step::Blocked)],
        |v| v.to_string(),
    );
    for order in [Order::Sequential, Order::Interleaved] {
        let plan = Plan::summed(
            vec![task(|_| Step::Blocked), task(|_| Step::Blocked)],
            |v| v.to_string(),
        );
        let out = drive(plan, order, clock);
        assert!(matches!(&out.end, crate::engine::RunEnd::Failed(e) if e.contains("deadlock")));
    }
    drop(plan);
}

#[test]
fn many_tiny_tasks_are_cheap() {
    let plan = Plan::summed(
        (0..200_000).map(|_| task(|_| Step::Done(1))).collect(),
        |v| v.to_string(),
    );
    let clock = leak();
    let out = drive(plan, Order::Sequential, clock);
    assert_eq!(out.answer.value, 200_000);
}

#[test]
fn a_task_turn_reads_the_clock_once() {
    for order in [Order::Sequential, Order::Interleaved] {
        let tasks: Vec<Box<dyn Task>> = (0..1_000)
            .map(|_| {
                let mut first = true;
                task(move |_| {
                    // Two steps: a turn that continues, then one that finishes.
                    if std::mem::take(&mut first) {
                        Step::Continue
                    } else {
                        Step::Done(1)
                    }
                })
            })
            .collect();
        // The system clock: a thousand one-step turns take far less than a 4 ms slice.
        let clock = CountingClock::default();
        let recorder = Recorder::new(tasks.len(), true);
        let mut s = MainScheduler::new(tasks, order, &recorder, 0.0);
        let mut slices = 0;
        while s.run_slice(&clock, 4.0) != Next::Finished {
            slices += 1;
        }
        let reads = clock.reads();
        // One read as each task's turn ends; taking turns, the continuing step also checks
        // the slice's budget.
        let per_turn = match order {
            Order::Sequential => 1_000,
            Order::Interleaved => 2_000,
        };
        assert!(
            reads <= per_turn + slices + 1,
            "{order:?}: {reads} reads for 1,000 tasks in {slices} slices"
        );
    }
}

/// How many slices an interleaved run of `plan` takes, and its output.
fn slices(plan: Plan, clock: &FakeClock) -> (usize, RunOutput) {
    let recorder = Recorder::new(plan.tasks.len(), true);
    let mut s = MainScheduler::new(plan.tasks, Order::Interleaved, &recorder, clock.now_ms());
    let mut n = 0;
    loop {
        n += 1;
        match s.run_slice(clock, 4.0) {
            // A trip through the browser's event loop takes a little time.
            Next::Yield => clock.advance_ms(0.1),
            Next::SleepUntil(t) => clock.advance_ms(t - clock.now_ms()),
            Next::Finished => break,
        }
    }
    (n, s.finish_run(plan.finish, clock.now_ms()))
}

#[test]
fn short_turns_share_a_slice_and_the_slice_keeps_its_budget() {
    // 10,000 turns that take no time: one slice, one trip through the browser's loop.
    let clock = leak();
    let plan = Plan::summed(
        (0..10_000).map(|_| task(|_| Step::Done(1))).collect(),
        |v| v.to_string(),
    );
    let (n, out) = slices(plan, clock);
    assert_eq!((n, out.answer.value), (1, 10_000));
    // Turns of 1 ms each: four to a 4 ms slice, then the thread is handed back.
    let clock = leak();
    let plan = Plan::summed((0..12).map(|_| worker(clock, 1, 0.0)).collect(), |v| {
        v.to_string()
    });
    let (n, out) = slices(plan, clock);
    assert_eq!(out.answer.value, 12);
    assert!(n >= 12 / 4, "{n} slices for 12 ms of turns in 4 ms slices");
    assert!(n <= 12 / 4 + 2, "{n} slices");
    // The turns still alternate: a task goes on only after everyone else had a turn.
    let clock = leak();
    let plan = Plan::summed((0..3).map(|_| worker(clock, 6, 0.0)).collect(), |v| {
        v.to_string()
    });
    let (_, out) = slices(plan, clock);
    let firsts: Vec<u32> = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Compute)
        .map(|s| s.task)
        .take(3)
        .collect();
    assert_eq!(firsts, [0, 1, 2]);
    assert_eq!(out.answer.value, 3);
}

#[test]
fn a_blocked_turn_hands_the_thread_back_instead_of_spinning() {
    use std::sync::atomic::{AtomicBool, Ordering};
    // Task 1 is blocked until task 0 has finished; task 0 sleeps 50 ms first. Each slice
    // that finds only the blocked task ready ends at once: about one slice per trip
    // through the event loop (0.1 ms here) while task 0 sleeps, never a 4 ms spin.
    let clock = leak();
    let done: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
    let mut slept = false;
    let first = task(move |_| {
        if !slept {
            slept = true;
            return Step::Wait { ms: 50.0 };
        }
        done.store(true, Ordering::SeqCst);
        Step::Done(1)
    });
    let second = task(move |_| {
        if done.load(Ordering::SeqCst) {
            Step::Done(1)
        } else {
            Step::Blocked
        }
    });
    let (n, out) = slices(Plan::summed(vec![first, second], |v| v.to_string()), clock);
    assert_eq!(out.answer.value, 2);
    assert!((400..=520).contains(&n), "{n} slices");
}

#[test]
fn cancel_ends_every_task() {
    let clock = leak();
    let plan = Plan::summed((0..3).map(|_| worker(clock, 1_000, 0.0)).collect(), |v| {
        v.to_string()
    });
    let recorder = Recorder::new(3, true);
    let mut s = MainScheduler::new(plan.tasks, Order::Interleaved, &recorder, 0.0);
    assert_eq!(s.run_slice(clock, 4.0), Next::Yield);
    recorder.cancel();
    assert_eq!(s.run_slice(clock, 4.0), Next::Finished);
    let out = s.finish_run(plan.finish, clock.now_ms());
    assert_eq!(out.end, crate::engine::RunEnd::Cancelled);
    assert!(out.outcomes.iter().all(|o| *o == TaskOutcome::Cancelled));
}
