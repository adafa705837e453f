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

#[cfg(test)]
mod tests {
    use super::*;

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
