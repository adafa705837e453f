//! Queued runs: Run all, the thread sweep and the chunk-size sweep, from the queue they fill to
//! the points their runs record.
use super::*;

#[test]
fn run_all_queues_the_demo_executors_that_can_run() {
    let decoded = link::decode("v=1&w=io&x=main,async,pool");
    let s = ready(2)
        .apply(Action::OpenLink(decoded.clone()))
        .apply(Action::RunAll);
    let executors = |s: &AppState| s.pending.iter().map(|j| j.executor).collect::<Vec<_>>();
    assert_eq!(
        executors(&s),
        vec![Executor::Main, Executor::Async, Executor::Pool]
    );
    let s = s.apply(Action::TakePending);
    assert_eq!(executors(&s), vec![Executor::Async, Executor::Pool]);
    let no_pool = AppState::default()
        .apply(Action::Pool(PoolState::NotIsolated))
        .apply(Action::OpenLink(decoded))
        .apply(Action::RunAll);
    assert_eq!(executors(&no_pool), vec![Executor::Main, Executor::Async]);
}

#[test]
fn a_question_pauses_run_all_and_either_answer_carries_on() {
    let s = ready(2)
        .apply(Action::OpenLink(link::decode("v=1&w=primes&x=main,pool")))
        .apply(Action::RunAll)
        .apply(Action::TakePending)
        .apply(Action::AskConfirm(Executor::Main, 9e3));
    assert!(s.confirm.is_some());
    let rest = |s: &AppState| s.pending.iter().map(|j| j.executor).collect::<Vec<_>>();
    assert_eq!(
        rest(&s),
        vec![Executor::Pool],
        "the rest waits behind the question"
    );
    let declined = s.clone().apply(Action::DismissConfirm);
    assert_eq!(
        (declined.confirm, rest(&declined)),
        (None, vec![Executor::Pool])
    );
}

#[test]
fn a_sweep_queues_every_thread_count_and_records_each_point() {
    let s = ready(2).apply(Action::StartSweep);
    let threads: Vec<_> = s.pending.iter().map(|j| j.threads).collect();
    let once: Vec<_> = (1..=4).map(Some).collect();
    assert_eq!(
        threads,
        [once.clone(), once].concat(),
        "1 ..= pool size (2 × 2), twice"
    );
    let mut point = record(Executor::Pool, 1, 100.0, RunEnd::Completed);
    point.threads = 1;
    let s = s.apply(Action::TakePending).apply(Action::Finished(point));
    assert_eq!(s.sweep.as_ref().unwrap().points, vec![(1, 100.0)]);
    let s = s.apply(Action::Finished(record(
        Executor::Pool,
        1,
        9.0,
        RunEnd::Cancelled,
    )));
    assert!(s.pending.is_empty(), "a cancelled point ends the sweep");
    assert_eq!(s.sweep.unwrap().points.len(), 1);
}

#[test]
fn a_chunk_sweep_queues_one_pool_run_per_size_and_records_each_point() {
    let mut s = ready(2)
        .apply(Action::SelectWorkload("squares"))
        .apply(Action::EditParam("n", "1000".into()));
    s = s.apply(Action::StartChunkSweep);
    let plan = s.chunk_sweep.as_ref().expect("a sweep").plan.clone();
    assert_eq!(plan, vec![1, 10, 100, 1_000]);
    assert_eq!(
        s.pending.iter().map(|j| j.chunk).collect::<Vec<_>>(),
        plan.iter().map(|&c| Some(c)).collect::<Vec<_>>()
    );
    assert!(s.pending.iter().all(|j| j.executor == Executor::Pool));
    for (i, &chunk) in plan.iter().enumerate() {
        s = s
            .apply(Action::TakePending)
            .apply(started(Executor::Pool))
            .apply(Action::Finished(record(
                Executor::Pool,
                333_833_500,
                100.0 / (i + 1) as f64,
                RunEnd::Completed,
            )));
        assert_eq!(
            s.chunk_sweep.as_ref().unwrap().points.len(),
            i + 1,
            "{chunk}"
        );
    }
    let sweep = s.chunk_sweep.as_ref().unwrap();
    assert!(sweep.done());
    assert_eq!(sweep.fastest(), Some((1_000, 25.0)));
    assert!(s.pending.is_empty());
}

#[test]
fn a_chunk_sweep_needs_the_tiny_task_workload_and_stops_at_a_cancel() {
    let s = ready(2).apply(Action::StartChunkSweep);
    assert!(
        s.chunk_sweep.is_none() && s.pending.is_empty(),
        "primes has no chunk"
    );
    let mut s = ready(2)
        .apply(Action::SelectWorkload("squares"))
        .apply(Action::StartChunkSweep)
        .apply(Action::TakePending)
        .apply(started(Executor::Pool));
    assert!(!s.pending.is_empty());
    s = s.apply(Action::Finished(record(
        Executor::Pool,
        0,
        5.0,
        RunEnd::Cancelled,
    )));
    assert!(s.pending.is_empty(), "a cancelled point ends the sweep");
    assert!(s.chunk_sweep.as_ref().unwrap().points.is_empty());
}
