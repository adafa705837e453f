//! Where a run's wall time went, from its spans: computing, waiting, copying, starting new
//! workers, and the rest (overhead: scheduling, starting lanes, idle threads). Per lane, time
//! covered by a running span (compute, locked, copy) counts as working even if waits overlap
//! it; waiting is time covered only by waits; starting is time covered only by a worker's
//! start-up; overhead is what none covers. The lanes' shares are averaged, so the parts add up
//! to the wall time.

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
        let pick = |kinds: &[SpanKind]| -> Vec<(f64, f64)> {
            list.iter()
                .filter(|s| kinds.contains(&s.kind))
                .map(|s| (s.start_ms, s.end_ms))
                .collect()
        };
        let copying = union(pick(&[SpanKind::Copy]));
        let running = union(pick(&[SpanKind::Compute, SpanKind::Locked, SpanKind::Copy]));
        let any = union(pick(&SpanKind::TASK));
        let with_start = union(pick(&SpanKind::ALL));
        let covered = |u: &[(f64, f64)]| u.iter().map(|(a, b)| b - a).sum::<f64>();
        let (run, cp, all) = (covered(&running), covered(&copying), covered(&any));
        compute += run - cp;
        copy += cp;
        wait += all - run;
        start += covered(&with_start) - all;
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
