//! What the page's animation frames say about a run: a frozen main thread paints nothing, so
//! the gaps between `requestAnimationFrame` callbacks measure how long the page was stuck.

/// One frame at 60 Hz.
pub const FRAME_MS: f64 = 1000.0 / 60.0;

/// A summary of the frames painted during a run.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FrameStats {
    /// Frames painted.
    pub frames: usize,
    /// The longest time between two painted frames (ms).
    pub longest_gap_ms: f64,
    /// Frames that should have been painted (at 60 Hz) but were not.
    pub dropped: usize,
}

/// Summarises frame timestamps (ms, ascending), e.g. from `requestAnimationFrame`.
pub fn summarize(timestamps: &[f64]) -> FrameStats {
    let mut stats = FrameStats {
        frames: timestamps.len(),
        ..FrameStats::default()
    };
    for pair in timestamps.windows(2) {
        let gap = pair[1] - pair[0];
        stats.longest_gap_ms = stats.longest_gap_ms.max(gap);
        stats.dropped += missed(gap);
    }
    stats
}

/// Frames skipped in a gap of `gap_ms` between two painted frames: a gap of k frame periods
/// means k − 1 were skipped; half a frame of jitter is allowed so a steady 60 Hz stream counts
/// zero.
pub fn missed(gap_ms: f64) -> usize {
    let missed = (gap_ms / FRAME_MS - 0.5).floor();
    if missed >= 1.0 {
        missed as usize
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_frames_drop_nothing() {
        let ts: Vec<f64> = (0..60)
            .map(|i| i as f64 * FRAME_MS + if i % 2 == 0 { 1.0 } else { 0.0 })
            .collect();
        let s = summarize(&ts);
        assert_eq!(s.frames, 60);
        assert_eq!(s.dropped, 0);
        assert!(s.longest_gap_ms < FRAME_MS + 2.0);
    }

    #[test]
    fn a_freeze_shows_as_one_long_gap() {
        let mut ts: Vec<f64> = (0..10).map(|i| i as f64 * FRAME_MS).collect();
        let last = ts[9];
        ts.push(last + 1000.0); // frozen for a second
        let s = summarize(&ts);
        assert_eq!(s.longest_gap_ms, 1000.0);
        assert_eq!(s.dropped, 59);
    }

    #[test]
    fn too_few_frames() {
        assert_eq!(summarize(&[]), FrameStats::default());
        assert_eq!(summarize(&[5.0]).frames, 1);
    }
}
