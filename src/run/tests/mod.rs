//! Whole runs of every executor through the run model and a native fake platform
//! ([`fake::Fake`]): what the page's state takes from each, cancel, failing, panicking and
//! crashing tasks, refusals, a queued sweep, and the Python API calls that act on a run.
//! What the browser adds (real frames, timers, Web Workers) is covered end to end.

mod api;
mod fake;
mod processes;

use std::sync::Arc;

use fake::{block_on, Call, Fake};

use super::{queue, request, run, Ask, Platform};
use crate::app_state::{Action, AppState, Decision};
use crate::engine::fault::Fault;
use crate::engine::{Recorder, RunEnd, TaskOutcome};
use crate::executor::Executor;
use crate::pool_state::PoolState;
use crate::workload::counter;

/// The page with `workload` chosen and its parameters typed in.
pub(super) fn page_with(workload: &'static str, params: &[(&'static str, &str)]) -> AppState {
    let mut state = crate::app_state::tests::ready(2).apply(Action::SelectWorkload(workload));
    for (name, text) in params {
        state = state.apply(Action::EditParam(name, text.to_string()));
    }
    state
}

/// Asks for a run on `fake`'s page and runs it to the end, as the page does on a click;
/// returns the run's recorder (for what it recorded).
pub(super) fn click(fake: &Fake, ask: Ask) -> Result<Arc<Recorder>, Decision> {
    let request = request(&fake.state.borrow(), ask)?;
    let recorder = Arc::new(Recorder::new(request.plan.tasks.len(), true));
    block_on(run(fake.clone(), request, recorder.clone()));
    Ok(recorder)
}

/// The queued run the page would start now.
fn next_queued(fake: &Fake) -> Option<crate::app_state::Job> {
    queue::next(&fake.state.borrow())
}

/// Primes below 20,000: 2,262, in 8 tasks.
fn primes_page() -> AppState {
    page_with("primes", &[("n", "20000"), ("tasks", "8")])
}

#[test]
fn every_executor_completes_and_the_page_keeps_the_run() {
    for executor in Executor::ALL {
        let fake = Fake::with_state(primes_page());
        click(&fake, Ask::new(executor)).unwrap();
        let state = fake.state.borrow();
        let record = &state.results[&executor];
        assert_eq!(record.output.end, RunEnd::Completed, "{executor:?}");
        assert_eq!(record.output.answer.value, 2_262, "{executor:?}");
        assert!(state.running.is_none());
        assert_eq!(
            state.history.entries.len(),
            1,
            "{executor:?}: one history entry"
        );
        assert_eq!(state.finished_runs, 1);
        // Started at once, Finished last; the pool's runs also report lost workers.
        let mut expected = vec!["Started"];
        if executor.needs_pool() {
            expected.push("WorkersLost");
        }
        expected.push("Finished");
        assert_eq!(fake.dispatched(), expected, "{executor:?}");
        // Two painted frames before the run, the frame watch around it; the pool's workers'
        // clocks checked before the program starts.
        let calls = fake.calls.borrow();
        let mut before = vec![Call::Paint];
        if executor.needs_pool() {
            before.push(Call::AlignClocks);
        }
        before.extend([Call::WatchFrames, Call::Paint]);
        assert_eq!(&calls[1..1 + before.len()], &before[..], "{executor:?}");
        assert!(calls.contains(&Call::StopFrames));
        let aligned = calls.iter().filter(|c| **c == Call::AlignClocks).count();
        assert_eq!(aligned, usize::from(executor.needs_pool()), "{executor:?}");
    }
}

#[test]
fn the_pool_runs_on_the_threads_asked_for_and_the_gil_pool_under_a_lock() {
    let fake = Fake::with_state(primes_page().apply(Action::SetThreads(3)));
    click(&fake, Ask::new(Executor::Pool)).unwrap();
    click(&fake, Ask::new(Executor::Gil)).unwrap();
    // A thread sweep's point overrides the chosen count.
    click(
        &fake,
        Ask {
            threads: Some(1),
            ..Ask::new(Executor::Pool)
        },
    )
    .unwrap();
    let jobs: Vec<Call> = fake
        .calls
        .borrow()
        .iter()
        .filter(|c| matches!(c, Call::PoolJob { .. }))
        .cloned()
        .collect();
    assert_eq!(
        jobs,
        [
            Call::PoolJob {
                threads: 3,
                gil: None
            },
            Call::PoolJob {
                threads: 3,
                gil: Some(5.0)
            },
            Call::PoolJob {
                threads: 1,
                gil: None
            },
        ]
    );
}

#[test]
fn cancel_mid_run_on_the_cooperative_executor() {
    let fake = Fake::with_state(page_with("primes", &[("n", "3000000"), ("tasks", "16")]));
    let request = request(&fake.state.borrow(), Ask::new(Executor::Async)).unwrap();
    let recorder = Arc::new(Recorder::new(request.plan.tasks.len(), true));
    // The learner presses Cancel once two tasks have finished.
    *fake.cancel_after_done.borrow_mut() = Some((2, recorder.clone()));
    block_on(run(fake.clone(), request, recorder));
    let state = fake.state.borrow();
    let out = &state.results[&Executor::Async].output;
    assert_eq!(out.end, RunEnd::Cancelled);
    let cancelled = out
        .outcomes
        .iter()
        .filter(|o| **o == TaskOutcome::Cancelled)
        .count();
    assert!(
        cancelled > 0 && cancelled < 16,
        "{cancelled} of 16 cancelled"
    );
    assert_eq!(
        state.history.entries.len(),
        1,
        "a cancelled run is kept too"
    );
}

#[test]
fn cancel_mid_run_on_the_pool() {
    // Six 200 ms waits on two threads: 600 ms of work, so the cancel (as soon as one task has
    // finished) comes long before the others could, however loaded the machine.
    let fake = Fake::with_state(page_with(
        "io",
        &[("tasks", "6"), ("wait_ms", "2000"), ("speed", "1000")],
    ));
    let request = request(&fake.state.borrow(), Ask::new(Executor::Pool)).unwrap();
    let recorder = Arc::new(Recorder::new(request.plan.tasks.len(), true));
    // Cancel once the first task has finished: the rest are still waiting on IO.
    let watcher = {
        let recorder = recorder.clone();
        std::thread::spawn(move || {
            while recorder.progress().0 == 0 {
                std::thread::yield_now();
            }
            recorder.cancel();
        })
    };
    block_on(run(fake.clone(), request, recorder));
    watcher.join().unwrap();
    let out = fake.state.borrow().results[&Executor::Pool].output.clone();
    assert_eq!(out.end, RunEnd::Cancelled);
    assert!(out.outcomes.contains(&TaskOutcome::Cancelled));
    assert!(out
        .outcomes
        .iter()
        .any(|o| matches!(o, TaskOutcome::Done(_))));
}

#[test]
fn a_raising_task_fails_the_run_and_keeps_the_others_on_every_executor() {
    for executor in Executor::ALL {
        let state = primes_page().apply(Action::SetFault(Fault::Error(2)));
        let fake = Fake::with_state(state);
        click(&fake, Ask::new(executor)).unwrap();
        let out = fake.state.borrow().results[&executor].output.clone();
        assert!(
            matches!(&out.end, RunEnd::Failed(e) if !e.contains("panicked")),
            "{executor:?}: {:?}",
            out.end
        );
        assert!(matches!(out.outcomes[2], TaskOutcome::Failed(_)));
        let done = out
            .outcomes
            .iter()
            .filter(|o| matches!(o, TaskOutcome::Done(_)))
            .count();
        assert_eq!(done, 7, "{executor:?}");
    }
}

#[test]
fn a_panicking_task_fails_alone_on_the_pool_and_is_refused_on_the_page() {
    let state = primes_page().apply(Action::SetFault(Fault::Panic(1)));
    let fake = Fake::with_state(state);
    for executor in [Executor::Pool, Executor::Gil] {
        click(&fake, Ask::new(executor)).unwrap();
        let out = fake.state.borrow().results[&executor].output.clone();
        assert!(matches!(&out.end, RunEnd::Failed(e) if e.contains("panicked")));
        assert_eq!(
            out.outcomes
                .iter()
                .filter(|o| matches!(o, TaskOutcome::Done(_)))
                .count(),
            7
        );
    }
    // The page's own thread cannot survive a panic (the wasm build aborts): refused there.
    for executor in [Executor::Main, Executor::Async] {
        let refused = click(&fake, Ask::new(executor)).unwrap_err();
        assert_eq!(refused, Decision::PanicOnMainThread);
    }
}

#[test]
fn a_run_is_refused_while_another_runs_or_the_pool_is_not_ready() {
    let busy = primes_page().apply(Action::Started {
        executor: Executor::Pool,
        threads: 2,
        total: 8,
        now_ms: 0.0,
    });
    let fake = Fake::with_state(busy);
    assert_eq!(
        click(&fake, Ask::new(Executor::Main)).unwrap_err(),
        Decision::Busy
    );
    assert!(fake.calls.borrow().is_empty(), "nothing started");

    let scene = primes_page().apply(Action::SceneRunning(true));
    let fake = Fake::with_state(scene);
    assert_eq!(
        click(&fake, Ask::new(Executor::Async)).unwrap_err(),
        Decision::Busy
    );

    let no_pool = primes_page().apply(Action::Pool(PoolState::NotIsolated));
    let fake = Fake::with_state(no_pool);
    assert_eq!(
        click(&fake, Ask::new(Executor::Gil)).unwrap_err(),
        Decision::NoPool
    );
    // Process workers need no shared memory: they still run.
    click(&fake, Ask::new(Executor::Process)).unwrap();
}

#[test]
fn a_long_freeze_is_confirmed_first() {
    let state = page_with("counter", &[("n", "1000000000"), ("tasks", "64")]);
    let fake = Fake::with_state(state);
    let asked = click(&fake, Ask::new(Executor::Main)).unwrap_err();
    assert!(matches!(asked, Decision::Confirm { estimate_ms } if estimate_ms > 3_000.0));
    // Confirmed, the request is ready (not run here: it would count to 64 × 10⁹).
    let confirmed = Ask {
        confirmed: true,
        ..Ask::new(Executor::Main)
    };
    let ready = request(&fake.state.borrow(), confirmed).unwrap();
    assert_eq!(ready.plan.tasks.len(), 64);
    assert_eq!(ready.job.workload.id, counter::DEF.id);
}

#[test]
fn a_queued_thread_sweep_runs_one_point_at_a_time_until_done() {
    let fake = Fake::with_state(primes_page().apply(Action::StartSweep));
    let planned = fake.state.borrow().pending.len();
    assert!(planned >= 4, "{planned} runs queued");
    let mut started = 0;
    // What the page does whenever its state changes: start the next queued run if free.
    while let Some(job) = next_queued(&fake) {
        fake.dispatch(Action::TakePending);
        click(&fake, job.into()).unwrap();
        started += 1;
    }
    assert_eq!(started, planned);
    let state = fake.state.borrow();
    let sweep = state.sweep.as_ref().unwrap();
    assert_eq!(sweep.points.len(), planned, "one point per run");
    assert!(sweep.points.iter().all(|&(_, ms)| ms > 0.0));
    assert_eq!(state.history.entries.len(), planned);
    // A question open (a long freeze to confirm) holds the queue.
    let held = primes_page()
        .apply(Action::RunAll)
        .apply(Action::AskConfirm(Executor::Main, 5_000.0));
    assert_eq!(queue::next(&held), None);
}

#[test]
fn the_chunk_sweep_runs_each_point_with_its_own_chunk() {
    let state =
        page_with("squares", &[("n", "2000"), ("chunk", "1")]).apply(Action::StartChunkSweep);
    let fake = Fake::with_state(state);
    let mut tasks = Vec::new();
    while let Some(job) = next_queued(&fake) {
        fake.dispatch(Action::TakePending);
        click(&fake, job.into()).unwrap();
        tasks.push(
            fake.state.borrow().results[&Executor::Pool]
                .output
                .outcomes
                .len(),
        );
    }
    let state = fake.state.borrow();
    let sweep = state.chunk_sweep.as_ref().unwrap();
    assert_eq!(sweep.points.len(), tasks.len());
    // Chunks of 1, 10, 100, 1000 numbers: 2000, 200, 20, 2 tasks.
    assert_eq!(tasks, [2000, 200, 20, 2]);
    // The form's own chunk is untouched.
    assert_eq!(state.values.get(&crate::workload::squares::CHUNK), 1);
}

#[test]
fn the_gil_runs_with_the_switch_interval_the_page_or_link_chose() {
    let fake = Fake::with_state(primes_page().apply(Action::SetSwitch(1_000)));
    click(&fake, Ask::new(Executor::Gil)).unwrap();
    assert!(fake.calls.borrow().contains(&Call::PoolJob {
        threads: 2,
        gil: Some(1.0)
    }));
    let state = fake.state.borrow();
    assert_eq!(state.results[&Executor::Gil].switch_ms, Some(1.0));
    assert!(
        state.link_fragment().contains("si=1000"),
        "the link carries it"
    );
    // Out of bounds: clamped to 0.1 … 20 ms.
    let state = state.clone().apply(Action::SetSwitch(1));
    assert_eq!(state.switch_us, 100);
}
