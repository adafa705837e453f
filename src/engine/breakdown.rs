//! Where a lane's time went, and a run's wall time, from the spans: computing, copying, waiting
//! (for a lock or the queue, or on IO), starting a new worker, and the rest (overhead:
//! scheduling, starting lanes, idle threads). Within a lane the kinds are layered, and each
//! moment counts once, for the first layer that covers it: running (compute, locked), then
//! copying, then waiting for a lock, then IO, then a worker's start-up; what none covers is
//! idle. The run's breakdown averages its lanes' shares, so the parts add up to the wall time;
//! the insights (`crate::insight`) read the same layers per thread.

use super::{Lane, Span, SpanKind};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Breakdown {
    pub wall_ms: f64,
    /// Lanes that recorded spans.
    pub lanes: usize,
    pub compute_ms: f64,
    pub wait_ms: f64,
    pub copy_ms: f64,
    /// Waiting for a new worker (a process) to start.
    pub start_ms: f64,
    pub overhead_ms: f64,
}

/// Splits `wall_ms` by what `spans` say each lane did (averaged over lanes).
pub fn breakdown(spans: &[Span], wall_ms: f64) -> Breakdown {
    let wall_ms = if wall_ms.is_finite() {
        wall_ms.max(0.0)
    } else {
        0.0
    };
    let mut lanes: BTreeMap<Lane, Vec<&Span>> = BTreeMap::new();
    for s in spans {
        if s.start_ms.is_finite() && s.end_ms.is_finite() && s.end_ms > s.start_ms {
            lanes.entry(s.lane).or_default().push(s);
        }
    }
    let n = lanes.len();
    if n == 0 || wall_ms == 0.0 {
        return Breakdown {
            wall_ms,
            lanes: n,
            overhead_ms: wall_ms,
            ..Breakdown::default()
        };
    }
    let (mut compute, mut copy, mut wait, mut start) = (0.0, 0.0, 0.0, 0.0);
    for list in lanes.values() {
        let cover = LaneCover::of(list, f64::NEG_INFINITY, f64::INFINITY);
        compute += cover.running_ms;
        copy += cover.copying_ms;
        wait += cover.waiting_ms + cover.io_ms;
        start += cover.starting_ms;
    }
    // Lane time is capped by the wall time: spans are clocked by the lanes, the wall by the
    // page, so rounding (or a lane's clock) may overshoot by a hair.
    let scale = |ms: f64| ms / n as f64;
    let (compute_ms, wait_ms, copy_ms, start_ms) =
        (scale(compute), scale(wait), scale(copy), scale(start));
    let used = compute_ms + wait_ms + copy_ms + start_ms;
    let fit = if used > wall_ms { wall_ms / used } else { 1.0 };
    Breakdown {
        wall_ms,
        lanes: n,
        compute_ms: compute_ms * fit,
        wait_ms: wait_ms * fit,
        copy_ms: copy_ms * fit,
        start_ms: start_ms * fit,
        overhead_ms: (wall_ms - used * fit).max(0.0),
    }
}

/// One lane's time between `from` and `to`, layer by layer (see the module's doc): each
/// moment counts once, for the first layer whose spans cover it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LaneCover {
    /// Computing, or computing while holding the GIL.
    pub running_ms: f64,
    /// Copying data to or from a worker with its own memory.
    pub copying_ms: f64,
    /// Waiting for a lock (the GIL) or for the queue.
    pub waiting_ms: f64,
    /// Waiting on IO (a sleep).
    pub io_ms: f64,
    /// Waiting for a new worker to start.
    pub starting_ms: f64,
    /// Covered by no span.
    pub idle_ms: f64,
}

impl LaneCover {
    /// The cover of one lane's `spans`, clipped to `from..to` (infinite bounds: unclipped;
    /// `idle_ms` is then 0).
    pub fn of(spans: &[&Span], from: f64, to: f64) -> Self {
        let covered = |kinds: &[SpanKind]| -> f64 {
            let picked = spans
                .iter()
                .filter(|s| kinds.contains(&s.kind))
                .map(|s| (s.start_ms.max(from), s.end_ms.min(to)))
                .filter(|(a, b)| b > a)
                .collect();
            union(picked).iter().map(|(a, b)| b - a).sum()
        };
        use SpanKind::{Compute, Copy, Locked, Wait};
        let running = covered(&[Compute, Locked]);
        let upto_copy = covered(&[Compute, Locked, Copy]);
        let upto_wait = covered(&[Compute, Locked, Copy, Wait]);
        let task = covered(&SpanKind::TASK);
        let all = covered(&SpanKind::ALL);
        let window = to - from;
        Self {
            running_ms: running,
            copying_ms: upto_copy - running,
            waiting_ms: upto_wait - upto_copy,
            io_ms: task - upto_wait,
            starting_ms: all - task,
            idle_ms: if window.is_finite() {
                (window - all).max(0.0)
            } else {
                0.0
            },
        }
    }
}

/// The union of intervals as disjoint, sorted intervals.
pub(crate) fn union(mut v: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lane: Lane, kind: SpanKind, a: f64, b: f64) -> Span {
        Span {
            lane,
            task: 0,
            kind,
            start_ms: a,
            end_ms: b,
        }
    }

    #[test]
    fn parts_add_up_to_the_wall_time() {
        // Lane 0 computes 0–60 and waits 60–80; lane 1 copies 0–10, computes 10–50.
        let spans = [
            span(Lane::Worker(0), SpanKind::Compute, 0.0, 60.0),
            span(Lane::Worker(0), SpanKind::Io, 60.0, 80.0),
            span(Lane::Worker(1), SpanKind::Copy, 0.0, 10.0),
            span(Lane::Worker(1), SpanKind::Compute, 10.0, 50.0),
        ];
        let b = breakdown(&spans, 100.0);
        assert_eq!(b.lanes, 2);
        assert_eq!(b.compute_ms, 50.0);
        assert_eq!(b.wait_ms, 10.0);
        assert_eq!(b.copy_ms, 5.0);
        assert_eq!(b.overhead_ms, 35.0);
    }

    #[test]
    fn a_workers_start_up_is_its_own_part() {
        // A fresh process worker: 30 ms to start, then it copies and computes.
        let spans = [
            span(Lane::Worker(0), SpanKind::Start, 0.0, 30.0),
            span(Lane::Worker(0), SpanKind::Copy, 30.0, 32.0),
            span(Lane::Worker(0), SpanKind::Compute, 32.0, 40.0),
        ];
        let b = breakdown(&spans, 40.0);
        assert_eq!((b.compute_ms, b.copy_ms), (8.0, 2.0));
        assert_eq!((b.wait_ms, b.start_ms, b.overhead_ms), (0.0, 30.0, 0.0));
        let b = breakdown(&spans, 50.0);
        assert_eq!((b.start_ms, b.overhead_ms), (30.0, 10.0));
    }

    #[test]
    fn overlapping_waits_count_once_and_never_over_running() {
        // A cooperative run: two IO waits overlap each other and a compute span.
        let spans = [
            span(Lane::Main, SpanKind::Compute, 0.0, 10.0),
            span(Lane::Main, SpanKind::Io, 5.0, 50.0),
            span(Lane::Main, SpanKind::Io, 10.0, 60.0),
            span(Lane::Main, SpanKind::Locked, 60.0, 70.0),
        ];
        let b = breakdown(&spans, 70.0);
        assert_eq!((b.compute_ms, b.wait_ms, b.overhead_ms), (20.0, 50.0, 0.0));
    }

    #[test]
    fn a_lane_counts_each_moment_once_for_its_first_layer() {
        // Locked 0–10, a GIL wait 5–20 (under the lock until 10), IO 15–30, a start-up 25–40,
        // copying 40–45; the window 2–50 clips the lock and leaves 45–50 idle.
        let spans = [
            span(Lane::Worker(0), SpanKind::Locked, 0.0, 10.0),
            span(Lane::Worker(0), SpanKind::Wait, 5.0, 20.0),
            span(Lane::Worker(0), SpanKind::Io, 15.0, 30.0),
            span(Lane::Worker(0), SpanKind::Start, 25.0, 40.0),
            span(Lane::Worker(0), SpanKind::Copy, 40.0, 45.0),
        ];
        let list: Vec<&Span> = spans.iter().collect();
        let c = LaneCover::of(&list, 2.0, 50.0);
        assert_eq!(
            (c.running_ms, c.waiting_ms, c.io_ms, c.starting_ms),
            (8.0, 10.0, 10.0, 10.0)
        );
        assert_eq!((c.copying_ms, c.idle_ms), (5.0, 5.0));
        let unclipped = LaneCover::of(&list, f64::NEG_INFINITY, f64::INFINITY);
        assert_eq!((unclipped.running_ms, unclipped.idle_ms), (10.0, 0.0));
    }

    #[test]
    fn empty_and_odd_input() {
        let b = breakdown(&[], 12.0);
        assert_eq!((b.lanes, b.overhead_ms), (0, 12.0));
        let b = breakdown(&[span(Lane::Main, SpanKind::Compute, 0.0, 20.0)], f64::NAN);
        assert_eq!(b.wall_ms, 0.0);
        // Spans a hair longer than the wall time are scaled to fit.
        let b = breakdown(&[span(Lane::Main, SpanKind::Compute, 0.0, 10.5)], 10.0);
        assert_eq!((b.compute_ms, b.overhead_ms), (10.0, 0.0));
    }
}
