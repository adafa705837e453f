//! IO-bound tasks: each does a little CPU work, waits (simulated IO, like the notes'
//! `time.sleep`), and does a little more. A waiting thread needs no core, so a pool with a thread
//! per task, or one thread taking turns as asyncio does, finishes in about the longest wait
//! instead of the sum of all of them.

use super::opaque;

use super::pi::SplitMix64;
use super::WorkloadDef;
use crate::engine::{Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// How many tasks wait.
pub const TASKS: Param = Param {
    name: "tasks",
    default: 8,
    min: 1,
    max: 256,
};

/// Each task's wait in ms when `random` is 0 (before `speed` scales it).
pub const WAIT_MS: Param = Param {
    name: "wait_ms",
    default: 1_000,
    min: 1,
    max: 5_000,
};

/// 1: each task waits a seeded random 1–5 s instead (the notes' `random.randint(1, 5)`).
pub const RANDOM: Param = Param {
    name: "random",
    default: 0,
    min: 0,
    max: 1,
};

/// Seeds the random waits; the same seed gives the same waits.
pub const SEED: Param = Param {
    name: "seed",
    default: 7,
    min: 0,
    max: 4_294_967_295,
};

/// A percentage: every wait is scaled by 100 / speed, so 1000 makes waits 10× shorter and a
/// demo of seconds-long requests fits in a test or an impatient learner's attention span.
pub const SPEED: Param = Param {
    name: "speed",
    default: 100,
    min: 10,
    max: 1_000,
};

/// Thousands of iterations of CPU work each task does before its wait, and again after it.
pub const CPU: Param = Param {
    name: "cpu",
    default: 200,
    min: 0,
    max: 100_000,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "io",
    params: &[TASKS, WAIT_MS, RANDOM, SEED, SPEED, CPU],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// The range of random waits, in ms before scaling.
const RANDOM_MIN_MS: u64 = 1_000;
const RANDOM_MAX_MS: u64 = 5_000;

/// CPU iterations per step: about 0.1 ms of work (see [`estimate_ms`]).
const ITERATIONS_PER_STEP: u64 = 100_000;

/// Every task's wait in whole ms, scaled by `speed`, in task order.
pub fn waits(values: &Values) -> Vec<u64> {
    let speed = values.get(&SPEED);
    (0..values.get(&TASKS))
        .map(|t| {
            let raw = if values.get(&RANDOM) == 1 {
                let span = RANDOM_MAX_MS - RANDOM_MIN_MS + 1;
                RANDOM_MIN_MS + SplitMix64::for_task(values.get(&SEED), t).next_u64() % span
            } else {
                values.get(&WAIT_MS)
            };
            raw * 100 / speed
        })
        .collect()
}

/// One step of the CPU part: an LCG step per iteration.
fn churn(mut state: u64, iterations: u64) -> u64 {
    for _ in 0..iterations {
        // Without the black box the optimiser may fold or drop the loop, and "a little CPU
        // work around the wait" would cost nothing at all.
        state = opaque(state)
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
    }
    state
}

/// CPU work, one wait, CPU work; answers its wait in ms.
struct IoTask {
    wait_ms: u64,
    before: u64,
    after: u64,
    waited: bool,
    state: u64,
}

impl IoTask {
    /// Works through up to one step's worth of `left`; returns how much it did.
    fn work(&mut self, left: u64) -> u64 {
        let batch = left.min(ITERATIONS_PER_STEP);
        self.state = churn(self.state, batch);
        batch
    }
}

impl Task for IoTask {
    fn step(&mut self, _: &StepCx) -> Step {
        if self.before > 0 {
            self.before -= self.work(self.before);
            return Step::Continue;
        }
        if !self.waited {
            self.waited = true;
            return Step::Wait {
                ms: self.wait_ms as f64,
            };
        }
        if self.after > 0 {
            self.after -= self.work(self.after);
            return Step::Continue;
        }
        Step::Done(self.wait_ms as i128)
    }
}

fn plan(values: &Values) -> Plan {
    let iterations = values.get(&CPU) * 1_000;
    let waits = waits(values);
    let tasks = waits.len();
    let waiting = waits
        .into_iter()
        .enumerate()
        .map(|(t, wait_ms)| {
            Box::new(IoTask {
                wait_ms,
                before: iterations,
                after: iterations,
                waited: false,
                state: t as u64,
            }) as Box<dyn Task>
        })
        .collect();
    Plan {
        tasks: waiting,
        finish: Box::new(move |outcomes| {
            let done = || {
                outcomes.iter().filter_map(|o| match o {
                    TaskOutcome::Done(v) => Some(*v),
                    _ => None,
                })
            };
            let value: i128 = done().sum();
            let longest = done().max().unwrap_or(0);
            Answer {
                details: vec![("longest_wait_ms", longest.to_string())],
                ..Answer::saying(value, Said::new(AnswerText::Waited, &[&tasks, &value]))
            }
        }),
    }
}

/// One task after another: every wait in full, plus the CPU part. That part was measured
/// natively with `cargo test --release` on the 2-core test machine at 1.1 ns per iteration (one
/// dependent multiply-add); wasm is assumed 1.3× slower and rounded up, to 1.5 ns.
fn estimate_ms(values: &Values) -> f64 {
    const NS_PER_ITERATION: f64 = 1.5;
    let waits: u64 = waits(values).iter().sum();
    let iterations = 2 * values.get(&CPU) * 1_000 * values.get(&TASKS);
    waits as f64 + iterations as f64 * NS_PER_ITERATION / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::max_overlap;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::{RunEnd, RunOutput, SpanKind};

    /// `run_pool` on a pool of its own with a thread per lane: rayon's global pool has only as
    /// many threads as cores and is shared by every test, so lanes there may not all run at
    /// once, and the timing tests would measure the other tests instead.
    fn run_own_pool(plan: Plan, lanes: usize) -> RunOutput {
        // One thread more than lanes: `install` runs the caller, which then blocks waiting
        // for the run, on one of the pool's threads.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(lanes + 1)
            .build()
            .expect("a pool");
        pool.install(|| run_pool(plan, lanes))
    }

    #[test]
    fn fixed_waits_add_up() {
        let values = Values::default()
            .with(&TASKS, 3)
            .with(&WAIT_MS, 40)
            .with(&SPEED, 1_000)
            .with(&CPU, 1);
        assert_eq!(waits(&values), [4, 4, 4]);
        for out in [
            run_sequential(plan(&values)),
            run_interleaved(plan(&values)),
            run_pool(plan(&values), 3),
        ] {
            assert_eq!(out.end, RunEnd::Completed);
            assert_eq!(out.outcomes, vec![TaskOutcome::Done(4); 3]);
            assert_eq!(out.answer.value, 12);
            assert_eq!(out.answer.summary, "3 tasks waited 12 ms in total");
            assert_eq!(out.answer.details, [("longest_wait_ms", "4".to_string())]);
        }
    }

    #[test]
    fn random_waits_are_seeded_and_in_range() {
        let values = Values::default()
            .with(&TASKS, 50)
            .with(&RANDOM, 1)
            .with(&SEED, 3);
        let first = waits(&values);
        assert_eq!(first, waits(&values));
        assert!(
            first.iter().all(|w| (1_000..=5_000).contains(w)),
            "{first:?}"
        );
        assert!(first.iter().any(|&w| w != first[0]), "{first:?}");
        assert_ne!(first, waits(&values.clone().with(&SEED, 4)));
        // The first tasks' waits do not depend on how many tasks there are.
        assert_eq!(waits(&values.clone().with(&TASKS, 5)), first[..5]);
    }

    #[test]
    fn speed_scales_every_wait() {
        let fixed = Values::default().with(&WAIT_MS, 1_234);
        assert_eq!(waits(&fixed.clone().with(&SPEED, 100))[0], 1_234);
        assert_eq!(waits(&fixed.clone().with(&SPEED, 1_000))[0], 123);
        assert_eq!(waits(&fixed.clone().with(&SPEED, 10))[0], 12_340);
        let random = Values::default().with(&RANDOM, 1);
        let slow = waits(&random);
        let fast = waits(&random.clone().with(&SPEED, 1_000));
        for (s, f) in slow.iter().zip(&fast) {
            assert_eq!(*f, s / 10);
        }
    }

    #[test]
    fn random_waits_run_and_sum() {
        let values = Values::default()
            .with(&TASKS, 4)
            .with(&RANDOM, 1)
            .with(&SPEED, 1_000)
            .with(&CPU, 0);
        let expect = waits(&values);
        let out = run_own_pool(plan(&values), 4);
        let values_done: Vec<_> = expect
            .iter()
            .map(|&w| TaskOutcome::Done(w as i128))
            .collect();
        assert_eq!(out.outcomes, values_done);
        assert_eq!(out.answer.value, expect.iter().sum::<u64>() as i128);
        let longest = expect.iter().max().unwrap().to_string();
        assert_eq!(out.answer.details, [("longest_wait_ms", longest)]);
    }

    #[test]
    fn waits_overlap_on_the_pool_and_cooperatively_but_not_in_sequence() {
        // Four waits of 100 ms: 400 ms one after another, about 100 ms overlapped.
        let values = Values::default()
            .with(&TASKS, 4)
            .with(&WAIT_MS, 1_000)
            .with(&SPEED, 1_000)
            .with(&CPU, 10);
        let sum = 400.0;
        let pool = run_own_pool(plan(&values), 4);
        let interleaved = run_interleaved(plan(&values));
        let sequential = run_sequential(plan(&values));
        for out in [&pool, &interleaved, &sequential] {
            assert_eq!(out.answer.value, 400);
        }
        // The shape, not the clock (which a loaded machine stretches): all four waits were in
        // progress at once on the pool and cooperatively, one at a time in sequence.
        let io = |out: &RunOutput| max_overlap(&out.spans, &[SpanKind::Io]);
        assert_eq!(io(&pool), 4);
        assert_eq!(io(&interleaved), 4);
        assert_eq!(io(&sequential), 1);
        // A lower bound is safe: a wait never ends early.
        assert!(
            sequential.wall_ms >= 0.9 * sum,
            "sequential: {} ms",
            sequential.wall_ms
        );
    }

    #[test]
    fn estimate_is_the_waits_plus_a_little() {
        let default = estimate_ms(&Values::default());
        assert!((8_000.0..8_100.0).contains(&default), "{default}");
        let random = Values::default().with(&RANDOM, 1).with(&CPU, 0);
        assert_eq!(
            estimate_ms(&random),
            waits(&random).iter().sum::<u64>() as f64
        );
    }
}
