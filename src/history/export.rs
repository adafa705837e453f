//! Exports: the history and a run's spans as CSV (RFC 4180) and JSON, for a spreadsheet or a
//! notebook. Pure text; the page turns it into a download.

use super::json;
use super::time::iso_utc;
use super::{Entry, Outcome};
use crate::engine::{Lane, RunOutput, Span};
use crate::executor::Executor;

/// The history's CSV columns, in order.
pub const HISTORY_COLUMNS: [&str; 19] = [
    "id",
    "started_utc",
    "workload",
    "executor",
    "threads",
    "outcome",
    "failure",
    "answer",
    "summary",
    "wall_ms",
    "speedup",
    "tasks",
    "spans",
    "lanes",
    "logical_processors",
    "isolated",
    "browser",
    "config",
    "started_ms",
];

/// The spans' CSV columns, in order. Times are ms from the run's first span.
pub const SPAN_COLUMNS: [&str; 7] = [
    "executor",
    "task",
    "lane",
    "kind",
    "start_ms",
    "end_ms",
    "duration_ms",
];

/// One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). Text
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
pub fn csv_text(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv_number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

fn csv_row(fields: &[String]) -> String {
    let mut row = fields.join(",");
    row.push_str("\r\n");
    row
}

fn failure(outcome: &Outcome) -> &str {
    match outcome {
        Outcome::Failed(why) => why,
        _ => "",
    }
}

/// The history as CSV, oldest first, with a header row.
pub fn history_csv(entries: &[Entry]) -> String {
    let header: Vec<String> = HISTORY_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = csv_row(&header);
    for e in entries {
        out.push_str(&csv_row(&[
            e.id.to_string(),
            iso_utc(e.at_ms),
            csv_text(&e.workload),
            e.executor.tag().into(),
            e.threads.to_string(),
            e.outcome.tag().into(),
            csv_text(failure(&e.outcome)),
            e.answer.to_string(),
            csv_text(&e.summary),
            csv_number(e.wall_ms),
            e.speedup.map_or_else(String::new, csv_number),
            e.tasks.to_string(),
            e.spans.to_string(),
            e.lanes.to_string(),
            e.env
                .logical_processors
                .map_or_else(String::new, |n| n.to_string()),
            e.env.isolated.map_or_else(String::new, |b| b.to_string()),
            csv_text(&e.env.browser),
            csv_text(&e.config),
            csv_number(e.at_ms),
        ]));
    }
    out
}

/// The history as a JSON array of objects, oldest first. The answer is a JSON number written in
/// full (readers with 64-bit floats round answers past 2^53).
pub fn history_json(entries: &[Entry]) -> String {
    let items: Vec<String> = entries
        .iter()
        .map(|e| {
            json::object(&[
                ("id", e.id.to_string()),
                ("started_utc", json::string(&iso_utc(e.at_ms))),
                ("started_ms", json::number(e.at_ms)),
                ("workload", json::string(&e.workload)),
                ("executor", json::string(e.executor.tag())),
                ("threads", e.threads.to_string()),
                ("outcome", json::string(e.outcome.tag())),
                (
                    "failure",
                    match &e.outcome {
                        Outcome::Failed(why) => json::string(why),
                        _ => "null".into(),
                    },
                ),
                ("answer", e.answer.to_string()),
                ("summary", json::string(&e.summary)),
                ("wall_ms", json::number(e.wall_ms)),
                ("speedup", json::opt_number(e.speedup)),
                ("tasks", e.tasks.to_string()),
                ("spans", e.spans.to_string()),
                ("lanes", e.lanes.to_string()),
                (
                    "logical_processors",
                    json::opt_number(e.env.logical_processors.map(|n| n as f64)),
                ),
                (
                    "isolated",
                    e.env
                        .isolated
                        .map_or_else(|| "null".into(), |b| b.to_string()),
                ),
                ("browser", json::string(&e.env.browser)),
                ("config", json::string(&e.config)),
            ])
        })
        .collect();
    format!("[{}]\n", items.join(",\n"))
}

fn lane_name(lane: Lane) -> String {
    match lane {
        Lane::Main => "main".into(),
        Lane::Worker(i) => format!("worker-{i}"),
    }
}

/// The first span's start, which exports count from.
fn origin(spans: &[Span]) -> f64 {
    spans
        .iter()
        .map(|s| s.start_ms)
        .filter(|t| t.is_finite())
        .fold(f64::INFINITY, f64::min)
}

/// Rounded to a microsecond: the browser's clock is no finer (5 µs isolated, 100 µs not).
fn micros(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// A run's spans as CSV, one row per span, times in ms from the first span's start.
pub fn spans_csv(executor: Executor, output: &RunOutput) -> String {
    let header: Vec<String> = SPAN_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = csv_row(&header);
    let t0 = origin(&output.spans);
    for s in &output.spans {
        out.push_str(&csv_row(&[
            executor.tag().into(),
            s.task.to_string(),
            lane_name(s.lane),
            s.kind.tag().into(),
            csv_number(micros(s.start_ms - t0)),
            csv_number(micros(s.end_ms - t0)),
            csv_number(micros(s.end_ms - s.start_ms)),
        ]));
    }
    out
}

/// What a spans export says about its run besides the spans.
#[derive(Debug, Clone, PartialEq)]
pub struct RunInfo<'a> {
    pub workload: &'a str,
    pub executor: Executor,
    pub threads: usize,
    /// The configuration as a link fragment.
    pub config: &'a str,
}

/// A run as JSON: what ran, how it ended, and every span (times in ms from the first span, plus
/// that first span's start in ms since the epoch).
pub fn spans_json(info: &RunInfo, output: &RunOutput) -> String {
    let t0 = origin(&output.spans);
    let spans: Vec<String> = output
        .spans
        .iter()
        .map(|s| {
            json::object(&[
                ("task", s.task.to_string()),
                ("lane", json::string(&lane_name(s.lane))),
                ("kind", json::string(s.kind.tag())),
                ("start_ms", json::number(micros(s.start_ms - t0))),
                ("end_ms", json::number(micros(s.end_ms - t0))),
            ])
        })
        .collect();
    let outcome = Outcome::from_end(&output.end);
    let head = json::object(&[
        ("workload", json::string(info.workload)),
        ("executor", json::string(info.executor.tag())),
        ("threads", info.threads.to_string()),
        ("config", json::string(info.config)),
        ("outcome", json::string(outcome.tag())),
        (
            "failure",
            match &outcome {
                Outcome::Failed(why) => json::string(why),
                _ => "null".into(),
            },
        ),
        ("answer", output.answer.value.to_string()),
        ("summary", json::string(&output.answer.summary)),
        ("wall_ms", json::number(output.wall_ms)),
        (
            "completion_order",
            format!(
                "[{}]",
                output
                    .completion_order
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ),
        (
            "origin_epoch_ms",
            json::opt_number(t0.is_finite().then_some(t0)),
        ),
        // One span per line keeps a long file readable and diffable.
        ("spans", format!("[\n{}\n]", spans.join(",\n"))),
    ]);
    head + "\n"
}
