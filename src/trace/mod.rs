//! A finished run as a Chrome Trace Event Format file, which Perfetto UI (ui.perfetto.dev) and
//! `chrome://tracing` open: one thread per lane, the run's spans as complete slices (`X`), the
//! GIL's holders on a thread of their own (GIL runs), and how many threads computed at once as a
//! counter (`C`).
//!
//! Times are microseconds since the run's earliest span start. Slices on one thread of the file
//! must nest; a lane's spans may overlap (the cooperative executor interleaves tasks on the main
//! thread), so each lane is split into as many sub-tracks as it needs, each its own thread.
//! The JSON is written by hand: the crate has no serde.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::app_state::RunRecord;
use crate::engine::{Lane, Span, SpanKind};
use crate::executor::Executor;

/// The trace's process id (the whole run is one process).
const PID: u32 = 1;

/// The counter track's name, and its one key.
const COUNTER: &str = "threads computing";
const COUNTER_KEY: &str = "computing";

/// `record`'s spans as a Chrome Trace Event Format JSON text, `title` naming the process.
pub fn chrome_trace(record: &RunRecord, title: &str) -> String {
    let spans = timed(&record.output.spans);
    let gil = record.executor == Executor::Gil;

    // Threads: each lane's sub-tracks in lane order, then the GIL's.
    let mut threads: Vec<String> = Vec::new();
    let mut slices: Vec<(usize, Slice)> = Vec::new();
    let mut by_lane: BTreeMap<Lane, Vec<&Timed>> = BTreeMap::new();
    for s in &spans {
        by_lane.entry(s.lane).or_default().push(s);
    }
    for (lane, lane_spans) in &by_lane {
        let (tracks, count) = sub_tracks(lane_spans.iter().map(|s| (s.start, s.end)));
        let first = threads.len();
        threads.extend((0..count).map(|k| track_name(&lane_name(*lane), k)));
        for (s, track) in lane_spans.iter().zip(tracks) {
            slices.push((first + track, Slice::of_span(s, record.executor)));
        }
    }
    if gil {
        let mut held: Vec<&Timed> = spans
            .iter()
            .filter(|s| s.kind == SpanKind::Locked)
            .collect();
        held.sort_by_key(|s| (s.start, s.end, s.lane));
        let (tracks, count) = sub_tracks(held.iter().map(|s| (s.start, s.end)));
        let first = threads.len();
        threads.extend((0..count).map(|k| track_name("GIL", k)));
        for (s, track) in held.iter().zip(tracks) {
            slices.push((
                first + track,
                Slice {
                    name: format!("held by {}", lane_name(s.lane)),
                    cat: "gil",
                    start: s.start,
                    end: s.end,
                    task: s.task,
                    reason: None,
                },
            ));
        }
    }
    // Per thread, in time order.
    slices.sort_by_key(|(thread, s)| (*thread, s.start, s.end));

    let mut events: Vec<String> = Vec::new();
    events.push(format!(
        r#"{{"ph":"M","pid":{PID},"tid":0,"name":"process_name","args":{{"name":{}}}}}"#,
        json_string(title)
    ));
    for (i, name) in threads.iter().enumerate() {
        events.push(format!(
            r#"{{"ph":"M","pid":{PID},"tid":{},"name":"thread_name","args":{{"name":{}}}}}"#,
            tid(i),
            json_string(name)
        ));
    }
    for (thread, s) in &slices {
        let mut args = format!(r#""task":{}"#, s.task);
        if let Some(reason) = s.reason {
            let _ = write!(args, r#","reason":{}"#, json_string(reason));
        }
        events.push(format!(
            r#"{{"ph":"X","pid":{PID},"tid":{},"name":{},"cat":{},"ts":{},"dur":{},"args":{{{args}}}}}"#,
            tid(*thread),
            json_string(&s.name),
            json_string(s.cat),
            micros(s.start),
            micros(s.end - s.start),
        ));
    }
    for (t, n) in computing(&spans) {
        events.push(format!(
            r#"{{"ph":"C","pid":{PID},"tid":0,"name":{},"ts":{},"args":{{{}:{n}}}}}"#,
            json_string(COUNTER),
            micros(t),
            json_string(COUNTER_KEY),
        ));
    }
    let mut out = String::from("{\"traceEvents\":[\n");
    out.push_str(&events.join(",\n"));
    out.push_str("\n],\"displayTimeUnit\":\"ms\"}\n");
    out
}

/// A span on the trace's clock: nanoseconds since the run's first span start (integers, so
/// rounding can never make two slices of one thread overlap).
#[derive(Debug, Clone, Copy)]
struct Timed {
    lane: Lane,
    task: u32,
    kind: SpanKind,
    start: i64,
    end: i64,
}

/// The spans worth a slice: finite, and still longer than zero once rounded to the nanosecond
/// (0.001 µs), in start order.
fn timed(spans: &[Span]) -> Vec<Timed> {
    let finite = |s: &&Span| s.start_ms.is_finite() && s.end_ms.is_finite();
    let origin = spans
        .iter()
        .filter(finite)
        .map(|s| s.start_ms)
        .min_by(f64::total_cmp)
        .unwrap_or(0.0);
    // `as` saturates: an absurdly long span stays finite.
    let ns = |ms: f64| ((ms - origin) * 1e6).round() as i64;
    let mut out: Vec<Timed> = spans
        .iter()
        .filter(finite)
        .map(|s| Timed {
            lane: s.lane,
            task: s.task,
            kind: s.kind,
            start: ns(s.start_ms),
            end: ns(s.end_ms),
        })
        .filter(|s| s.end > s.start)
        .collect();
    out.sort_by_key(|s| (s.lane, s.start, s.end));
    out
}

/// A slice to write.
struct Slice {
    name: String,
    cat: &'static str,
    start: i64,
    end: i64,
    task: u32,
    reason: Option<&'static str>,
}

impl Slice {
    fn of_span(s: &Timed, executor: Executor) -> Slice {
        let reason = (s.kind == SpanKind::Wait).then_some(if executor == Executor::Gil {
            "GIL"
        } else {
            "lock or queue"
        });
        Slice {
            name: kind_name(s.kind).to_string(),
            cat: s.kind.tag(),
            start: s.start,
            end: s.end,
            task: s.task,
            reason,
        }
    }
}

/// A kind of span, in words.
fn kind_name(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Compute => "compute",
        SpanKind::Io => "io wait",
        SpanKind::Wait => "waiting",
        SpanKind::Locked => "holding the lock",
        SpanKind::Copy => "copying",
        SpanKind::Start => "starting the worker",
    }
}

/// A lane's name, as the page's timeline names it (`worker {i}`: rayon's thread index).
fn lane_name(lane: Lane) -> String {
    match lane {
        Lane::Main => "main thread".into(),
        Lane::Worker(i) => format!("worker {i}"),
    }
}

/// The name of sub-track `k` (from 0) of a lane named `lane`: the lane's name, then "· 2", …
fn track_name(lane: &str, k: usize) -> String {
    if k == 0 {
        lane.to_string()
    } else {
        format!("{lane} · {}", k + 1)
    }
}

/// The trace's thread id of thread `i` (0 is the process's own events).
fn tid(i: usize) -> usize {
    i + 1
}

/// Puts intervals (in start order) on sub-tracks greedily: each on the first whose last
/// interval ended at or before its start. Returns each interval's sub-track and their count.
fn sub_tracks(intervals: impl Iterator<Item = (i64, i64)>) -> (Vec<usize>, usize) {
    let mut ends: Vec<i64> = Vec::new();
    let tracks = intervals
        .map(|(start, end)| match ends.iter().position(|&e| e <= start) {
            Some(k) => {
                ends[k] = end;
                k
            }
            None => {
                ends.push(end);
                ends.len() - 1
            }
        })
        .collect();
    (tracks, ends.len())
}

/// How many threads (lanes) run workload code — computing, or computing with a lock held — from
/// each instant it changes on: (ns, threads), the first at 0.
fn computing(spans: &[Timed]) -> Vec<(i64, usize)> {
    let mut edges: Vec<(i64, Lane, i32)> = spans
        .iter()
        .filter(|s| matches!(s.kind, SpanKind::Compute | SpanKind::Locked))
        .flat_map(|s| [(s.start, s.lane, 1), (s.end, s.lane, -1)])
        .collect();
    edges.sort_by_key(|&(t, lane, delta)| (t, delta, lane));
    let mut active: BTreeMap<Lane, i32> = BTreeMap::new();
    let mut out: Vec<(i64, usize)> = Vec::new();
    let mut i = 0;
    while i < edges.len() {
        let t = edges[i].0;
        while i < edges.len() && edges[i].0 == t {
            *active.entry(edges[i].1).or_default() += edges[i].2;
            i += 1;
        }
        let n = active.values().filter(|&&c| c > 0).count();
        match out.last() {
            Some(&(_, last)) if last == n => {}
            _ if t > 0 && out.is_empty() => out.extend([(0, 0), (t, n)]),
            _ => out.push((t, n)),
        }
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// Nanoseconds as microseconds, exactly (at most three decimals, no exponent, never `-0`).
fn micros(ns: i64) -> String {
    let sign = if ns < 0 { "-" } else { "" };
    let abs = ns.unsigned_abs();
    let (whole, frac) = (abs / 1_000, abs % 1_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:03}");
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

/// `s` as a JSON string literal (the exports' own escaping).
fn json_string(s: &str) -> String {
    crate::history::json::string(s)
}

#[cfg(test)]
mod tests;
