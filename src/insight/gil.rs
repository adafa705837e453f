//! The GIL, seen from a run's spans: who held it when (the GIL lane), each hand-over and why
//! it happened, and a ledger per thread — held, waiting, not needing it, switches per second,
//! and how long a thread took to get the lock back after IO (gil_load and per4m measure the
//! same of CPython).
//!
//! Under the simulated GIL a lane's `Locked` spans are its holds and its `Wait` spans its waits
//! for the lock (or, for the queue and the bank's lock, a blocked task, which also gives the
//! GIL up). A hold that ends in a wait after at least the switch interval was *forced* (another
//! thread asked and the interval passed); one that ends in IO, a blocked task or a finished
//! task was *voluntary*.

use std::collections::BTreeMap;

use crate::engine::{Lane, Span, SpanKind};

/// One hold of the lock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hold {
    pub lane: Lane,
    pub start_ms: f64,
    pub end_ms: f64,
    /// Why the holder let go.
    pub release: Release,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    /// The switch interval passed while another thread waited.
    Forced,
    /// The holder waited on IO.
    Io,
    /// The holder's task blocked (a lock or the queue) or the lock was handed on early.
    Blocked,
    /// The holder's task finished (or the run ended).
    Done,
}

impl Release {
    pub fn tag(self) -> &'static str {
        match self {
            Release::Forced => "forced",
            Release::Io => "io",
            Release::Blocked => "blocked",
            Release::Done => "done",
        }
    }
}

/// One thread's account of the lock (shares of the wall time).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ledger {
    pub lane: Lane,
    pub held: f64,
    pub waiting: f64,
    /// Neither holding nor waiting: IO, or nothing to do.
    pub not_needing: f64,
    /// After each IO wait, until this thread held the lock again (ms): mean and 95th
    /// percentile, if it did IO.
    pub back_after_io_ms: Option<(f64, f64)>,
}

/// The whole picture.
#[derive(Debug, Clone, PartialEq)]
pub struct GilView {
    pub holds: Vec<Hold>,
    /// Hand-overs (a hold followed by another thread's) per second of wall time.
    pub switches_per_s: f64,
    pub forced: usize,
    pub voluntary: usize,
    pub ledgers: Vec<Ledger>,
}

/// The GIL's story in a run under the simulated GIL with switch interval `switch_ms`.
pub fn gil_view(spans: &[Span], wall_ms: f64, switch_ms: f64) -> GilView {
    let mut by_lane: BTreeMap<Lane, Vec<&Span>> = BTreeMap::new();
    for s in spans
        .iter()
        .filter(|s| s.start_ms.is_finite() && s.end_ms.is_finite() && s.end_ms >= s.start_ms)
    {
        by_lane.entry(s.lane).or_default().push(s);
    }
    let mut holds = Vec::new();
    let mut ledgers = Vec::new();
    for (&lane, list) in by_lane.iter_mut() {
        list.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        let mut back = Vec::new();
        for (k, s) in list.iter().enumerate() {
            match s.kind {
                SpanKind::Locked => {
                    let next = list[k + 1..].iter().find(|n| n.end_ms > n.start_ms);
                    let release = match next {
                        Some(n) if n.task != s.task => Release::Done,
                        Some(n) if n.kind == SpanKind::Io => Release::Io,
                        Some(n)
                            if n.kind == SpanKind::Wait
                                && s.end_ms - s.start_ms >= switch_ms * 0.999 =>
                        {
                            Release::Forced
                        }
                        Some(_) => Release::Blocked,
                        None => Release::Done,
                    };
                    holds.push(Hold {
                        lane,
                        start_ms: s.start_ms,
                        end_ms: s.end_ms,
                        release,
                    });
                }
                SpanKind::Io => {
                    let again = list[k + 1..]
                        .iter()
                        .find(|n| n.kind == SpanKind::Locked && n.task == s.task);
                    if let Some(n) = again {
                        back.push((n.start_ms - s.end_ms).max(0.0));
                    }
                }
                _ => {}
            }
        }
        let total = |kind: SpanKind| {
            list.iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.end_ms - s.start_ms)
                .sum::<f64>()
        };
        let share = |ms: f64| {
            if wall_ms > 0.0 {
                (ms / wall_ms).clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        let (held, waiting) = (share(total(SpanKind::Locked)), share(total(SpanKind::Wait)));
        ledgers.push(Ledger {
            lane,
            held,
            waiting,
            not_needing: (1.0 - held - waiting).max(0.0),
            back_after_io_ms: mean_and_p95(&mut back),
        });
    }
    holds.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    let handovers: Vec<&Hold> = holds
        .windows(2)
        .filter(|w| w[0].lane != w[1].lane)
        .map(|w| &w[0])
        .collect();
    let forced = handovers
        .iter()
        .filter(|h| h.release == Release::Forced)
        .count();
    GilView {
        switches_per_s: if wall_ms > 0.0 {
            handovers.len() as f64 * 1e3 / wall_ms
        } else {
            0.0
        },
        forced,
        voluntary: handovers.len() - forced,
        holds,
        ledgers,
    }
}

/// Whom a wait on `lane` from `from_ms` to `to_ms` waited for: the other lane that held a lock
/// (a `Locked` span) for most of that time, if any did.
pub fn holder_during(spans: &[Span], lane: Lane, from_ms: f64, to_ms: f64) -> Option<Lane> {
    let mut held: BTreeMap<Lane, f64> = BTreeMap::new();
    for s in spans {
        if s.kind == SpanKind::Locked && s.lane != lane {
            let overlap = s.end_ms.min(to_ms) - s.start_ms.max(from_ms);
            if overlap > 0.0 {
                *held.entry(s.lane).or_default() += overlap;
            }
        }
    }
    held.into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(lane, _)| lane)
}

fn mean_and_p95(v: &mut [f64]) -> Option<(f64, f64)> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    // Nearest rank.
    let rank = ((0.95 * v.len() as f64).ceil() as usize).clamp(1, v.len());
    Some((mean, v[rank - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lane: u16, task: u32, kind: SpanKind, start_ms: f64, end_ms: f64) -> Span {
        Span {
            lane: Lane::Worker(lane),
            task,
            kind,
            start_ms,
            end_ms,
        }
    }

    #[test]
    fn holds_hand_overs_and_the_ledger() {
        use SpanKind::*;
        // Worker 0 holds 0–5 and is forced off (waits 5–10), holds 10–12, waits on IO
        // 12–14, gets the lock back at 15 and finishes at 20. Worker 1 waits 0–5, then
        // holds 5–10 and finishes.
        let spans = [
            span(0, 0, Locked, 0.0, 5.0),
            span(0, 0, Wait, 5.0, 10.0),
            span(0, 0, Locked, 10.0, 12.0),
            span(0, 0, Io, 12.0, 14.0),
            span(0, 0, Wait, 14.0, 15.0),
            span(0, 0, Locked, 15.0, 20.0),
            span(1, 1, Wait, 0.0, 5.0),
            span(1, 1, Locked, 5.0, 10.0),
        ];
        let v = gil_view(&spans, 20.0, 5.0);
        let releases: Vec<(Lane, Release)> = v.holds.iter().map(|h| (h.lane, h.release)).collect();
        assert_eq!(
            releases,
            vec![
                (Lane::Worker(0), Release::Forced),
                (Lane::Worker(1), Release::Done),
                (Lane::Worker(0), Release::Io),
                (Lane::Worker(0), Release::Done),
            ]
        );
        // Two hand-overs (0 → 1, 1 → 0) in 20 ms: 100 per second; one forced.
        assert_eq!((v.forced, v.voluntary), (1, 1));
        assert!((v.switches_per_s - 100.0).abs() < 1e-9);
        let w0 = v.ledgers[0];
        assert_eq!((w0.held, w0.waiting), (12.0 / 20.0, 6.0 / 20.0));
        assert!((w0.not_needing - 0.1).abs() < 1e-9);
        assert_eq!(
            w0.back_after_io_ms,
            Some((1.0, 1.0)),
            "IO ended at 14, held again at 15"
        );
        let w1 = v.ledgers[1];
        assert_eq!(
            (w1.held, w1.waiting, w1.back_after_io_ms),
            (0.25, 0.25, None)
        );
    }

    #[test]
    fn a_wait_names_the_thread_that_held_the_lock() {
        use SpanKind::*;
        let spans = [
            span(0, 0, Wait, 0.0, 10.0),
            span(1, 1, Locked, 0.0, 2.0),
            span(2, 2, Locked, 2.0, 10.0),
            span(0, 0, Locked, 10.0, 12.0),
        ];
        assert_eq!(
            holder_during(&spans, Lane::Worker(0), 0.0, 10.0),
            Some(Lane::Worker(2)),
            "held 8 of the 10 ms"
        );
        assert_eq!(
            holder_during(&spans, Lane::Worker(0), 10.0, 12.0),
            None,
            "its own hold"
        );
    }

    #[test]
    fn the_95th_percentile_is_a_measured_value() {
        let mut v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(mean_and_p95(&mut v), Some((10.5, 19.0)));
        assert_eq!(mean_and_p95(&mut []), None);
    }

    #[test]
    fn a_real_gil_run_hands_over_by_force_and_never_holds_twice() {
        use crate::engine::testing::run_gil;
        use crate::param::Values;
        use crate::workload::counter;
        let values = Values::default()
            .with(&counter::N, 50_000_000)
            .with(&counter::TASKS, 2);
        let out = run_gil((counter::DEF.plan)(&values), 2);
        let v = gil_view(
            &out.spans,
            out.wall_ms,
            crate::engine::gil::SWITCH_INTERVAL_MS,
        );
        for w in v.holds.windows(2) {
            assert!(w[1].start_ms >= w[0].end_ms, "{w:?}");
        }
        let held: f64 = v.ledgers.iter().map(|l| l.held).sum();
        assert!(held <= 1.0 + 1e-9, "one holder at a time: {held}");
    }
}
