//! The trace writer on hand-made and real runs, read back with a strict JSON reader.

mod json;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::*;
use crate::engine::testing::{run_gil, run_interleaved, run_pool, span};
use crate::engine::{Answer, RunEnd, RunOutput};
use crate::param::Values;
use crate::workload::{counter, io};
use json::{parse, Json};

fn record(executor: Executor, spans: Vec<Span>) -> RunRecord {
    output_record(
        executor,
        RunOutput {
            answer: Answer::default(),
            end: RunEnd::Completed,
            wall_ms: 0.0,
            spans,
            completion_order: Vec::new(),
            outcomes: Vec::new(),
        },
    )
}

fn output_record(executor: Executor, output: RunOutput) -> RunRecord {
    RunRecord {
        switch_ms: None,
        executor,
        threads: 2,
        output: Rc::new(output),
        frames: None,
        frame_stamps: Rc::new(Vec::new()),
    }
}

/// What a trace holds, checked for the rules every trace must keep.
struct Checked {
    /// Thread names by tid.
    threads: BTreeMap<u64, String>,
    /// Complete slices: (tid, name, ts, dur, event).
    slices: Vec<(u64, String, f64, f64, Json)>,
    /// The counter's (ts, value), in file order.
    counter: Vec<(f64, f64)>,
    process: String,
}

impl Checked {
    fn thread_names(&self) -> Vec<&str> {
        self.threads.values().map(String::as_str).collect()
    }
    fn slices_on(&self, thread: &str) -> Vec<&(u64, String, f64, f64, Json)> {
        let tid = self
            .threads
            .iter()
            .find(|(_, n)| *n == thread)
            .map(|(t, _)| *t);
        self.slices.iter().filter(|s| Some(s.0) == tid).collect()
    }
}

/// Parses `text` and asserts the trace's invariants: the envelope, pid 1, finite
/// non-negative times, a name for every thread a slice is on, no two slices of one thread
/// overlapping, counter values integers from 0 to `lanes`.
fn check(text: &str, lanes: usize) -> Checked {
    let json = parse(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    assert_eq!(json.str("displayTimeUnit"), Some("ms"));
    let Some(Json::Arr(events)) = json.get("traceEvents") else {
        panic!("no traceEvents")
    };
    let mut threads = BTreeMap::new();
    let mut slices = Vec::new();
    let mut counter = Vec::new();
    let mut process = None;
    for e in events {
        assert_eq!(e.num("pid"), Some(1.0), "{e:?}");
        let tid = e.num("tid").expect("a tid");
        assert!(tid >= 0.0 && tid.fract() == 0.0, "{e:?}");
        let name = e.str("name").expect("a name").to_string();
        for key in ["ts", "dur"] {
            if let Some(t) = e.num(key) {
                assert!(t.is_finite() && t >= 0.0, "{key} of {e:?}");
                let ns = t * 1e3;
                assert!(
                    (ns - ns.round()).abs() < 1e-6,
                    "{key} finer than 0.001 µs: {e:?}"
                );
            }
        }
        let arg = |k: &str| e.get("args").and_then(|a| a.str(k)).map(str::to_string);
        match e.str("ph").expect("a phase") {
            "M" if name == "process_name" => process = arg("name"),
            "M" if name == "thread_name" => {
                let before = threads.insert(tid as u64, arg("name").expect("args.name"));
                assert!(before.is_none(), "tid {tid} named twice");
            }
            "X" => {
                let (ts, dur) = (e.num("ts").unwrap(), e.num("dur").unwrap());
                assert!(dur > 0.0, "{e:?}");
                assert!(e.str("cat").is_some(), "{e:?}");
                let task = e.get("args").and_then(|a| a.num("task"));
                assert!(task.is_some_and(|t| t >= 0.0 && t.fract() == 0.0), "{e:?}");
                slices.push((tid as u64, name, ts, dur, e.clone()));
            }
            "C" => {
                assert_eq!(name, "threads computing");
                let n = e
                    .get("args")
                    .and_then(|a| a.num("computing"))
                    .expect("computing");
                assert!(n >= 0.0 && n.fract() == 0.0, "{e:?}");
                assert!(
                    n as usize <= lanes,
                    "{n} threads computing on {lanes} lanes"
                );
                counter.push((e.num("ts").unwrap(), n));
            }
            ph => panic!("unexpected phase {ph}: {e:?}"),
        }
    }
    let mut per_tid: BTreeMap<u64, Vec<(f64, f64)>> = BTreeMap::new();
    for (tid, _, ts, dur, _) in &slices {
        assert!(threads.contains_key(tid), "tid {tid} has no thread_name");
        per_tid.entry(*tid).or_default().push((*ts, ts + dur));
    }
    for (tid, mut spans) in per_tid {
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in spans.windows(2) {
            assert!(
                w[0].1 <= w[1].0 + 1e-9,
                "tid {tid}: {:?} overlaps {:?}",
                w[0],
                w[1]
            );
        }
    }
    assert_eq!(
        counter.first().map(|c| c.0),
        Some(0.0),
        "the counter starts at ts 0"
    );
    assert!(counter.windows(2).all(|w| w[0].0 < w[1].0), "{counter:?}");
    assert!(
        counter.windows(2).all(|w| w[0].1 != w[1].1),
        "only changes: {counter:?}"
    );
    Checked {
        threads,
        slices,
        counter,
        process: process.expect("a process_name"),
    }
}

fn lanes_of(record: &RunRecord) -> usize {
    record
        .output
        .spans
        .iter()
        .map(|s| s.lane)
        .collect::<BTreeSet<_>>()
        .len()
}

#[test]
fn overlapping_spans_on_one_lane_go_to_sub_tracks_in_microseconds() {
    let t0 = 1_700_000_000_000.0;
    let r = record(
        Executor::Async,
        vec![
            span(Lane::Main, 0, SpanKind::Compute, t0, t0 + 2.0),
            // Task 1 waits on IO while task 0 and then task 2 compute.
            span(Lane::Main, 1, SpanKind::Io, t0 + 1.0, t0 + 6.0),
            span(Lane::Main, 2, SpanKind::Compute, t0 + 2.0, t0 + 3.5),
            span(Lane::Main, 0, SpanKind::Wait, t0 + 3.5, t0 + 4.0),
        ],
    );
    let c = check(&chrome_trace(&r, "async run"), 1);
    assert_eq!(c.process, "async run");
    assert_eq!(c.thread_names(), ["main thread", "main thread · 2"]);
    let main: Vec<_> = c
        .slices_on("main thread")
        .iter()
        .map(|s| (s.1.as_str(), s.2, s.3))
        .collect();
    assert_eq!(
        main,
        [
            ("compute", 0.0, 2000.0),
            ("compute", 2000.0, 1500.0),
            ("waiting", 3500.0, 500.0)
        ]
    );
    let second: Vec<_> = c
        .slices_on("main thread · 2")
        .iter()
        .map(|s| (s.1.as_str(), s.2, s.3))
        .collect();
    assert_eq!(second, [("io wait", 1000.0, 5000.0)]);
    let wait = &c.slices_on("main thread")[2].4;
    assert_eq!(
        wait.get("args").and_then(|a| a.str("reason")),
        Some("lock or queue")
    );
    assert_eq!(wait.get("args").and_then(|a| a.num("task")), Some(0.0));
    assert_eq!(wait.str("cat"), Some("wait"));
    let io = &c.slices_on("main thread · 2")[0].4;
    assert_eq!(
        io.get("args").and_then(|a| a.get("reason")),
        None,
        "no reason but for waits"
    );
    // One thread computed from 0 to 3.5 ms without a break.
    assert_eq!(c.counter, [(0.0, 1.0), (3500.0, 0.0)]);
    assert!(!c.thread_names().contains(&"GIL"));
}

#[test]
fn a_gil_run_has_the_gil_thread_and_waits_for_it() {
    let r = record(
        Executor::Gil,
        vec![
            span(Lane::Worker(0), 0, SpanKind::Locked, 10.0, 15.0),
            span(Lane::Worker(1), 1, SpanKind::Wait, 10.0, 15.0),
            span(Lane::Worker(1), 1, SpanKind::Locked, 15.0, 20.0),
            span(Lane::Worker(0), 0, SpanKind::Wait, 15.0, 20.0),
            span(Lane::Worker(0), 0, SpanKind::Locked, 20.0, 20.25),
        ],
    );
    let c = check(&chrome_trace(&r, "GIL"), 2);
    assert_eq!(c.thread_names(), ["worker 0", "worker 1", "GIL"]);
    let held: Vec<_> = c
        .slices_on("GIL")
        .iter()
        .map(|s| (s.1.as_str(), s.2, s.3))
        .collect();
    assert_eq!(
        held,
        [
            ("held by worker 0", 0.0, 5000.0),
            ("held by worker 1", 5000.0, 5000.0),
            ("held by worker 0", 10_000.0, 250.0)
        ]
    );
    let wait = &c.slices_on("worker 1")[0];
    assert_eq!((wait.1.as_str(), wait.2), ("waiting", 0.0));
    assert_eq!(
        wait.4.get("args").and_then(|a| a.str("reason")),
        Some("GIL")
    );
    assert_eq!(c.slices_on("worker 0")[0].1, "holding the lock");
    // The lock changes hands at 5 ms and 10 ms: always one thread computing.
    assert_eq!(c.counter, [(0.0, 1.0), (10_250.0, 0.0)]);
}

#[test]
fn gil_holds_that_overlap_anyway_go_to_a_further_gil_track() {
    let r = record(
        Executor::Gil,
        vec![
            span(Lane::Worker(0), 0, SpanKind::Locked, 0.0, 4.0),
            span(Lane::Worker(1), 1, SpanKind::Locked, 3.0, 5.0),
            span(Lane::Worker(2), 2, SpanKind::Compute, 0.0, 1.0),
        ],
    );
    let c = check(&chrome_trace(&r, "t"), 3);
    assert_eq!(
        c.thread_names(),
        ["worker 0", "worker 1", "worker 2", "GIL", "GIL · 2"]
    );
    assert_eq!(c.slices_on("GIL · 2")[0].1, "held by worker 1");
    assert_eq!(
        c.counter,
        [
            (0.0, 2.0),
            (1000.0, 1.0),
            (3000.0, 2.0),
            (4000.0, 1.0),
            (5000.0, 0.0)
        ]
    );
}

#[test]
fn only_gil_runs_have_a_gil_thread_and_a_gil_reason() {
    let spans = vec![
        span(Lane::Worker(0), 0, SpanKind::Locked, 0.0, 1.0),
        span(Lane::Worker(1), 1, SpanKind::Wait, 0.0, 1.0),
    ];
    for executor in Executor::ALL {
        let c = check(&chrome_trace(&record(executor, spans.clone()), "t"), 2);
        let gil = executor == Executor::Gil;
        assert_eq!(c.thread_names().contains(&"GIL"), gil, "{executor:?}");
        let reason = c.slices_on("worker 1")[0]
            .4
            .get("args")
            .and_then(|a| a.str("reason"))
            .map(str::to_string);
        assert_eq!(
            reason.as_deref(),
            Some(if gil { "GIL" } else { "lock or queue" })
        );
    }
}

#[test]
fn the_title_and_every_string_are_escaped() {
    let title = "a \"quoted\" \\ title\nwith\ttabs, \u{1} control, 中文 and \u{2028}";
    let text = chrome_trace(&record(Executor::Pool, Vec::new()), title);
    let c = check(&text, 0);
    assert_eq!(c.process, title);
    assert!(
        text.contains(r#"a \"quoted\" \\ title\nwith\ttabs, \u0001 control"#),
        "{text}"
    );
    assert!(c.threads.is_empty() && c.slices.is_empty());
    assert_eq!(c.counter, [(0.0, 0.0)]);
}

#[test]
fn spans_that_are_not_finite_or_have_no_length_are_left_out() {
    let r = record(
        Executor::Pool,
        vec![
            span(Lane::Worker(0), 0, SpanKind::Compute, f64::NAN, 3.0),
            span(Lane::Worker(0), 1, SpanKind::Compute, 2.0, f64::INFINITY),
            span(Lane::Worker(0), 2, SpanKind::Copy, 5.0, 4.0),
            span(Lane::Worker(0), 3, SpanKind::Io, 7.0, 7.0),
            span(Lane::Worker(1), 4, SpanKind::Copy, 1.0, 1.0001),
            span(Lane::Worker(1), 5, SpanKind::Copy, 2.0, 2.0000001),
        ],
    );
    let text = chrome_trace(&r, "t");
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    let c = check(&text, 2);
    // Times start at the earliest finite start (1 ms); 0.1 µs is kept, 0.1 ns rounds away.
    let kept: Vec<_> = c.slices.iter().map(|s| (s.1.as_str(), s.2, s.3)).collect();
    assert_eq!(kept, [("copying", 0.0, 0.1)]);
    assert_eq!(c.thread_names(), ["worker 1"]);
}

#[test]
fn microseconds_are_written_exactly() {
    assert_eq!(micros(0), "0");
    assert_eq!(micros(2_000_000), "2000");
    assert_eq!(micros(1_234_567), "1234.567");
    assert_eq!(micros(1_500), "1.5");
    assert_eq!(micros(7), "0.007");
    assert_eq!(micros(-20), "-0.02");
}

fn small_counter() -> Values {
    Values::default()
        .with(&counter::N, 3_000_000)
        .with(&counter::TASKS, 3)
}

#[test]
fn a_real_gil_run_is_a_valid_trace_with_the_gil_thread() {
    let r = output_record(
        Executor::Gil,
        run_gil((counter::DEF.plan)(&small_counter()), 2),
    );
    let c = check(&chrome_trace(&r, "GIL pool · counter"), lanes_of(&r));
    assert!(c.thread_names().contains(&"GIL"));
    let held = c.slices_on("GIL").len();
    let locked = r
        .output
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Locked && s.end_ms > s.start_ms)
        .count();
    assert!(
        held >= 1 && held <= locked,
        "{held} holds, {locked} locked spans"
    );
    assert!(
        c.slices.iter().all(|s| s.1 != "compute"),
        "under the GIL code runs holding it"
    );
    assert!(
        c.counter.iter().all(|&(_, n)| n <= 1.0),
        "one holder at a time: {:?}",
        c.counter
    );
    assert_eq!(c.counter.last().map(|c| c.1), Some(0.0));
}

#[test]
fn a_real_pool_run_is_a_valid_trace_without_a_gil_thread() {
    let r = output_record(
        Executor::Pool,
        run_pool((counter::DEF.plan)(&small_counter()), 2),
    );
    let c = check(&chrome_trace(&r, "pool"), lanes_of(&r));
    assert!(!c.thread_names().iter().any(|n| n.starts_with("GIL")));
    assert!(
        c.thread_names().iter().all(|n| n.starts_with("worker ")),
        "{:?}",
        c.thread_names()
    );
    assert!(c.slices.iter().any(|s| s.1 == "compute"));
    assert_eq!(c.counter.last().map(|c| c.1), Some(0.0));
}

#[test]
fn a_real_cooperative_run_splits_the_main_thread_where_tasks_overlap() {
    let values = Values::default()
        .with(&io::TASKS, 3)
        .with(&io::WAIT_MS, 20)
        .with(&io::SPEED, 1_000)
        .with(&io::CPU, 10);
    let r = output_record(Executor::Async, run_interleaved((io::DEF.plan)(&values)));
    let c = check(&chrome_trace(&r, "async"), 1);
    let names = c.thread_names();
    assert_eq!(names[0], "main thread");
    assert!(names.len() >= 2, "three tasks' IO waits overlap: {names:?}");
    assert!(
        names.iter().all(|n| n.starts_with("main thread")),
        "{names:?}"
    );
    let io_waits = c.slices.iter().filter(|s| s.1 == "io wait").count();
    assert_eq!(io_waits, 3, "one wait per task");
    assert!(c.counter.iter().all(|&(_, n)| n <= 1.0));
}
