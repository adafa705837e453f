//! What a pool lane pays per task, counted rather than timed.

use super::*;
use crate::engine::task;
use crate::engine::testing::CountingClock;

#[test]
fn a_task_on_a_lane_reads_the_clock_twice() {
    // Two reads per task (its span's start and end), and under the GIL one more when it gets
    // the lock; plus a few per lane and per run. Before e86f130 a task read it four times
    // (five under the GIL): at the start, going on working (or waiting), at the end, and to
    // give up the lock.
    for (gil, per_task) in [(None, 2), (Some(Gil::default()), 3)] {
        let plan = Plan::summed((0..1_000).map(|_| task(|_| Step::Done(1))).collect(), |v| {
            v.to_string()
        });
        let clock = CountingClock::default();
        let recorder = Arc::new(Recorder::new(1_000, true));
        let under_gil = gil.is_some();
        let out = run_blocking(plan, 2, clock.clone(), recorder, gil);
        assert_eq!(out.answer.value, 1_000);
        let reads = clock.reads();
        assert!(
            reads <= per_task * 1_000 + 10,
            "under the GIL: {under_gil}; {reads} reads for 1,000 tasks"
        );
    }
}
