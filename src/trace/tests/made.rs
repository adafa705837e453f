//! Hand-made runs, one rule of the trace writer each.

use super::invariants::{check, record};
use crate::engine::testing::span;
use crate::trace::*;

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
