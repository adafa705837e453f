//! A chunk-size sweep: the tiny-task workload (squares) run at chunk sizes 1, 10, 100, … up to
//! `n` on one executor, one run per size — how much batching tiny tasks saves. The data model
//! for the page's table and chart; the runs go through the page's ordinary run queue.

use crate::executor::Executor;

/// The most sizes a sweep runs (1 … 10⁶ with `squares::N`'s bound).
pub const MAX_SIZES: usize = 7;

/// One measured size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChunkPoint {
    pub chunk: u64,
    /// Tasks the run had: ⌈n / chunk⌉.
    pub tasks: u64,
    pub wall_ms: f64,
}

/// A chunk-size sweep in progress or done.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkSweep {
    pub executor: Executor,
    pub n: u64,
    /// Chunk sizes to run, ascending.
    pub sizes: Vec<u64>,
    pub points: Vec<ChunkPoint>,
    /// Set when a run failed or was cancelled: the sweep stops there.
    pub stopped: bool,
}

impl ChunkSweep {
    /// Powers of ten from 1 up to `n` (and `n` itself never exceeded).
    pub fn new(executor: Executor, n: u64) -> Self {
        let n = n.max(1);
        let sizes = std::iter::successors(Some(1u64), |s| s.checked_mul(10))
            .take_while(|&s| s <= n)
            .take(MAX_SIZES)
            .collect();
        Self {
            executor,
            n,
            sizes,
            points: Vec::new(),
            stopped: false,
        }
    }

    /// The size the next run uses, if any is left.
    pub fn next_size(&self) -> Option<u64> {
        if self.stopped {
            return None;
        }
        self.sizes.get(self.points.len()).copied()
    }

    pub fn done(&self) -> bool {
        self.next_size().is_none()
    }

    /// Records the run at the current size (a failed or cancelled run stops the sweep).
    pub fn record(&mut self, completed: bool, wall_ms: f64) {
        match self.next_size() {
            Some(chunk) if completed => self.points.push(ChunkPoint {
                chunk,
                tasks: self.n.div_ceil(chunk),
                wall_ms,
            }),
            _ => self.stopped = true,
        }
    }

    /// The fastest point.
    pub fn best(&self) -> Option<ChunkPoint> {
        self.points
            .iter()
            .copied()
            .filter(|p| p.wall_ms > 0.0)
            .min_by(|a, b| a.wall_ms.total_cmp(&b.wall_ms))
    }

    /// Each point's speedup over chunk size 1 (once that is measured).
    pub fn speedups(&self) -> Vec<(u64, f64)> {
        let Some(one) = self
            .points
            .first()
            .filter(|p| p.chunk == 1 && p.wall_ms > 0.0)
        else {
            return Vec::new();
        };
        self.points
            .iter()
            .filter(|p| p.wall_ms > 0.0)
            .map(|p| (p.chunk, one.wall_ms / p.wall_ms))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_powers_of_ten_up_to_n() {
        assert_eq!(
            ChunkSweep::new(Executor::Pool, 200_000).sizes,
            vec![1, 10, 100, 1_000, 10_000, 100_000]
        );
        assert_eq!(ChunkSweep::new(Executor::Pool, 1).sizes, vec![1]);
        assert_eq!(ChunkSweep::new(Executor::Pool, 0).sizes, vec![1]);
        assert_eq!(
            ChunkSweep::new(Executor::Pool, u64::MAX).sizes.len(),
            MAX_SIZES
        );
    }

    #[test]
    fn points_follow_the_sizes_and_a_failure_stops_the_sweep() {
        let mut s = ChunkSweep::new(Executor::Gil, 1_000);
        assert_eq!(s.next_size(), Some(1));
        s.record(true, 100.0);
        s.record(true, 20.0);
        assert_eq!(s.next_size(), Some(100));
        assert_eq!(
            s.points[1],
            ChunkPoint {
                chunk: 10,
                tasks: 100,
                wall_ms: 20.0
            }
        );
        assert_eq!(s.best().unwrap().chunk, 10);
        assert_eq!(s.speedups(), vec![(1, 1.0), (10, 5.0)]);
        s.record(false, 5.0);
        assert!(s.done() && s.stopped);
        assert_eq!(s.points.len(), 2);
        s.record(true, 1.0);
        assert_eq!(s.points.len(), 2, "nothing after a stop");
    }
}
