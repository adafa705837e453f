//! Process-like workers through the run model: batches, reuse, fresh workers, copies of the
//! input data, a worker that crashes, cancel, the refused queue.

use super::*;
use crate::engine::SpanKind;

fn batches(fake: &Fake) -> Vec<(u32, Vec<u32>, bool)> {
    fake.calls
        .borrow()
        .iter()
        .filter_map(|c| match c {
            Call::Batch { worker, ids, data } => Some((*worker, ids.clone(), *data)),
            _ => None,
        })
        .collect()
}

#[test]
fn workers_take_batches_and_are_kept_for_the_next_run() {
    let fake = Fake::with_state(primes_page());
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let first = batches(&fake);
    // Every task sent exactly once, to two workers.
    let mut ids: Vec<u32> = first.iter().flat_map(|(_, ids, _)| ids.clone()).collect();
    ids.sort();
    assert_eq!(ids, (0..8).collect::<Vec<_>>());
    let workers: std::collections::BTreeSet<u32> = first.iter().map(|b| b.0).collect();
    assert_eq!(workers.len(), 2);
    let kept = fake.count(|c| matches!(c, Call::Release { keep: true, .. }));
    assert_eq!(kept, 2, "both kept for the next run");
    // The next run reuses them: no new worker.
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let again: std::collections::BTreeSet<u32> =
        batches(&fake)[first.len()..].iter().map(|b| b.0).collect();
    assert_eq!(again, workers);
    let out = &fake.state.borrow().results[&Executor::Process].output;
    assert!(
        out.spans.iter().any(|s| s.kind == SpanKind::Copy),
        "copies shown"
    );
    assert!(
        !out.spans.iter().any(|s| s.kind == SpanKind::Start),
        "kept workers do not start again"
    );
}

#[test]
fn a_new_workers_start_up_is_drawn_on_its_lane_before_its_first_batch() {
    let fake = Fake::with_state(primes_page());
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let out = fake.state.borrow().results[&Executor::Process]
        .output
        .clone();
    let starts: Vec<_> = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Start)
        .collect();
    assert_eq!(starts.len(), 2, "one start per worker: {starts:?}");
    for start in starts {
        // The fake takes 1 ms to start a worker (less a hair of clock rounding).
        assert!(start.end_ms - start.start_ms > 0.9, "{start:?}");
        let rest = out
            .spans
            .iter()
            .filter(|s| s.lane == start.lane && s.kind != SpanKind::Start);
        let first = rest.map(|s| s.start_ms).fold(f64::INFINITY, f64::min);
        assert!(
            start.end_ms <= first,
            "the lane starts, then works: {start:?}"
        );
    }
}

#[test]
fn fresh_workers_start_per_batch_and_end_after_it() {
    let fake = Fake::with_state(primes_page());
    click(&fake, Ask::new(Executor::ProcessFresh)).unwrap();
    let sent = batches(&fake);
    let workers: std::collections::BTreeSet<u32> = sent.iter().map(|b| b.0).collect();
    assert_eq!(workers.len(), sent.len(), "one worker per batch");
    assert_eq!(fake.count(|c| matches!(c, Call::End(_))), sent.len());
    assert_eq!(
        fake.count(|c| matches!(c, Call::Release { keep: true, .. })),
        0
    );
    let out = &fake.state.borrow().results[&Executor::ProcessFresh].output;
    let starts = out.spans.iter().filter(|s| s.kind == SpanKind::Start);
    assert_eq!(starts.count(), sent.len(), "each start drawn");
    let started = sent.len().to_string();
    assert_eq!(
        out.answer.detail("workers_started"),
        Some(started.as_str()),
        "each start counted"
    );
}

#[test]
fn each_worker_gets_one_copy_of_the_input_data() {
    let fake = Fake::with_state(page_with("shared_list", &[]));
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let sent = batches(&fake);
    let mut copied = std::collections::BTreeSet::new();
    for (worker, _, data) in &sent {
        assert_eq!(
            *data,
            copied.insert(*worker),
            "worker {worker}: data only with its first batch"
        );
    }
    let state = fake.state.borrow();
    assert_eq!(
        state.results[&Executor::Process].output.end,
        RunEnd::Completed
    );
}

#[test]
fn a_worker_that_crashes_fails_its_task_and_a_new_worker_takes_the_rest() {
    let fake = Fake::with_state(primes_page());
    fake.crash_on.set(Some(3));
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let out = fake.state.borrow().results[&Executor::Process]
        .output
        .clone();
    assert!(matches!(&out.end, RunEnd::Failed(e) if e.contains("panicked")));
    assert!(matches!(&out.outcomes[3], TaskOutcome::Failed(e) if e.contains("panicked")));
    let done = out
        .outcomes
        .iter()
        .filter(|o| matches!(o, TaskOutcome::Done(_)))
        .count();
    assert_eq!(
        done, 7,
        "the crashed batch's other tasks ran again elsewhere"
    );
    // The crashed worker was ended; a third worker was started for the rest.
    assert!(fake.count(|c| matches!(c, Call::End(_))) >= 1);
    assert!(fake.count(|c| matches!(c, Call::Obtain { .. })) >= 3);
}

#[test]
fn cancel_stops_handing_out_batches_and_ends_the_busy_workers() {
    let fake = Fake::with_state(page_with("primes", &[("n", "200000"), ("tasks", "32")]));
    let request = request(&fake.state.borrow(), Ask::new(Executor::Process)).unwrap();
    let recorder = Arc::new(Recorder::new(request.plan.tasks.len(), true));
    *fake.cancel_at_batch.borrow_mut() = Some((2, recorder.clone()));
    block_on(run(fake.clone(), request, recorder));
    let out = fake.state.borrow().results[&Executor::Process]
        .output
        .clone();
    assert_eq!(out.end, RunEnd::Cancelled);
    assert!(
        batches(&fake).len() <= 3,
        "{} batches",
        batches(&fake).len()
    );
    assert!(out.outcomes.contains(&TaskOutcome::Cancelled));
    assert_eq!(
        fake.count(|c| matches!(c, Call::Release { keep: true, .. })),
        0
    );
}

#[test]
fn the_queue_is_refused_on_process_workers_before_any_starts() {
    let fake = Fake::with_state(page_with("queue", &[]));
    click(&fake, Ask::new(Executor::Process)).unwrap();
    let out = fake.state.borrow().results[&Executor::Process]
        .output
        .clone();
    assert!(matches!(out.end, RunEnd::Failed(_)));
    assert_eq!(fake.count(|c| matches!(c, Call::Obtain { .. })), 0);
}
