//! Whole runs of the engine's executors, written as traces and checked.

use super::invariants::{check, lanes_of, output_record};
use crate::engine::testing::{run_gil, run_interleaved, run_pool};
use crate::param::Values;
use crate::trace::*;
use crate::workload::{counter, io};

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
