//! The Python API calls that act on a run, on process workers: each worker applies the call to
//! its own tasks and stops at the program's stop moment; the page, as `wait`'s caller, ends
//! the others once the condition is met.

use super::*;
use crate::pyapi::wait::{ReturnWhen, WaitSpec};
use crate::workload::io;

/// The spans of `task` of `kind`, in time order.
fn spans_of(out: &RunOutput, task: u32, kind: SpanKind) -> Vec<Span> {
    let mut v: Vec<Span> = out
        .spans
        .iter()
        .filter(|s| s.task == task && s.kind == kind)
        .cloned()
        .collect();
    v.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    v
}

#[test]
fn an_event_holds_the_tasks_in_every_worker_until_it_is_set() {
    let out = simulate_api(
        &io::DEF,
        waits(3, 20),
        Fault::None,
        3,
        ApiCall::Event { set_ms: 150 },
    );
    assert_eq!(out.end, RunEnd::Completed);
    let start = out
        .spans
        .iter()
        .map(|s| s.start_ms)
        .fold(f64::MAX, f64::min);
    let mut held_until = vec![];
    for task in 0..3 {
        let io = spans_of(&out, task, SpanKind::Io);
        assert_eq!(io.len(), 2, "task {task}: held, then its own wait");
        held_until.push(io[0].end_ms);
        assert!(io[1].start_ms >= io[0].end_ms);
    }
    // Set once, at one moment on the shared clock: every worker let its task go then.
    let (first, last) = (
        held_until.iter().copied().fold(f64::MAX, f64::min),
        held_until.iter().copied().fold(0.0, f64::max),
    );
    assert!(first - start >= 140.0, "held {} ms", first - start);
    assert!(last - first < 50.0, "released together ({first} … {last})");
}

#[test]
fn daemon_workers_stop_when_the_program_ends_and_keep_their_spans() {
    let api = ApiCall::Exit {
        daemon: true,
        main_ms: 100,
    };
    let out = simulate_api(&io::DEF, waits(2, 2_000), Fault::None, 2, api);
    assert_eq!(out.end, RunEnd::Cancelled);
    assert!(out.outcomes.iter().all(|o| *o == TaskOutcome::Cancelled));
    for task in 0..2 {
        let io = spans_of(&out, task, SpanKind::Io);
        assert_eq!(
            io.len(),
            1,
            "task {task} was waiting when the program ended"
        );
        // Woken by the program's end (100 ms after the start), long before its 2 s wait ended.
        assert!(io[0].end_ms - io[0].start_ms < 1_000.0, "{:?}", io[0]);
    }
    assert!(
        out.wall_ms < 1_000.0,
        "the run ended with the program: {}",
        out.wall_ms
    );
}

#[test]
fn a_wait_with_cancel_ends_the_other_workers_when_its_condition_is_met() {
    // Seed 7 at speed 400: the tasks wait 1173, 1012, 395 and 729 ms; task 2 raises after
    // its wait, the first to end.
    let random = Values::default()
        .with(&io::TASKS, 4)
        .with(&io::RANDOM, 1)
        .with(&io::SEED, 7)
        .with(&io::SPEED, 400)
        .with(&io::CPU, 0);
    let api = ApiCall::Wait(WaitSpec {
        when: ReturnWhen::FirstException,
        timeout_ms: None,
        cancel: true,
    });
    let out = simulate_api(&io::DEF, random, Fault::Error(2), 4, api);
    assert!(matches!(&out.outcomes[2], TaskOutcome::Failed(e) if e.contains("injected")));
    for task in [0, 1, 3] {
        assert_eq!(out.outcomes[task], TaskOutcome::Cancelled, "task {task}");
    }
    // Without cancel, the wait returns just the same, but the others run to their end.
    let kept = ApiCall::Wait(WaitSpec {
        cancel: false,
        ..WaitSpec::default()
    });
    let out = simulate_api(&io::DEF, waits(3, 50), Fault::Error(0), 3, kept);
    assert!(matches!(out.outcomes[1], TaskOutcome::Done(_)));
    assert!(matches!(out.outcomes[2], TaskOutcome::Done(_)));
}

#[test]
fn the_busy_wait_runs_in_the_last_tasks_worker() {
    let out = simulate_api(
        &io::DEF,
        waits(2, 10),
        Fault::None,
        2,
        ApiCall::Block { busy_ms: 120 },
    );
    assert_eq!(out.end, RunEnd::Completed);
    let busy = spans_of(&out, 1, SpanKind::Compute);
    assert!(
        busy.iter().any(|s| s.end_ms - s.start_ms >= 110.0),
        "the last task busy-waited in its worker: {busy:?}"
    );
    assert!(spans_of(&out, 0, SpanKind::Compute)
        .iter()
        .all(|s| s.end_ms - s.start_ms < 100.0));
}
