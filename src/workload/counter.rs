//! The study notes' GIL experiment: `tasks` tasks each count from 0 to `n`. Pure CPU work with
//! no shared data, so threads that truly run in parallel finish in the time of one task, while
//! threads taking turns under a global lock take as long as all of them in a row.

use super::opaque;

use super::WorkloadDef;
use crate::engine::{AnswerText, Plan, Said, Step, StepCx, Task};
use crate::param::{Param, Values};

/// How far each task counts. The notes count to 10⁸; the bounds keep the largest run (64 tasks
/// to 10⁹) a long but finite wait, and the smallest still longer than a step's overhead.
pub const N: Param = Param {
    name: "n",
    default: 100_000_000,
    min: 1_000,
    max: 1_000_000_000,
};

/// How many tasks count, each to `n`.
pub const TASKS: Param = Param {
    name: "tasks",
    default: 2,
    min: 1,
    max: 64,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "counter",
    params: &[N, TASKS],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// Increments per step: about 0.3–0.4 ms of work (see [`estimate_ms`]).
const INCREMENTS_PER_STEP: u64 = 1_000_000;

/// Counts from `count` up to `target`, a slice per step.
struct CountTask {
    count: u64,
    target: u64,
}

/// Counts from `from` up to `to`, one increment at a time.
fn count(from: u64, to: u64) -> u64 {
    let mut c = from;
    while c < to {
        // Without the black box the optimiser replaces the loop with `c = to`, and the lesson
        // (real work that a lock serialises) would be measured as nothing at all.
        c = opaque(c) + 1;
    }
    c
}

impl Task for CountTask {
    fn step(&mut self, _: &StepCx) -> Step {
        let stop = self.target.min(self.count + INCREMENTS_PER_STEP);
        self.count = count(self.count, stop);
        if self.count >= self.target {
            Step::Done(self.count as i128)
        } else {
            Step::Continue
        }
    }
}

fn plan(values: &Values) -> Plan {
    let n = values.get(&N);
    let tasks = values.get(&TASKS);
    let counters = (0..tasks)
        .map(|_| {
            Box::new(CountTask {
                count: 0,
                target: n,
            }) as Box<dyn Task>
        })
        .collect();
    // A cancelled run's tasks count as 0, so say how far it got rather than what was planned.
    Plan::summed(counters, move |v| {
        if v == (n * tasks) as i128 {
            Said::new(AnswerText::Counted, &[&tasks, &n])
        } else {
            Said::new(AnswerText::CountedPart, &[&v, &tasks, &n])
        }
    })
}

/// Measured natively with `cargo test --release` on the 2-core test machine: 0.27 ns per
/// increment (2 × 10⁸ increments in 55 ms). wasm is assumed 1.3× slower (0.36 ns), rounded up
/// to 0.4 ns: the default run (2 × 10⁸) is estimated at 80 ms.
fn estimate_ms(values: &Values) -> f64 {
    const NS_PER_INCREMENT: f64 = 0.4;
    (values.get(&N) * values.get(&TASKS)) as f64 * NS_PER_INCREMENT / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::RunEnd;

    #[test]
    fn every_executor_counts_n_per_task() {
        // 2.5 steps per task, so the count is resumed twice and ends mid-step.
        let (n, tasks) = (2_500_000, 3);
        let values = Values::default().with(&N, n).with(&TASKS, tasks);
        for out in [
            run_sequential(plan(&values)),
            run_interleaved(plan(&values)),
            run_pool(plan(&values), 3),
        ] {
            assert_eq!(out.end, RunEnd::Completed);
            assert_eq!(out.answer.value, (n * tasks) as i128);
            assert_eq!(out.answer.summary, "3 × 2500000 counted");
            assert_eq!(out.completion_order.len(), 3);
        }
    }

    #[test]
    fn each_task_reaches_n() {
        let values = Values::default().with(&N, 1_234).with(&TASKS, 2);
        let out = run_sequential(plan(&values));
        assert_eq!(
            out.outcomes,
            vec![crate::engine::TaskOutcome::Done(1_234); 2]
        );
    }

    #[test]
    fn counting_is_exact() {
        assert_eq!(count(0, 0), 0);
        assert_eq!(count(5, 17), 17);
        assert_eq!(count(0, INCREMENTS_PER_STEP + 1), INCREMENTS_PER_STEP + 1);
    }

    #[test]
    fn values_are_clamped_and_plans_sized() {
        let low = Values::default().with(&N, 0).with(&TASKS, 0);
        assert_eq!((low.get(&N), low.get(&TASKS)), (1_000, 1));
        assert_eq!(plan(&low).tasks.len(), 1);
        let high = Values::default().with(&N, u64::MAX).with(&TASKS, 1_000);
        assert_eq!((high.get(&N), high.get(&TASKS)), (1_000_000_000, 64));
        assert_eq!(plan(&high).tasks.len(), 64);
        assert_eq!(plan(&Values::default()).tasks.len(), 2);
    }

    #[test]
    fn estimate_grows_with_the_work() {
        let default = estimate_ms(&Values::default());
        assert!(default > 10.0 && default < 1_000.0, "{default}");
        let double = estimate_ms(&Values::default().with(&TASKS, 4));
        assert!((double - 2.0 * default).abs() < 1e-9);
    }
}
