//! Primes by trial division: counting the primes below `n` (a plain CPU-bound kernel with a
//! well-known answer, π(n)), or testing the study notes' list of large numbers one task each
//! (the `ProcessPoolExecutor` example).

use rayon::prelude::*;

use super::WorkloadDef;
use crate::engine::{Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// Count primes below `n`. The bounds keep a main-thread run under a few seconds on a laptop
/// and a pool run under a minute on two cores.
pub const LIMIT: Param = Param {
    name: "n",
    default: 3_000_000,
    min: 10,
    max: 30_000_000,
};

/// How many tasks the range `0..n` is split into (equal-sized ranges).
pub const TASKS: Param = Param {
    name: "tasks",
    default: 64,
    min: 1,
    max: 10_000,
};

/// 1: test the notes' list of large numbers instead of counting below `n`.
pub const LIST: Param = Param {
    name: "list",
    default: 0,
    min: 0,
    max: 1,
};

/// The numbers the notes test with `is_prime` in a process pool (the duplicate is theirs).
pub const NOTES_LIST: [u64; 6] = [
    112_272_535_095_293,
    112_582_705_942_171,
    112_272_535_095_293,
    115_280_095_190_773,
    115_797_848_077_099,
    1_099_726_899_285_419,
];

pub static DEF: WorkloadDef = WorkloadDef {
    id: "primes",
    params: &[LIMIT, TASKS, LIST],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// How many numbers (or candidate divisors) one step tests: about 0.1–0.5 ms of work.
const NUMBERS_PER_STEP: u64 = 2_000;
const DIVISORS_PER_STEP: u64 = 100_000;

/// Trial division by 2, 3 and then 6k ± 1 up to √n.
pub fn is_prime(n: u64) -> bool {
    let mut test = PrimeTest::new(n);
    loop {
        if let Some(answer) = test.advance(u64::MAX) {
            return answer;
        }
    }
}

/// Primes in `lo..hi`.
///
/// Below 2³² the test runs in 32-bit arithmetic. A 64-bit division is several times slower
/// than a 32-bit one, and WebAssembly runs `i64.rem_u` as a full 64-bit divide where native
/// code quietly narrows it; on two hyper-threads sharing one divider that also cut the pool's
/// speedup. Every count the app offers (N ≤ 30,000,000) takes this path.
pub fn count_in_range(lo: u64, hi: u64) -> u64 {
    match (u32::try_from(lo), u32::try_from(hi)) {
        (Ok(lo), Ok(hi)) => (lo..hi).filter(|&k| is_prime_u32(k)).count() as u64,
        _ => (lo..hi).filter(|&k| is_prime(k)).count() as u64,
    }
}

/// [`is_prime`] for 32-bit numbers, in 32-bit arithmetic.
pub fn is_prime_u32(n: u32) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n.is_multiple_of(2) || n.is_multiple_of(3) {
        return false;
    }
    let mut d = 5u32;
    // d ≤ 65,537 here, so d² fits in u64 and d + 2 never overflows.
    while (d as u64) * (d as u64) <= n as u64 {
        if n.is_multiple_of(d) || n.is_multiple_of(d + 2) {
            return false;
        }
        d += 6;
    }
    true
}

/// Primes below `n`, one number after another on the calling thread.
pub fn count_serial(n: u64) -> u64 {
    count_in_range(0, n)
}

/// How many numbers one parallel chunk of [`count_parallel`] checks.
pub const CHUNK: u64 = 20_000;

/// Primes below `n`, split into [`CHUNK`]-sized ranges that rayon spreads over its pool.
/// In the browser this must run *on* a pool thread: it blocks while the others work.
pub fn count_parallel(n: u64) -> u64 {
    let chunks = n.div_ceil(CHUNK);
    (0..chunks)
        .into_par_iter()
        .map(|c| count_in_range(c * CHUNK, ((c + 1) * CHUNK).min(n)))
        .sum()
}

/// A resumable trial division of one number.
#[derive(Debug, Clone)]
pub struct PrimeTest {
    n: u64,
    /// Next 6k − 1 candidate divisor.
    d: u64,
}

impl PrimeTest {
    pub fn new(n: u64) -> Self {
        Self { n, d: 5 }
    }

    /// Tests up to `budget` more divisor pairs; `Some(answer)` once decided.
    pub fn advance(&mut self, budget: u64) -> Option<bool> {
        let n = self.n;
        if self.d == 5 {
            if n < 2 {
                return Some(false);
            }
            if n < 4 {
                return Some(true);
            }
            if n.is_multiple_of(2) || n.is_multiple_of(3) {
                return Some(false);
            }
        }
        let mut left = budget;
        while self.d.saturating_mul(self.d) <= n {
            if left == 0 {
                return None;
            }
            if n.is_multiple_of(self.d) || n.is_multiple_of(self.d + 2) {
                return Some(false);
            }
            self.d += 6;
            left -= 1;
        }
        Some(true)
    }
}

/// Counts the primes in `next..end`, a slice per step.
struct RangeTask {
    next: u64,
    end: u64,
    found: u64,
}

impl Task for RangeTask {
    fn step(&mut self, _: &StepCx) -> Step {
        let stop = (self.next + NUMBERS_PER_STEP).min(self.end);
        self.found += count_in_range(self.next, stop);
        self.next = stop;
        if self.next >= self.end {
            Step::Done(self.found as i128)
        } else {
            Step::Continue
        }
    }
}

/// Tests one large number, some divisors per step; answers 1 if prime.
struct ListTask(PrimeTest);

impl Task for ListTask {
    fn step(&mut self, _: &StepCx) -> Step {
        match self.0.advance(DIVISORS_PER_STEP) {
            None => Step::Continue,
            Some(prime) => Step::Done(prime as i128),
        }
    }
}

fn plan(values: &Values) -> Plan {
    if values.get(&LIST) == 1 {
        let tasks = NOTES_LIST
            .iter()
            .map(|&n| Box::new(ListTask(PrimeTest::new(n))) as Box<dyn Task>)
            .collect();
        return Plan {
            tasks,
            finish: Box::new(|outcomes| {
                let verdicts: Vec<String> = NOTES_LIST
                    .iter()
                    .zip(outcomes)
                    .map(|(n, o)| match o {
                        TaskOutcome::Done(1) => format!("{n} prime"),
                        TaskOutcome::Done(_) => format!("{n} not prime"),
                        _ => format!("{n} ?"),
                    })
                    .collect();
                let value = outcomes
                    .iter()
                    .filter(|o| **o == TaskOutcome::Done(1))
                    .count() as i128;
                let said = Said::new(AnswerText::PrimesOfList, &[&value, &NOTES_LIST.len()]);
                Answer {
                    details: vec![("verdicts", verdicts.join("; "))],
                    ..Answer::saying(value, said)
                }
            }),
        };
    }
    let n = values.get(&LIMIT);
    let tasks = values.get(&TASKS).min(n);
    let ranges = (0..tasks).map(|t| {
        Box::new(RangeTask {
            next: n * t / tasks,
            end: n * (t + 1) / tasks,
            found: 0,
        }) as Box<dyn Task>
    });
    Plan::summed(ranges.collect(), move |v| {
        Said::new(AnswerText::Primes, &[&v, &n])
    })
}

/// Calibrated on a 2-core test machine (wasm, main thread: 382 ms for n = 5,000,000); the cost
/// per number grows with √n for primes, so a little faster than linear overall.
fn estimate_ms(values: &Values) -> f64 {
    if values.get(&LIST) == 1 {
        return 2_000.0;
    }
    382.0 * (values.get(&LIMIT) as f64 / 5e6).powf(1.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::RunEnd;

    #[test]
    fn small_primes() {
        let primes: Vec<u64> = (0..30).filter(|&k| is_prime(k)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    }

    #[test]
    fn squares_of_primes_are_composite() {
        for p in [5u64, 7, 11, 13, 9973] {
            assert!(!is_prime(p * p), "{p}²");
            assert!(!is_prime(p * (p + 2)), "{p}·{}", p + 2);
        }
    }

    #[test]
    fn large_primes_from_the_notes() {
        // The first five (with the duplicate) are prime, the last is not.
        for p in &NOTES_LIST[..5] {
            assert!(is_prime(*p), "{p}");
        }
        assert!(!is_prime(NOTES_LIST[5]));
    }

    #[test]
    fn the_32_bit_test_agrees_with_the_64_bit_one() {
        for n in (0..100_000u32).chain([u32::MAX - 4, u32::MAX - 1, u32::MAX, 4_294_967_291]) {
            assert_eq!(is_prime_u32(n), is_prime(n as u64), "{n}");
        }
        // Across the 2³² boundary the counting falls back to 64 bits.
        let edge = 1u64 << 32;
        assert_eq!(
            count_in_range(edge - 100, edge + 100),
            (edge - 100..edge + 100).filter(|&k| is_prime(k)).count() as u64
        );
    }

    #[test]
    fn known_prime_counts() {
        // π(n) for n = 10, 100, 1000, 10^6.
        assert_eq!(count_serial(10), 4);
        assert_eq!(count_serial(100), 25);
        assert_eq!(count_serial(1_000), 168);
        assert_eq!(count_serial(1_000_000), 78_498);
    }

    #[test]
    fn parallel_equals_serial() {
        for n in [
            0,
            1,
            2,
            3,
            10,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            123_457,
            1_000_000,
        ] {
            assert_eq!(count_parallel(n), count_serial(n), "n = {n}");
        }
    }

    #[test]
    fn every_executor_counts_the_same() {
        for (n, tasks, expect) in [(100_000, 7, 9_592), (10, 64, 4), (1_000, 1, 168)] {
            let values = Values::default().with(&LIMIT, n).with(&TASKS, tasks);
            for out in [
                run_sequential(plan(&values)),
                run_interleaved(plan(&values)),
                run_pool(plan(&values), 3),
            ] {
                assert_eq!(out.end, RunEnd::Completed);
                assert_eq!(out.answer.value, expect, "n = {n}, tasks = {tasks}");
                assert_eq!(out.answer.summary, format!("{expect} primes below {n}"));
            }
        }
    }

    #[test]
    fn the_notes_list_on_the_pool() {
        let values = Values::default().with(&LIST, 1);
        let out = run_pool(plan(&values), 2);
        assert_eq!(out.answer.value, 5);
        assert_eq!(out.completion_order.len(), 6);
        assert!(out.answer.details[0]
            .1
            .contains("1099726899285419 not prime"));
    }

    // The default must lie within the bounds; checked when the crate compiles.
    const _: () = assert!(LIMIT.min <= LIMIT.default && LIMIT.default <= LIMIT.max);
}
