//! π by Monte Carlo: random points in the unit square, counting those inside the quarter circle.
//! CPU-bound and embarrassingly parallel; each task has its own seeded random stream, so a run
//! is repeatable and every executor gets the same answer for the same seed and task count.

use std::f64::consts::PI;

use super::WorkloadDef;
use crate::engine::{Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// Points drawn in total, over all tasks.
pub const SAMPLES: Param = Param {
    name: "samples",
    default: 20_000_000,
    min: 1_000,
    max: 500_000_000,
};

/// How many tasks share the samples (as evenly as possible).
pub const TASKS: Param = Param {
    name: "tasks",
    default: 8,
    min: 1,
    max: 1_024,
};

/// Seeds every task's random stream; the same seed (and task count) gives the same answer.
pub const SEED: Param = Param {
    name: "seed",
    default: 42,
    min: 0,
    max: 4_294_967_295,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "pi",
    params: &[SAMPLES, TASKS, SEED],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// Samples per step: about 0.3–0.4 ms of work (see [`estimate_ms`]).
const SAMPLES_PER_STEP: u64 = 100_000;

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and statistically good enough here.
/// Written out rather than taken from a crate so the stream can never change under us.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// Task `index`'s stream for `seed`. Seeds fit in 32 bits, so (seed, index) pairs give
    /// distinct states, and SplitMix's mixing makes neighbouring states' outputs unrelated.
    pub fn for_task(seed: u64, index: u64) -> Self {
        Self((seed << 32) ^ index)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 52 bits: they become the mantissa of a float in [1, 2),
    /// less 1. No integer-to-float conversion: in wasm engines that instruction can keep a false
    /// dependency on its register from one turn of the loop to the next (π ran 1.3× native).
    pub fn next_f64(&mut self) -> f64 {
        f64::from_bits(0x3FF0_0000_0000_0000 | (self.next_u64() >> 12)) - 1.0
    }

    /// One point (x, y) in the unit square: 1 if it lands inside the quarter circle.
    fn point_hits(&mut self) -> u64 {
        let (x, y) = (self.next_f64(), self.next_f64());
        (x * x + y * y <= 1.0) as u64
    }
}

/// Task `t`'s share of `samples` split over `tasks`: shares differ by at most one and add up to
/// exactly `samples`.
pub fn share(samples: u64, tasks: u64, t: u64) -> u64 {
    samples * (t + 1) / tasks - samples * t / tasks
}

/// Draws `left` points from its own stream, a slice per step; answers the hits.
struct SampleTask {
    rng: SplitMix64,
    left: u64,
    hits: u64,
}

impl Task for SampleTask {
    fn step(&mut self, _: &StepCx) -> Step {
        let batch = self.left.min(SAMPLES_PER_STEP);
        // Two points a turn of the loop: in Chromium the 2 × 10⁸-sample run went from 772 to
        // 699 ms with it (natively 640 to 606 ms); a wasm engine pays for each turn's back edge.
        let mut rng = self.rng.clone();
        let mut hits = 0;
        for _ in 0..batch / 2 {
            hits += rng.point_hits() + rng.point_hits();
        }
        if batch % 2 == 1 {
            hits += rng.point_hits();
        }
        self.rng = rng;
        self.hits += hits;
        self.left -= batch;
        if self.left == 0 {
            Step::Done(self.hits as i128)
        } else {
            Step::Continue
        }
    }
}

fn plan(values: &Values) -> Plan {
    let samples = values.get(&SAMPLES);
    let tasks = values.get(&TASKS);
    let seed = values.get(&SEED);
    let sampling = (0..tasks)
        .map(|t| {
            Box::new(SampleTask {
                rng: SplitMix64::for_task(seed, t),
                left: share(samples, tasks, t),
                hits: 0,
            }) as Box<dyn Task>
        })
        .collect();
    Plan {
        tasks: sampling,
        finish: Box::new(move |outcomes| {
            let hits: i128 = outcomes
                .iter()
                .map(|o| match o {
                    TaskOutcome::Done(v) => *v,
                    _ => 0,
                })
                .sum();
            let estimate = 4.0 * hits as f64 / samples as f64;
            let said = Said::new(AnswerText::Pi, &[&format!("{estimate:.5}"), &samples]);
            Answer {
                details: vec![
                    ("hits", hits.to_string()),
                    ("error", format!("{:.5}", (estimate - PI).abs())),
                ],
                ..Answer::saying(hits, said)
            }
        }),
    }
}

/// Measured on the 2-core test machine (2 × 10⁸ samples): natively 3.0 ns per sample (two draws
/// and a comparison), in Chromium on one thread 3.5 ns; rounded up to 4 ns, the default run
/// (2 × 10⁷ samples) is estimated at 80 ms.
fn estimate_ms(values: &Values) -> f64 {
    const NS_PER_SAMPLE: f64 = 4.0;
    values.get(&SAMPLES) as f64 * NS_PER_SAMPLE / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::RunEnd;

    fn values(samples: u64, tasks: u64, seed: u64) -> Values {
        Values::default()
            .with(&SAMPLES, samples)
            .with(&TASKS, tasks)
            .with(&SEED, seed)
    }

    #[test]
    fn a_million_samples_land_near_pi() {
        let out = run_sequential(plan(&values(1_000_000, 4, 42)));
        let estimate = 4.0 * out.answer.value as f64 / 1e6;
        assert!((estimate - PI).abs() < 0.01, "{estimate}");
        assert_eq!(
            out.answer.summary,
            format!("π ≈ {estimate:.5} from 1000000 samples")
        );
        assert_eq!(out.answer.details[1].0, "error");
    }

    #[test]
    fn every_executor_gets_the_same_hits() {
        for (samples, tasks, seed) in [
            (250_001, 3, 42),
            (1_000, 1_024, 0),
            (300_000, 1, 4_294_967_295),
        ] {
            let v = values(samples, tasks, seed);
            let expect = run_sequential(plan(&v));
            assert_eq!(expect.end, RunEnd::Completed);
            for out in [run_interleaved(plan(&v)), run_pool(plan(&v), 3)] {
                assert_eq!(out.end, RunEnd::Completed);
                assert_eq!(out.answer, expect.answer, "{samples}, {tasks}, {seed}");
                assert_eq!(out.outcomes, expect.outcomes);
            }
        }
    }

    #[test]
    fn the_seed_picks_the_stream() {
        let a = run_sequential(plan(&values(10_000, 2, 1))).answer.value;
        let b = run_sequential(plan(&values(10_000, 2, 2))).answer.value;
        assert_ne!(a, b);
        let mut one = SplitMix64::for_task(7, 0);
        let mut other = SplitMix64::for_task(7, 1);
        assert_ne!(one.next_u64(), other.next_u64());
    }

    #[test]
    fn splitmix_matches_the_reference() {
        // First outputs for state 0 from the reference implementation (Vigna's splitmix64.c).
        let mut rng = SplitMix64(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        let x = rng.next_f64();
        assert!((0.0..1.0).contains(&x));
    }

    #[test]
    fn shares_add_up_to_samples() {
        for (samples, tasks) in [
            (1_000, 1),
            (1_000, 3),
            (1_000, 1_024),
            (20_000_000, 8),
            (500_000_000, 1_023),
        ] {
            let shares: Vec<u64> = (0..tasks).map(|t| share(samples, tasks, t)).collect();
            assert_eq!(shares.iter().sum::<u64>(), samples, "{samples} / {tasks}");
            let (lo, hi) = (shares.iter().min().unwrap(), shares.iter().max().unwrap());
            assert!(hi - lo <= 1, "{samples} / {tasks}: {lo}..{hi}");
        }
    }

    #[test]
    fn values_are_clamped_and_plans_sized() {
        let low = values(0, 0, 0);
        assert_eq!(
            (low.get(&SAMPLES), low.get(&TASKS), low.get(&SEED)),
            (1_000, 1, 0)
        );
        assert_eq!(plan(&low).tasks.len(), 1);
        let high = values(u64::MAX, u64::MAX, u64::MAX);
        assert_eq!(
            (high.get(&SAMPLES), high.get(&TASKS), high.get(&SEED)),
            (500_000_000, 1_024, 4_294_967_295)
        );
        assert_eq!(plan(&high).tasks.len(), 1_024);
        assert_eq!(plan(&Values::default()).tasks.len(), 8);
    }
}
