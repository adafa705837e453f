//! The frame meter under a timeline: the page's animation frames during a run, on the run's
//! time axis. Each frame's distance from the one before is its height; a gap where frames were
//! dropped (the main thread was blocked) is marked. Counting uses `engine::frames`, so the
//! meter and the results table agree.

use crate::engine::frames::{missed, summarize, FrameStats};

/// A stretch without painted frames, in ms since the run's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    pub start_ms: f64,
    pub end_ms: f64,
    pub dropped: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meter {
    /// (frame time in ms since the run's start, ms since the previous frame), from the second
    /// frame on.
    pub intervals: Vec<(f64, f64)>,
    /// Stretches where frames were dropped, in time order.
    pub gaps: Vec<Gap>,
    pub stats: FrameStats,
}

/// The meter for frames stamped at `stamps_ms` (on the spans' clock, ascending) for a run that
/// started at `origin_ms`. Stamps that are not finite or go backwards are skipped.
pub fn frame_meter(stamps_ms: &[f64], origin_ms: f64) -> Meter {
    let mut clean: Vec<f64> = Vec::with_capacity(stamps_ms.len());
    for &t in stamps_ms {
        if t.is_finite() && clean.last().is_none_or(|&last| t >= last) {
            clean.push(t);
        }
    }
    let origin = if origin_ms.is_finite() {
        origin_ms
    } else {
        0.0
    };
    let mut intervals = Vec::with_capacity(clean.len());
    let mut gaps = Vec::new();
    for pair in clean.windows(2) {
        let gap = pair[1] - pair[0];
        intervals.push((pair[1] - origin, gap));
        let dropped = missed(gap);
        if dropped > 0 {
            gaps.push(Gap {
                start_ms: pair[0] - origin,
                end_ms: pair[1] - origin,
                dropped,
            });
        }
    }
    Meter {
        intervals,
        gaps,
        stats: summarize(&clean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::frames::FRAME_MS;

    #[test]
    fn a_smooth_page_is_flat() {
        let stamps: Vec<f64> = (0..120).map(|i| 1_000.0 + i as f64 * FRAME_MS).collect();
        let m = frame_meter(&stamps, 1_000.0);
        assert!(m.gaps.is_empty());
        assert_eq!(m.stats.dropped, 0);
        assert_eq!(m.intervals.len(), 119);
        assert!(m
            .intervals
            .iter()
            .all(|&(_, d)| (d - FRAME_MS).abs() < 1e-9));
        assert!((m.intervals[0].0 - FRAME_MS).abs() < 1e-9);
    }

    #[test]
    fn a_freeze_is_one_marked_gap_that_agrees_with_the_stats() {
        let mut stamps: Vec<f64> = (0..10).map(|i| i as f64 * FRAME_MS).collect();
        let frozen_from = stamps[9];
        stamps.push(frozen_from + 500.0);
        stamps.push(frozen_from + 500.0 + FRAME_MS);
        let m = frame_meter(&stamps, 0.0);
        assert_eq!(m.gaps.len(), 1);
        let g = m.gaps[0];
        assert_eq!((g.start_ms, g.end_ms), (frozen_from, frozen_from + 500.0));
        assert_eq!(g.dropped, m.stats.dropped);
        assert_eq!(m.stats, summarize(&stamps));
        assert_eq!(m.stats.longest_gap_ms, 500.0);
    }

    #[test]
    fn bad_stamps_are_skipped() {
        let m = frame_meter(&[f64::NAN, 10.0, 5.0, 20.0, f64::INFINITY], f64::NAN);
        assert_eq!(m.stats.frames, 2);
        assert_eq!(m.intervals, vec![(20.0, 10.0)]);
        let empty = frame_meter(&[], 0.0);
        assert!(empty.intervals.is_empty() && empty.gaps.is_empty());
    }
}
