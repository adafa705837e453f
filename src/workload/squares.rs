//! Σ x² over `0..n` as many small tasks: one square per task by default, so scheduling each task
//! costs far more than its work and a pool is slower than one thread, until `chunk` numbers are
//! batched into each task (the notes' `chunksize`).

use super::opaque;

use super::WorkloadDef;
use crate::engine::{AnswerText, Plan, Said, Step, StepCx, Task};
use crate::param::{Param, Values};

/// Square the numbers below `n`. At most 10⁶ so that even one task per number stays a few
/// tens of megabytes of tasks.
pub const N: Param = Param {
    name: "n",
    default: 100_000,
    min: 1,
    max: 1_000_000,
};

/// How many consecutive numbers one task squares; there are ⌈n / chunk⌉ tasks.
pub const CHUNK: Param = Param {
    name: "chunk",
    default: 1,
    min: 1,
    max: 1_000_000,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "squares",
    params: &[N, CHUNK],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// Numbers per step, so that a task with a huge chunk still yields well within a millisecond.
const NUMBERS_PER_STEP: u64 = 100_000;

/// Σ x² for x in `lo..hi`.
///
/// In 64-bit arithmetic: with `hi` ≤ [`N`]'s maximum (10⁶) the sum stays below 3.4 × 10¹⁷,
/// far inside `u64` (a test checks the largest). 128-bit products would cost a library call
/// per number on wasm32, which has no 64 × 64 → 128 multiply.
pub fn sum_of_squares(lo: u64, hi: u64) -> i128 {
    let mut sum: u64 = 0;
    for x in lo..hi {
        // Without the opaque value the optimiser turns the loop into the closed form, and a
        // chunked run would measure no work at all.
        let x = opaque(x);
        sum = sum.wrapping_add(x.wrapping_mul(x));
    }
    i128::from(sum)
}

/// The closed form (n − 1)·n·(2n − 1) / 6, for checking.
pub fn closed_form(n: u64) -> i128 {
    let n = n as i128;
    if n == 0 {
        return 0;
    }
    (n - 1) * n * (2 * n - 1) / 6
}

/// Squares `next..end`, a slice per step. Kept to 32 bytes: a run may hold a million of these.
struct ChunkTask {
    next: u64,
    end: u64,
    sum: i128,
}

impl Task for ChunkTask {
    fn step(&mut self, _: &StepCx) -> Step {
        let stop = self.end.min(self.next + NUMBERS_PER_STEP);
        self.sum += sum_of_squares(self.next, stop);
        self.next = stop;
        if self.next >= self.end {
            Step::Done(self.sum)
        } else {
            Step::Continue
        }
    }
}

/// The tasks' ranges: `[i·chunk, min((i + 1)·chunk, n))` for i < ⌈n / chunk⌉.
fn ranges(n: u64, chunk: u64) -> impl Iterator<Item = (u64, u64)> {
    (0..n.div_ceil(chunk)).map(move |i| (i * chunk, ((i + 1) * chunk).min(n)))
}

fn plan(values: &Values) -> Plan {
    let n = values.get(&N);
    let chunk = values.get(&CHUNK);
    let tasks = ranges(n, chunk)
        .map(|(next, end)| Box::new(ChunkTask { next, end, sum: 0 }) as Box<dyn Task>)
        .collect();
    Plan::summed(tasks, move |v| Said::new(AnswerText::Squares, &[&n, &v]))
}

/// Measured natively with `cargo test --release` on the 2-core test machine: 0.55 ns per
/// number, and about 0.2 µs per task on the synchronous executor (n = 10⁶, chunk = 1: 180–250
/// ms; chunk = 10⁶: 0.5 ms). wasm is assumed 1.3× slower per number (0.72 ns, rounded up),
/// and there each task's clock reads cross into JavaScript (`performance.now()`), so a task is
/// assumed to cost 1 µs: the default run (10⁵ one-number tasks) is estimated at 100 ms.
fn estimate_ms(values: &Values) -> f64 {
    const NS_PER_NUMBER: f64 = 0.75;
    const NS_PER_TASK: f64 = 1_000.0;
    let n = values.get(&N);
    let tasks = n.div_ceil(values.get(&CHUNK));
    (n as f64 * NS_PER_NUMBER + tasks as f64 * NS_PER_TASK) / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::RunEnd;

    #[test]
    fn closed_form_matches_the_sum() {
        for n in [0, 1, 2, 3, 10, 1_000, 123_457] {
            assert_eq!(sum_of_squares(0, n), closed_form(n), "n = {n}");
        }
        assert_eq!(closed_form(1_000_000), 333_332_833_333_500_000);
        // The largest run the bounds allow, summed in 64 bits without wrapping.
        assert_eq!(sum_of_squares(0, N.max), closed_form(N.max));
    }

    #[test]
    fn every_executor_sums_the_same() {
        // Edge cases: one number; a chunk bigger than n; a chunk not dividing n; one number per
        // task; a chunk that needs several steps.
        for (n, chunk) in [
            (1, 1),
            (1, 50),
            (10, 100),
            (10, 3),
            (1_000, 1),
            (250_001, 250_001),
        ] {
            let values = Values::default().with(&N, n).with(&CHUNK, chunk);
            let expect = closed_form(n);
            for out in [
                run_sequential(plan(&values)),
                run_interleaved(plan(&values)),
                run_pool(plan(&values), 3),
            ] {
                assert_eq!(out.end, RunEnd::Completed);
                assert_eq!(out.answer.value, expect, "n = {n}, chunk = {chunk}");
                assert_eq!(out.answer.summary, format!("Σx² for x < {n} = {expect}"));
            }
        }
    }

    #[test]
    fn a_big_chunk_is_resumed_in_steps() {
        let values = Values::default().with(&N, 250_001).with(&CHUNK, 1_000_000);
        let mut plan = plan(&values);
        assert_eq!(plan.tasks.len(), 1);
        let cx = StepCx {
            clock: &crate::engine::clock::FakeClock::default(),
            lane: crate::engine::Lane::Main,
        };
        let steps: Vec<Step> = (0..3).map(|_| plan.tasks[0].step(&cx)).collect();
        assert_eq!(steps[..2], [Step::Continue, Step::Continue]);
        assert_eq!(steps[2], Step::Done(closed_form(250_001)));
    }

    #[test]
    fn ranges_cover_0_to_n_once() {
        for (n, chunk) in [(1, 1), (10, 3), (10, 10), (10, 11), (7, 2)] {
            let r: Vec<_> = ranges(n, chunk).collect();
            assert_eq!(r.len() as u64, n.div_ceil(chunk));
            assert_eq!(r[0].0, 0);
            assert_eq!(r.last().unwrap().1, n);
            assert!(r.windows(2).all(|w| w[0].1 == w[1].0));
            assert!(r.iter().all(|&(lo, hi)| lo < hi && hi - lo <= chunk));
        }
    }

    #[test]
    fn values_are_clamped_and_plans_sized() {
        let low = Values::default().with(&N, 0).with(&CHUNK, 0);
        assert_eq!((low.get(&N), low.get(&CHUNK)), (1, 1));
        assert_eq!(plan(&low).tasks.len(), 1);
        let high = Values::default().with(&N, u64::MAX).with(&CHUNK, u64::MAX);
        assert_eq!((high.get(&N), high.get(&CHUNK)), (1_000_000, 1_000_000));
        assert_eq!(plan(&high).tasks.len(), 1);
        assert_eq!(plan(&Values::default()).tasks.len(), 100_000);
        let chunked = Values::default().with(&CHUNK, 30_000);
        assert_eq!(plan(&chunked).tasks.len(), 4);
    }

    #[test]
    fn tasks_stay_small() {
        assert!(std::mem::size_of::<ChunkTask>() <= 32);
    }
}
