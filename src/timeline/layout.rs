//! Lanes, rows and bars from a run's spans. Each lane (the main thread first, then workers by
//! index) gets as many rows as it has spans at once — one, unless tasks overlap there, as a
//! cooperative run's IO waits do — and each span becomes a bar on the lowest free row. Very
//! dense runs merge sub-pixel bars so the page never draws more than about `max_bars`.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::thin::groups;
use crate::chart::scale::{nice_ticks, LinearScale};
use crate::engine::{Lane, Span, SpanKind};

/// A lane's name on the timeline.
pub fn lane_label(lane: Lane) -> String {
    match lane {
        Lane::Main => "主线程 · main".into(),
        Lane::Worker(i) => format!("worker {i}"),
    }
}

/// The run's first moment on the shared clock: the earliest span start (0 without spans).
/// Timeline times are relative to it.
pub fn origin_ms(spans: &[Span]) -> f64 {
    spans
        .iter()
        .map(|s| s.start_ms)
        .filter(|t| t.is_finite())
        .min_by(f64::total_cmp)
        .unwrap_or(0.0)
}

/// The time axis: a scale from ms since [`origin_ms`] to pixels, and its round ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub scale: LinearScale,
    /// In ms since the origin; the first is 0, the last reaches the run's last span end.
    pub ticks: Vec<f64>,
    pub step_ms: f64,
    /// The run's last span end, in ms since the origin (0 without spans).
    pub end_ms: f64,
}

/// The time axis for `spans` drawn across `x_range` pixels, with about `target_ticks` intervals.
pub fn time_axis(spans: &[Span], x_range: (f64, f64), target_ticks: usize) -> Axis {
    let origin = origin_ms(spans);
    let end = spans
        .iter()
        .flat_map(|s| [s.start_ms, s.end_ms])
        .filter(|t| t.is_finite())
        .max_by(f64::total_cmp)
        .unwrap_or(origin);
    let ticks = nice_ticks(0.0, end - origin, target_ticks);
    let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
    Axis {
        scale: LinearScale::new((first, last), x_range),
        step_ms: ticks[1] - ticks[0],
        end_ms: end - origin,
        ticks,
    }
}

/// Row sizes and drawing limits.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// y of the first row's top.
    pub top: f64,
    pub row_height: f64,
    pub row_gap: f64,
    /// Give the main thread a row even when it ran nothing (a pool run), so runs line up.
    pub always_main: bool,
    /// Above this many bars, bars narrower than a pixel threshold (at least `min_bar_px`) merge.
    pub max_bars: usize,
    pub min_bar_px: f64,
}

impl Default for Geometry {
    fn default() -> Geometry {
        Geometry {
            top: 0.0,
            row_height: 18.0,
            row_gap: 4.0,
            always_main: true,
            max_bars: 5_000,
            min_bar_px: 0.5,
        }
    }
}

/// One bar: a span, or neighbouring spans merged into one when the run was too dense to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The span's kind; for a merged bar, the kind that took the most time.
    pub kind: SpanKind,
    /// The span's task; for a merged bar, the first one's.
    pub task: u32,
    /// ms since the origin.
    pub start_ms: f64,
    pub end_ms: f64,
    /// How many spans this bar stands for (1 unless merged).
    pub spans: u32,
}

/// One row of bars; a lane has several when its spans overlap in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub lane: Lane,
    /// 0 for the lane's first row.
    pub sub: usize,
    pub label: String,
    pub y: f64,
    /// In time order, never overlapping.
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub rows: Vec<Row>,
    pub lanes: usize,
    /// Spans drawn (those with finite times).
    pub spans: usize,
    /// Bars drawn.
    pub bars: usize,
    /// When bars were merged: bars narrower than this many pixels merged with their neighbours.
    pub merge_px: Option<f64>,
    /// From `top` to the last row's bottom.
    pub height: f64,
}

/// Lays out `spans` with `time` mapping ms since [`origin_ms`] to x (see [`time_axis`]).
pub fn layout(spans: &[Span], time: &LinearScale, geo: &Geometry) -> Layout {
    let origin = origin_ms(spans);
    let mut lanes: BTreeMap<Lane, Vec<Span>> = BTreeMap::new();
    if geo.always_main {
        lanes.entry(Lane::Main).or_default();
    }
    for s in spans {
        if s.start_ms.is_finite() && s.end_ms.is_finite() {
            let end_ms = s.end_ms.max(s.start_ms);
            lanes.entry(s.lane).or_default().push(Span { end_ms, ..*s });
        }
    }
    let pitch = geo.row_height + geo.row_gap;
    let lane_count = lanes.len();
    let mut rows: Vec<Row> = Vec::new();
    for (lane, mut list) in lanes {
        list.sort_by(|a, b| {
            (a.start_ms.total_cmp(&b.start_ms)).then(a.end_ms.total_cmp(&b.end_ms))
        });
        let subs = lane_rows(&list);
        let first = rows.len();
        for sub in 0..=subs.iter().copied().max().unwrap_or(0) {
            rows.push(Row {
                lane,
                sub,
                label: lane_label(lane),
                y: geo.top + (first + sub) as f64 * pitch,
                bars: Vec::new(),
            });
        }
        for (s, sub) in list.iter().zip(subs) {
            let (start_ms, end_ms) = (s.start_ms - origin, s.end_ms - origin);
            let (x0, x1) = (time.map(start_ms), time.map(end_ms));
            let row = &mut rows[first + sub];
            row.bars.push(Bar {
                x: x0.min(x1),
                y: row.y,
                width: (x1 - x0).abs(),
                height: geo.row_height,
                kind: s.kind,
                task: s.task,
                start_ms,
                end_ms,
                spans: 1,
            });
        }
    }
    let span_count: usize = rows.iter().map(|r| r.bars.len()).sum();
    let merge_px = (span_count > geo.max_bars).then(|| merge(&mut rows, time, geo));
    Layout {
        lanes: lane_count,
        spans: span_count,
        bars: rows.iter().map(|r| r.bars.len()).sum(),
        merge_px,
        height: (rows.len() as f64 * pitch - geo.row_gap).max(0.0),
        rows,
    }
}

/// Each span's row within its lane (spans sorted by start). One row when nothing overlaps;
/// otherwise what the thread ran (compute, locked, copy) keeps the top rows and what it waited
/// on (IO, lock or queue) goes below, so the first row reads as the thread's own story.
fn lane_rows(sorted: &[Span]) -> Vec<usize> {
    let all = partition(sorted.iter());
    if all.iter().all(|&r| r == 0) {
        return all;
    }
    let running = |s: &&Span| !matches!(s.kind, SpanKind::Io | SpanKind::Wait);
    let ran = partition(sorted.iter().filter(running));
    let below = ran.iter().max().map_or(0, |m| m + 1);
    let (mut ran, mut waited) = (
        ran.into_iter(),
        partition(sorted.iter().filter(|s| !running(s))).into_iter(),
    );
    sorted
        .iter()
        .map(|s| match running(&s) {
            true => ran.next().unwrap_or(0),
            false => below + waited.next().unwrap_or(0),
        })
        .collect()
}

/// Spans closer than this (1 ns) count as touching, not overlapping: a lane's consecutive spans
/// share a clock reading, but rounding in the recorder's arithmetic may leave them an ulp apart.
const TOUCH_MS: f64 = 1e-6;

/// Greedy interval partitioning of spans sorted by start: each goes on the lowest-numbered row
/// free at its start. This uses as few rows as the most spans open at once (optimal), in
/// O(n log n) — a cooperative run can hold hundreds of waits open together.
fn partition<'a>(sorted: impl Iterator<Item = &'a Span>) -> Vec<usize> {
    // Rows busy until some time, earliest first (keyed by the time's bits in total order), and
    // rows free again, lowest first.
    let key = |t: f64| {
        let bits = t.to_bits() as i64;
        bits ^ (((bits >> 63) as u64) >> 1) as i64
    };
    let mut busy: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut ends: Vec<f64> = Vec::new();
    sorted
        .map(|s| {
            while let Some(&Reverse((_, row))) = busy.peek() {
                if ends[row] > s.start_ms + TOUCH_MS {
                    break;
                }
                free.push(Reverse(row));
                busy.pop();
            }
            let row = match free.pop() {
                Some(Reverse(row)) => row,
                None => {
                    ends.push(0.0);
                    ends.len() - 1
                }
            };
            ends[row] = s.end_ms;
            busy.push(Reverse((key(s.end_ms), row)));
            row
        })
        .collect()
}

/// Merges bars narrower than a threshold with close neighbours on their row, doubling the
/// threshold from `min_bar_px` until at most `max_bars` remain (or it reaches the plot's
/// width). Returns the threshold used.
fn merge(rows: &mut [Row], time: &LinearScale, geo: &Geometry) -> f64 {
    let width = (time.range.1 - time.range.0).abs();
    let mut px = if geo.min_bar_px > 0.0 {
        geo.min_bar_px
    } else {
        0.5
    };
    let mut merged: Vec<Vec<Bar>>;
    loop {
        merged = rows.iter().map(|r| merge_row(&r.bars, px)).collect();
        let total: usize = merged.iter().map(Vec::len).sum();
        if total <= geo.max_bars || px >= width || !width.is_finite() {
            break;
        }
        px *= 2.0;
    }
    for (row, bars) in rows.iter_mut().zip(merged) {
        row.bars = bars;
    }
    px
}

/// One row's bars after merging (grouped by `thin::groups`): a merged bar spans its group, counts
/// its spans, and takes the kind that took the most time in it.
fn merge_row(bars: &[Bar], px: f64) -> Vec<Bar> {
    let marks: Vec<(f64, f64)> = bars.iter().map(|b| (b.x, b.x + b.width)).collect();
    groups(&marks, px)
        .into_iter()
        .filter_map(|g| merged(&bars[g]))
        .collect()
}

/// One bar for a group of neighbours (none for an empty group, which `groups` never makes).
fn merged(group: &[Bar]) -> Option<Bar> {
    let (first, rest) = group.split_first()?;
    if rest.is_empty() {
        return Some(*first);
    }
    let mut time = [0.0; SpanKind::ALL.len()];
    let mut bar = *first;
    for b in group {
        time[kind_index(b.kind)] += b.end_ms - b.start_ms + 1e-9;
        bar.width = (b.x + b.width).max(bar.x + bar.width) - bar.x;
        bar.end_ms = bar.end_ms.max(b.end_ms);
    }
    bar.spans = group.iter().map(|b| b.spans).sum();
    // The earliest kind in `SpanKind::ALL` wins a tie.
    let most =
        (0..SpanKind::ALL.len()).max_by(|&i, &j| time[i].total_cmp(&time[j]).then(j.cmp(&i)));
    bar.kind = SpanKind::ALL[most.unwrap_or(0)];
    Some(bar)
}

fn kind_index(kind: SpanKind) -> usize {
    SpanKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}
