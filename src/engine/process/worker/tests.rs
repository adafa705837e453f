//! The worker's side on its own: rebuilding a run once, spans per task, reporting while a
//! batch runs, stopping at the program's end, faults.

use super::*;
use crate::engine::clock::SystemClock;
use crate::engine::fault::Fault;
use crate::param::Values;
use crate::workload::{io, primes, queue};

fn spec(run: u32, workload: &'static crate::workload::WorkloadDef, values: Values) -> JobSpec {
    JobSpec {
        run,
        ..JobSpec::new(workload, values, Fault::None)
    }
}

#[test]
fn batches_of_one_run_share_the_rebuilt_state() {
    let v = Values::default()
        .with(&shared_list::LENGTH, 5)
        .with(&shared_list::TASKS, 3);
    let s = spec(1, &shared_list::DEF, v);
    let mut worker = WorkerState::default();
    worker.prepare(&s, input_data(&s));
    let first = worker.run_batch(&[0], &SystemClock);
    // A later batch of the same run: no data, the worker keeps its copy.
    worker.prepare(&s, None);
    let second = worker.run_batch(&[2, 1], &SystemClock);
    assert_eq!(first.outcomes, vec![(0, TaskOutcome::Done(6))]);
    assert_eq!(
        second.outcomes,
        vec![(2, TaskOutcome::Done(7)), (1, TaskOutcome::Done(8))]
    );
    // A task run twice, or one past the plan, fails without trapping.
    let again = worker.run_batch(&[1, 99], &SystemClock);
    assert!(again
        .outcomes
        .iter()
        .all(|(_, o)| matches!(o, TaskOutcome::Failed(_))));
    // A new run starts from a fresh copy.
    let s2 = JobSpec { run: 2, ..s };
    worker.prepare(&s2, input_data(&s2));
    let fresh = worker.run_batch(&[0], &SystemClock);
    assert_eq!(fresh.outcomes, vec![(0, TaskOutcome::Done(6))]);
}

#[test]
fn spans_show_compute_and_io_per_task() {
    let v = Values::default()
        .with(&io::TASKS, 2)
        .with(&io::WAIT_MS, 20)
        .with(&io::RANDOM, 0);
    let s = spec(1, &io::DEF, v);
    let mut worker = WorkerState::default();
    worker.prepare(&s, None);
    let out = worker.run_batch(&[0, 1], &SystemClock);
    assert!(out
        .outcomes
        .iter()
        .all(|(_, o)| matches!(o, TaskOutcome::Done(_))));
    for task in [0, 1] {
        let io: f64 = out
            .spans
            .iter()
            .filter(|s| s.task == task && s.kind == SpanKind::Io)
            .map(|s| s.end_ms - s.start_ms)
            .sum();
        assert!(io >= 15.0, "task {task} waited {io} ms");
    }
    // One after another: task 1 starts after task 0 ends.
    let end0 = out.spans.iter().filter(|s| s.task == 0).map(|s| s.end_ms);
    let start1 = out.spans.iter().filter(|s| s.task == 1).map(|s| s.start_ms);
    assert!(end0.fold(0.0, f64::max) <= start1.fold(f64::INFINITY, f64::min));
}

#[test]
fn spans_are_reported_while_the_batch_runs_and_the_rest_come_with_the_reply() {
    // Six waits of 40 ms: 240 ms in all, so at least two reports are due before the end.
    let s = spec(1, &io::DEF, super::super::tests::waits(6, 40));
    let ids: Vec<u32> = (0..6).collect();
    let sent = SystemClock.now_ms();
    let mut reports: Vec<(f64, Vec<Span>)> = vec![];
    let mut report = |spans: Vec<Span>| reports.push((SystemClock.now_ms(), spans));
    let out = WorkerState::default().serve(&s, None, &ids, sent, &SystemClock, &mut report);
    assert_eq!(out.outcomes.len(), 6);
    assert!(reports.len() >= 2, "{} reports", reports.len());
    // Each report holds only spans already ended, and none is empty.
    for (at, spans) in &reports {
        assert!(!spans.is_empty());
        assert!(spans.iter().all(|s| s.end_ms <= *at));
    }
    // Reports apart by at least the interval (the first counts from decoding).
    for pair in reports.windows(2) {
        assert!(pair[1].0 - pair[0].0 >= REPORT_EVERY_MS);
    }
    // Every span exactly once, in order: the send's copy first, then each task's wait.
    let all: Vec<Span> = reports
        .into_iter()
        .flat_map(|(_, spans)| spans)
        .chain(out.spans)
        .collect();
    assert_eq!(
        (all[0].kind, all[0].task, all[0].start_ms),
        (SpanKind::Copy, 0, sent)
    );
    let waits: Vec<u32> = all
        .iter()
        .filter(|s| s.kind == SpanKind::Io)
        .map(|s| s.task)
        .collect();
    assert_eq!(waits, ids);
    assert!(all.windows(2).all(|p| p[0].end_ms <= p[1].start_ms + 1e-9));
    // Without a reporter, everything comes with the reply.
    let mut quiet = WorkerState::default();
    quiet.prepare(&s, None);
    let whole = quiet.run_batch(&ids, &SystemClock);
    assert_eq!(
        whole
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Io)
            .count(),
        6
    );
}

#[test]
fn the_programs_end_stops_a_task_mid_computation() {
    use crate::workload::counter;
    let v = Values::default()
        .with(&counter::N, 1_000_000_000)
        .with(&counter::TASKS, 2);
    let start = SystemClock.now_ms();
    let s = JobSpec {
        api: crate::pyapi::ApiCall::Exit {
            daemon: true,
            main_ms: 40,
        },
        start_ms: start,
        ..spec(1, &counter::DEF, v)
    };
    let mut worker = WorkerState::default();
    worker.prepare(&s, None);
    let out = worker.run_batch(&[0, 1], &SystemClock);
    assert!(out.stopped);
    assert!(
        out.outcomes.is_empty(),
        "neither task finished: {:?}",
        out.outcomes
    );
    // Task 0 computed until the program ended; task 1 never started.
    let end = out.spans.iter().map(|s| s.end_ms).fold(0.0, f64::max);
    assert!(
        end >= start + 40.0 && end < start + 1_000.0,
        "{}",
        end - start
    );
    assert!(out.spans.iter().all(|s| s.task == 0));
    // A worker that sees the stop time already past runs nothing.
    let late = worker.run_batch(&[1], &SystemClock);
    assert!(late.stopped && late.spans.is_empty());
}

#[test]
fn faults_and_blocking_fail_the_task_only() {
    let v = Values::default()
        .with(&primes::LIMIT, 10_000)
        .with(&primes::TASKS, 4);
    let s = JobSpec {
        fault: Fault::Error(1),
        ..spec(1, &primes::DEF, v)
    };
    let mut worker = WorkerState::default();
    worker.prepare(&s, None);
    let out = worker.run_batch(&[0, 1, 2], &SystemClock);
    assert!(matches!(&out.outcomes[1].1, TaskOutcome::Failed(e) if e.contains("injected")));
    assert!(matches!(out.outcomes[2].1, TaskOutcome::Done(_)));
    // A consumer alone in a worker has no producer to wait for.
    let q = spec(1, &queue::DEF, Values::default());
    let mut worker = WorkerState::default();
    worker.prepare(&q, None);
    let last = (queue::DEF.plan)(&Values::default()).tasks.len() as u32 - 1;
    let out = worker.run_batch(&[last], &SystemClock);
    assert!(matches!(&out.outcomes[0].1, TaskOutcome::Failed(e) if e.starts_with("blocked")));
    assert_eq!(current_task(), None);
}
