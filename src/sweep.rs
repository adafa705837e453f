//! A thread sweep: the same workload on the pool at 1, 2, … threads, and what the measured
//! speedups say (Amdahl's law fitted to them).

/// How many times each thread count runs.
pub const ROUNDS: usize = 2;

use crate::chart::amdahl::{fit, AmdahlFit};
use crate::executor::Executor;

/// One sweep, in progress or done.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    pub executor: Executor,
    /// Thread counts to run, in order.
    pub plan: Vec<usize>,
    /// (threads, wall ms) measured so far.
    pub points: Vec<(usize, f64)>,
}

impl Sweep {
    /// 1 ..= `max_threads` threads on `executor`, [`ROUNDS`] times over: a machine shared with
    /// other work slows single runs at random, and the fastest of several runs is the one
    /// least disturbed.
    pub fn new(executor: Executor, max_threads: usize) -> Self {
        let one_round = 1..=max_threads.max(1);
        Self {
            executor,
            plan: (0..ROUNDS).flat_map(|_| one_round.clone()).collect(),
            points: Vec::new(),
        }
    }

    /// The thread counts, once each, ascending.
    pub fn thread_counts(&self) -> Vec<usize> {
        let mut counts = self.plan.clone();
        counts.sort_unstable();
        counts.dedup();
        counts
    }

    /// The fastest wall time measured at each thread count, ascending by threads.
    pub fn best(&self) -> Vec<(usize, f64)> {
        let mut best: std::collections::BTreeMap<usize, f64> = Default::default();
        for &(t, ms) in &self.points {
            if ms > 0.0 {
                let entry = best.entry(t).or_insert(ms);
                *entry = entry.min(ms);
            }
        }
        best.into_iter().collect()
    }

    pub fn done(&self) -> bool {
        self.points.len() >= self.plan.len()
    }

    /// (threads, speedup over the best 1-thread run), ascending by threads, once a 1-thread
    /// run is in.
    pub fn speedups(&self) -> Vec<(f64, f64)> {
        let best = self.best();
        let Some(&(1, base)) = best.first() else {
            return Vec::new();
        };
        best.into_iter()
            .map(|(t, ms)| (t as f64, base / ms))
            .collect()
    }

    /// Each thread count's figures: speedup S(p), efficiency S(p) ÷ p, and the Karp–Flatt
    /// serial fraction e(p) = (1/S − 1/p) ÷ (1 − 1/p) (from 2 threads on), ascending by p.
    pub fn diagnosis(&self) -> Vec<Diagnosis> {
        self.speedups()
            .into_iter()
            .map(|(p, s)| Diagnosis {
                threads: p as usize,
                speedup: s,
                efficiency: s / p,
                serial_fraction: karp_flatt(s, p),
            })
            .collect()
    }

    /// How e(p) moves from 2 threads to the most threads measured up to `cores` (past the
    /// core count threads share cores, and e rises for that reason alone).
    pub fn serial_trend(&self, cores: Option<usize>) -> Option<SerialTrend> {
        let limit = cores.unwrap_or(usize::MAX);
        let es: Vec<(usize, f64)> = self
            .diagnosis()
            .into_iter()
            .filter(|d| d.threads <= limit)
            .filter_map(|d| d.serial_fraction.map(|e| (d.threads, e)))
            .collect();
        let (&(p0, first), &(p1, last)) = (es.first()?, es.last()?);
        if p1 == p0 {
            return None;
        }
        // Rising by more than 3 points of the work (absolute) reads as overhead or contention.
        Some(if last - first > 0.03 {
            SerialTrend::Rising {
                from: first,
                to: last,
            }
        } else {
            SerialTrend::Flat {
                about: last.max(0.0),
            }
        })
    }

    /// Amdahl's law fitted to the speedups measured up to `cores` threads (past the core
    /// count, threads share cores and the law's premise no longer holds).
    pub fn amdahl(&self, cores: Option<usize>) -> Option<AmdahlFit> {
        let limit = cores.unwrap_or(usize::MAX) as f64;
        let points: Vec<(f64, f64)> = self
            .speedups()
            .into_iter()
            .filter(|(t, _)| *t <= limit)
            .collect();
        fit(&points)
    }
}

/// A thread count's figures in a sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Diagnosis {
    pub threads: usize,
    pub speedup: f64,
    /// Speedup ÷ threads.
    pub efficiency: f64,
    /// Karp–Flatt's experimentally determined serial fraction (None at 1 thread).
    pub serial_fraction: Option<f64>,
}

/// What e(p) says as p grows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SerialTrend {
    /// e stays about the same: a part of the work that does not parallelise (Amdahl).
    Flat { about: f64 },
    /// e grows with p: overhead or contention that grows with the threads.
    Rising { from: f64, to: f64 },
}

/// Karp–Flatt: e = (1/S − 1/p) ÷ (1 − 1/p), for p > 1.
pub fn karp_flatt(speedup: f64, p: f64) -> Option<f64> {
    (p > 1.0 && speedup > 0.0).then(|| (1.0 / speedup - 1.0 / p) / (1.0 - 1.0 / p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn karp_flatt_tells_serial_work_from_growing_overhead() {
        // Amdahl with 10% serial work: S(p) = 1 ÷ (0.1 + 0.9/p); e(p) is 0.1 at every p.
        let mut amdahl = Sweep::new(Executor::Pool, 4);
        amdahl.points = (1..=4)
            .map(|p| (p, 100.0 * (0.1 + 0.9 / p as f64)))
            .collect();
        for d in amdahl.diagnosis().iter().skip(1) {
            assert!((d.serial_fraction.unwrap() - 0.1).abs() < 1e-9, "{d:?}");
        }
        assert!(matches!(
            amdahl.serial_trend(None),
            Some(SerialTrend::Flat { about }) if (about - 0.1).abs() < 1e-9
        ));
        let d2 = amdahl.diagnosis()[1];
        assert!((d2.efficiency - d2.speedup / 2.0).abs() < 1e-12);
        assert_eq!(amdahl.diagnosis()[0].serial_fraction, None);
        // Perfect work but a cost of 5 ms per extra thread: e rises with p.
        let mut overhead = Sweep::new(Executor::Pool, 4);
        overhead.points = (1..=4)
            .map(|p| (p, 100.0 / p as f64 + 5.0 * (p - 1) as f64))
            .collect();
        assert!(matches!(
            overhead.serial_trend(None),
            Some(SerialTrend::Rising { from, to }) if to > from
        ));
        // Only one point past 1 thread: no trend to read.
        let mut short = Sweep::new(Executor::Pool, 2);
        short.points = vec![(1, 100.0), (2, 55.0)];
        assert_eq!(short.serial_trend(None), None);
        assert_eq!(
            karp_flatt(2.0, 2.0),
            Some(0.0),
            "perfect speedup: no serial part"
        );
    }

    #[test]
    fn speedups_are_relative_to_one_thread() {
        let mut s = Sweep::new(Executor::Pool, 4);
        assert_eq!(s.plan, vec![1, 2, 3, 4, 1, 2, 3, 4]);
        assert_eq!(s.thread_counts(), vec![1, 2, 3, 4]);
        assert!(s.speedups().is_empty());
        s.points = vec![
            (2, 60.0),
            (1, 120.0),
            (3, 40.0),
            (4, 40.0),
            (1, 100.0),
            (2, 50.0),
        ];
        // The fastest run per count, in thread order, relative to the fastest single thread.
        assert_eq!(
            s.speedups(),
            vec![(1.0, 1.0), (2.0, 2.0), (3.0, 2.5), (4.0, 2.5)]
        );
        assert!(!s.done());
        s.points.extend([(3, 45.0), (4, 41.0)]);
        assert!(s.done());
    }

    #[test]
    fn amdahl_is_fitted_up_to_the_core_count() {
        let mut s = Sweep::new(Executor::Pool, 8);
        // Perfect scaling to 4 cores, then flat (oversubscribed).
        s.points = (1..=8).map(|t| (t, 100.0 / t.min(4) as f64)).collect();
        let f = s.amdahl(Some(4)).expect("a fit");
        assert!(f.serial_fraction < 0.01, "{}", f.serial_fraction);
        let all = s.amdahl(None).expect("a fit");
        assert!(
            all.serial_fraction > 0.05,
            "flat tail reads as a serial part"
        );
    }
}

/// A chunk-size sweep: the tiny-task workload (`squares`) on the pool with 1, 10, 100, …
/// numbers per task, to see the per-task overhead paid off as chunks grow (the notes'
/// `chunksize`). Each size runs once; the points are (chunk, wall ms).
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkSweep {
    /// Chunk sizes to run, ascending.
    pub plan: Vec<u64>,
    pub points: Vec<(u64, f64)>,
    /// The chunk size of the run in progress, if it belongs to the sweep.
    pub in_flight: Option<u64>,
}

/// A sweep point never makes more tasks than this (chunk 1 over 10⁶ numbers would hold a
/// million tasks and spans for a single point).
pub const MAX_SWEEP_TASKS: u64 = 200_000;

impl ChunkSweep {
    /// Powers of ten from the smallest that keeps ⌈n / chunk⌉ ≤ [`MAX_SWEEP_TASKS`] up to `n`.
    pub fn new(n: u64) -> Self {
        let n = n.max(1);
        let plan = std::iter::successors(Some(1u64), |c| c.checked_mul(10))
            .take_while(|&c| c <= n)
            .filter(|&c| n.div_ceil(c) <= MAX_SWEEP_TASKS)
            .collect();
        Self {
            plan,
            points: Vec::new(),
            in_flight: None,
        }
    }

    pub fn done(&self) -> bool {
        self.points.len() >= self.plan.len()
    }

    /// The size whose run was fastest.
    pub fn fastest(&self) -> Option<(u64, f64)> {
        self.points
            .iter()
            .copied()
            .filter(|p| p.1 > 0.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }
}

#[cfg(test)]
mod chunk_tests {
    use super::*;

    #[test]
    fn sizes_are_powers_of_ten_within_the_task_cap() {
        assert_eq!(
            ChunkSweep::new(100_000).plan,
            vec![1, 10, 100, 1_000, 10_000, 100_000]
        );
        assert_eq!(
            ChunkSweep::new(1_000_000).plan,
            vec![10, 100, 1_000, 10_000, 100_000, 1_000_000]
        );
        assert_eq!(ChunkSweep::new(5).plan, vec![1]);
        assert_eq!(ChunkSweep::new(0).plan, vec![1]);
        assert!(ChunkSweep::new(u64::MAX)
            .plan
            .iter()
            .all(|&c| u64::MAX.div_ceil(c) <= MAX_SWEEP_TASKS));
    }

    #[test]
    fn fastest_point() {
        let mut s = ChunkSweep::new(1_000);
        assert_eq!(s.fastest(), None);
        s.points = vec![(1, 90.0), (10, 20.0), (100, 12.0), (1_000, 15.0)];
        assert!(s.done());
        assert_eq!(s.fastest(), Some((100, 12.0)));
    }
}
