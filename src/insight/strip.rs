//! The concurrency strip: how many threads compute at each moment of a run, and the share of
//! the wall time spent at each level.

use std::collections::BTreeMap;

use crate::engine::breakdown::union;
use crate::engine::{Lane, Span, SpanKind};

/// Time spent with `computing` threads computing at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub computing: usize,
    pub ms: f64,
    /// Of the wall time.
    pub share: f64,
}

/// The steps of the strip: (from, to, threads computing), covering `[t0, t1]`.
pub fn steps(spans: &[&Span], t0: f64, t1: f64) -> Vec<(f64, f64, usize)> {
    // Each thread counts once, whatever its tasks do meanwhile.
    let mut per_lane: BTreeMap<Lane, Vec<(f64, f64)>> = BTreeMap::new();
    for s in spans {
        if matches!(s.kind, SpanKind::Compute | SpanKind::Locked) {
            let (a, b) = (s.start_ms.max(t0), s.end_ms.min(t1));
            if b > a {
                per_lane.entry(s.lane).or_default().push((a, b));
            }
        }
    }
    let mut events: Vec<(f64, i32)> = per_lane
        .into_values()
        .flat_map(union)
        .flat_map(|(a, b)| [(a, 1), (b, -1)])
        .collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let (mut at, mut level) = (t0, 0i32);
    for (t, delta) in events {
        if t > at {
            out.push((at, t, level.max(0) as usize));
            at = t;
        }
        level += delta;
    }
    if t1 > at {
        out.push((at, t1, level.max(0) as usize));
    }
    out
}

/// The share of `[t0, t1]` at each level, from 0 to the most seen.
pub fn concurrency_strip(spans: &[&Span], t0: f64, t1: f64) -> Vec<Level> {
    let wall = t1 - t0;
    let mut ms: Vec<f64> = Vec::new();
    for (a, b, level) in steps(spans, t0, t1) {
        if ms.len() <= level {
            ms.resize(level + 1, 0.0);
        }
        ms[level] += b - a;
    }
    ms.into_iter()
        .enumerate()
        .map(|(computing, ms)| Level {
            computing,
            ms,
            share: if wall > 0.0 { ms / wall } else { 0.0 },
        })
        .collect()
}
