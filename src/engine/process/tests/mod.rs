//! A simulated page and workers: each worker is a [`WorkerState`] on its own thread that sees
//! only what crosses as messages (encoded and decoded as in the browser). The Python API calls
//! that act on a run are tested in [`api`].

mod api;

use std::sync::mpsc;
use std::sync::Arc;

use super::message::{decode_outcomes, decode_spans, encode_outcomes, encode_spans};
use super::worker::{input_data, WorkerState};
use super::*;
use crate::engine::clock::SystemClock;
use crate::engine::fault::{inject, Fault};
use crate::engine::{Clock, RunEnd};
use crate::param::Values;
use crate::pyapi::ApiCall;
use crate::workload::{bank, io, primes, shared_list, WorkloadDef};

/// A message to a worker: (spec, task ids, data copy, sent at).
type Job = (String, Vec<u32>, Option<Vec<u32>>, f64);

/// A message from a worker, encoded as in the browser.
enum Wire {
    /// Spans reported while the batch runs.
    Spans(Vec<f64>),
    /// The batch's reply: (outcomes, the other spans, replied at, stopped).
    Reply(String, Vec<f64>, f64, bool),
}

fn spawn_worker() -> (mpsc::Sender<Job>, mpsc::Receiver<Wire>) {
    let (to_worker, jobs) = mpsc::channel::<Job>();
    let (replies, from_worker) = mpsc::channel();
    std::thread::spawn(move || {
        let mut state = WorkerState::default();
        for (spec, ids, data, sent_ms) in jobs {
            let spec = JobSpec::decode(&spec).expect("the page sends valid specs");
            let mut report = |spans: Vec<Span>| {
                // A page that ended this worker no longer listens.
                let _ = replies.send(Wire::Spans(encode_spans(&spans)));
            };
            let result = state.serve(&spec, data, &ids, sent_ms, &SystemClock, &mut report);
            let replied = SystemClock.now_ms();
            let wire = Wire::Reply(
                encode_outcomes(&result.outcomes),
                encode_spans(&result.spans),
                replied,
                result.stopped,
            );
            if replies.send(wire).is_err() {
                return;
            }
        }
    });
    (to_worker, from_worker)
}

/// Runs `def` with `values` on `workers` simulated workers; the page's own plan supplies the
/// answer (its finish), as in the browser.
fn simulate(def: &'static WorkloadDef, values: Values, fault: Fault, workers: usize) -> RunOutput {
    simulate_api(def, values, fault, workers, ApiCall::None)
}

/// [`simulate`] with a Python API call acting on the run.
fn simulate_api(
    def: &'static WorkloadDef,
    values: Values,
    fault: Fault,
    workers: usize,
    api: ApiCall,
) -> RunOutput {
    simulate_full(def, values, fault, workers, api, None)
}

/// [`simulate_api`], and the learner presses Cancel `cancel_after_ms` after the start if
/// given. A worker the page ends is abandoned: its thread runs on unseen, its batch's tasks
/// count as cancelled, and what it reported before stays on the timeline.
fn simulate_full(
    def: &'static WorkloadDef,
    values: Values,
    fault: Fault,
    workers: usize,
    api: ApiCall,
    cancel_after_ms: Option<f64>,
) -> RunOutput {
    let page_plan = inject((def.plan)(&values), fault);
    let tasks = page_plan.tasks.len();
    let recorder = Arc::new(Recorder::new(tasks, true));
    let start = SystemClock.now_ms();
    let spec = JobSpec {
        run: 1,
        api,
        start_ms: start,
        ..JobSpec::new(def, values, fault)
    };
    let workers = ProcessRun::workers(tasks, workers);
    let mut run = ProcessRun::new(spec, tasks, workers, recorder.clone(), start);
    let pool: Vec<_> = (0..workers).map(|_| spawn_worker()).collect();
    let mut seen = vec![false; workers];
    let mut busy: Vec<Option<Vec<u32>>> = vec![None; workers];
    loop {
        for (i, (_, rx)) in pool.iter().enumerate() {
            let lane = Lane::Worker(i as u16);
            while busy[i].is_some() {
                match rx.try_recv() {
                    Ok(Wire::Spans(spans)) => {
                        run.reported(lane, decode_spans(&spans, Lane::Worker(0)))
                    }
                    Ok(Wire::Reply(outcomes, spans, replied_ms, stopped)) => {
                        let reply = Reply {
                            outcomes: decode_outcomes(&outcomes).unwrap(),
                            spans: decode_spans(&spans, Lane::Worker(0)),
                            replied_ms,
                            stopped,
                        };
                        run.received(lane, reply, SystemClock.now_ms());
                        busy[i] = None;
                    }
                    Err(_) => break,
                }
            }
        }
        let now = SystemClock.now_ms();
        if cancel_after_ms.is_some_and(|after| now - start >= after) {
            recorder.cancel();
        }
        if run.end_workers_now(now) {
            busy.iter_mut().for_each(|b| *b = None);
        }
        for (i, (tx, _)) in pool.iter().enumerate() {
            if busy[i].is_none() {
                if let Some(batch) = run.next_batch() {
                    let data = (!seen[i]).then(|| input_data(&run.spec)).flatten();
                    seen[i] = true;
                    let job = (run.spec.encode(), batch.clone(), data, SystemClock.now_ms());
                    tx.send(job).unwrap();
                    busy[i] = Some(batch);
                }
            }
        }
        if busy.iter().all(Option::is_none) {
            break;
        }
        std::thread::yield_now();
    }
    run.finish(page_plan.finish, SystemClock.now_ms())
}

/// `tasks` IO tasks of `wait_ms` each, no randomness, no work between.
pub(super) fn waits(tasks: u64, wait_ms: u64) -> Values {
    Values::default()
        .with(&io::TASKS, tasks)
        .with(&io::WAIT_MS, wait_ms)
        .with(&io::RANDOM, 0)
        .with(&io::CPU, 0)
}

fn kinds_on(out: &RunOutput, kind: SpanKind) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = out
        .spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.lane)
        .collect();
    lanes.sort();
    lanes.dedup();
    lanes
}

#[test]
fn a_worker_ended_mid_batch_keeps_what_it_reported() {
    // One worker, 40 waits of 30 ms: batches of 10 tasks, 300 ms each. Cancel at 200 ms ends
    // the worker in its first batch, before any reply.
    let out = simulate_full(
        &io::DEF,
        waits(40, 30),
        Fault::None,
        1,
        ApiCall::None,
        Some(200.0),
    );
    assert!(out.outcomes.iter().all(|o| *o == TaskOutcome::Cancelled));
    // The tasks it waited through before its last report are on its lane.
    let mut waited: Vec<u32> = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Io && s.lane == Lane::Worker(0))
        .map(|s| s.task)
        .collect();
    waited.sort();
    assert!(waited.len() >= 3, "waits kept: {waited:?}");
    assert_eq!(waited, (0..waited.len() as u32).collect::<Vec<_>>());
    assert!(waited.len() < 10, "the batch was cut: {waited:?}");
}

#[test]
fn primes_agree_with_copy_and_compute_spans_on_each_worker() {
    let values = Values::default()
        .with(&primes::LIMIT, 200_000)
        .with(&primes::TASKS, 16);
    let out = simulate(&primes::DEF, values, Fault::None, 2);
    assert_eq!(out.end, RunEnd::Completed);
    assert_eq!(out.answer.value, 17_984);
    let mut order = out.completion_order.clone();
    order.sort();
    assert_eq!(order, (0..16).collect::<Vec<_>>());
    let workers = vec![Lane::Worker(0), Lane::Worker(1)];
    assert_eq!(kinds_on(&out, SpanKind::Compute), workers);
    assert_eq!(kinds_on(&out, SpanKind::Copy), workers);
    // Batches of two (16 tasks, 2 workers × 4): every task computed, each once.
    for task in 0..16 {
        assert!(out
            .spans
            .iter()
            .any(|s| s.task == task && s.kind == SpanKind::Compute));
    }
}

#[test]
fn the_pages_list_is_unchanged_while_each_copy_grows() {
    let values = Values::default()
        .with(&shared_list::LENGTH, 100_000)
        .with(&shared_list::APPENDS, 2)
        .with(&shared_list::TASKS, 4);
    let out = simulate(&shared_list::DEF, values, Fault::None, 2);
    assert_eq!(out.end, RunEnd::Completed);
    assert_eq!(out.answer.value, 100_000, "the page's list did not grow");
    // Each task saw its own worker's copy: at most the 2 appends of each task on that worker.
    for o in &out.outcomes {
        let TaskOutcome::Done(seen) = o else {
            panic!("{o:?}")
        };
        assert!((100_002..=100_008).contains(seen), "{seen}");
    }
    // 4 tasks on 2 workers never see all 8 appends in one copy unless one worker ran all.
    assert_eq!(out.answer.details[0], ("before", "100000".to_string()));
}

#[test]
fn the_bank_on_copies_loses_nothing_and_moves_nothing() {
    let values = Values::default()
        .with(&bank::TASKS, 2)
        .with(&bank::ROUNDS, 200_000)
        .with(&bank::LOCK, 0);
    let out = simulate(&bank::DEF, values, Fault::None, 2);
    assert_eq!(out.end, RunEnd::Completed);
    assert_eq!(out.answer.value, 0);
    assert!(out.outcomes.iter().all(|o| *o == TaskOutcome::Done(0)));
}

#[test]
fn an_error_fails_one_task_and_keeps_the_rest() {
    let values = Values::default()
        .with(&primes::LIMIT, 50_000)
        .with(&primes::TASKS, 8);
    let out = simulate(&primes::DEF, values, Fault::Error(3), 3);
    assert!(matches!(&out.end, RunEnd::Failed(e) if e.contains("injected error")));
    let done = out
        .outcomes
        .iter()
        .filter(|o| matches!(o, TaskOutcome::Done(_)))
        .count();
    assert_eq!(done, 7);
}

fn run_of(tasks: usize, workers: usize) -> ProcessRun {
    let spec = JobSpec {
        run: 1,
        ..JobSpec::new(&primes::DEF, Values::default(), Fault::None)
    };
    let recorder = Arc::new(Recorder::new(tasks, true));
    ProcessRun::new(spec, tasks, workers, recorder, 0.0)
}

#[test]
fn batches_follow_the_chunksize_rule() {
    assert_eq!(batch_size(64, 2), 8);
    assert_eq!(batch_size(4, 4), 1);
    assert_eq!(batch_size(0, 0), 1);
    assert_eq!(batch_size(100_000, 2), 12_500);
    let mut run = run_of(10, 2);
    let sizes: Vec<usize> = std::iter::from_fn(|| run.next_batch().map(|b| b.len())).collect();
    assert_eq!(sizes, vec![2, 2, 2, 2, 2]);
    assert_eq!(ProcessRun::workers(3, 8), 3);
    assert_eq!(ProcessRun::workers(0, 0), 1);
}

#[test]
fn a_crash_fails_the_culprit_and_requeues_the_rest() {
    let mut run = run_of(12, 1);
    let batch = run.next_batch().unwrap();
    assert_eq!(batch, vec![0, 1, 2]);
    // The worker finished 0 (its reply came), then panicked in 1.
    run.received(
        Lane::Worker(0),
        Reply {
            outcomes: vec![(0, TaskOutcome::Done(5))],
            spans: vec![],
            replied_ms: 1.0,
            stopped: false,
        },
        2.0,
    );
    run.crashed(&batch, Some(1), "boom");
    let next = run.next_batch().unwrap();
    assert_eq!(next, vec![2, 3, 4], "the survivor goes first");
    // No culprit: the batch fails as a whole and is not retried.
    run.crashed(&next, None, "the worker could not start");
    run.crashed(&next, Some(3), "again");
    let out = run.finish(Box::new(|_| Default::default()), 10.0);
    assert_eq!(out.outcomes[0], TaskOutcome::Done(5));
    assert_eq!(
        out.outcomes[1],
        TaskOutcome::Failed("panicked: boom".into())
    );
    for id in 2..5 {
        assert_eq!(
            out.outcomes[id],
            TaskOutcome::Failed("the worker could not start".into())
        );
    }
    assert_eq!(out.outcomes[5], TaskOutcome::Cancelled);
    assert_eq!(out.completion_order, vec![0, 1, 2, 3, 4]);
    assert!(matches!(out.end, RunEnd::Failed(e) if e == "panicked: boom"));
}

#[test]
fn cancel_stops_handing_out_and_marks_the_rest() {
    let mut run = run_of(8, 2);
    assert!(run.next_batch().is_some());
    run.recorder.cancel();
    assert_eq!(run.next_batch(), None);
    let out = run.finish(Box::new(|_| Default::default()), 1.0);
    assert_eq!(out.end, RunEnd::Cancelled);
    assert!(out.outcomes.iter().all(|o| *o == TaskOutcome::Cancelled));
}

#[test]
fn the_copy_back_is_a_span_on_the_last_task() {
    let mut run = run_of(2, 1);
    run.received(
        Lane::Worker(3),
        Reply {
            outcomes: vec![(0, TaskOutcome::Done(1)), (1, TaskOutcome::Done(1))],
            spans: vec![],
            replied_ms: 5.0,
            stopped: false,
        },
        7.5,
    );
    let out = run.finish(Box::new(|_| Default::default()), 8.0);
    assert_eq!(
        out.spans,
        vec![Span {
            lane: Lane::Worker(3),
            task: 1,
            kind: SpanKind::Copy,
            start_ms: 5.0,
            end_ms: 7.5
        }]
    );
    assert_eq!(out.answer, Default::default());
    assert!(refusal("queue").is_some() && refusal("bank").is_none());
}

#[test]
fn costs_are_noted_in_the_details() {
    let mut answer = crate::engine::Answer::default();
    let copy = |start_ms, end_ms| Span {
        lane: Lane::Worker(0),
        task: 0,
        kind: SpanKind::Copy,
        start_ms,
        end_ms,
    };
    let compute = Span {
        kind: SpanKind::Compute,
        ..copy(0.0, 100.0)
    };
    note_costs(
        &mut answer,
        &[60.0, 80.0],
        &[copy(0.0, 1.5), compute, copy(5.0, 6.0)],
    );
    assert_eq!(
        answer.details,
        vec![
            ("workers_started", "2".to_string()),
            ("start_ms_per_worker", "70.0".to_string()),
            ("copy_ms", "2.5".to_string()),
        ]
    );
    let mut reused = crate::engine::Answer::default();
    note_costs(&mut reused, &[], &[]);
    assert_eq!(reused.details[0], ("workers_started", "0".to_string()));
    assert_eq!(reused.details.len(), 2);
}
