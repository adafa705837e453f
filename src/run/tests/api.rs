//! The Python API calls that act on a run, through the whole run model: the program's moments
//! count from its start, the page's timer cancels where the call says (a daemon program's end,
//! a `wait` timeout with cancel), process workers stop by the deadline in their job.

use super::*;
use crate::app_state::ApiAction;
use crate::pyapi::wait::{ReturnWhen, WaitSpec};
use crate::pyapi::ApiCall;

/// Two 5 s waits: a cancel timer of tens of milliseconds stops them with seconds to spare.
fn io_page(api: ApiCall) -> AppState {
    page_with(
        "io",
        &[("tasks", "2"), ("wait_ms", "5000"), ("speed", "100")],
    )
    .apply(Action::Api(ApiAction::Set(api)))
}

#[test]
fn a_daemon_programs_end_stops_its_threads_on_every_executor_that_can_be_stopped() {
    let daemon = ApiCall::Exit {
        daemon: true,
        main_ms: 50,
    };
    for executor in [
        Executor::Async,
        Executor::Pool,
        Executor::Gil,
        Executor::Process,
    ] {
        let fake = Fake::with_state(io_page(daemon));
        click(&fake, Ask::new(executor)).unwrap();
        let out = fake.state.borrow().results[&executor].output.clone();
        assert_eq!(out.end, RunEnd::Cancelled, "{executor:?}");
        assert!(
            out.outcomes.iter().all(|o| *o == TaskOutcome::Cancelled),
            "{executor:?}: {:?}",
            out.outcomes
        );
        // The page's timer is set for the program's end, from the program's start.
        assert!(
            fake.calls.borrow().contains(&Call::CancelAfter(50.0)),
            "{executor:?}"
        );
    }
}

#[test]
fn joined_threads_run_to_the_end() {
    let join = ApiCall::Exit {
        daemon: false,
        main_ms: 50,
    };
    let fake = Fake::with_state(
        page_with("primes", &[("n", "20000")]).apply(Action::Api(ApiAction::Set(join))),
    );
    click(&fake, Ask::new(Executor::Pool)).unwrap();
    let out = fake.state.borrow().results[&Executor::Pool].output.clone();
    assert_eq!(out.end, RunEnd::Completed);
    assert!(!fake
        .calls
        .borrow()
        .iter()
        .any(|c| matches!(c, Call::CancelAfter(_))));
}

#[test]
fn a_wait_timeout_with_cancel_stops_the_pending_tasks() {
    let wait = ApiCall::Wait(WaitSpec {
        when: ReturnWhen::All,
        timeout_ms: Some(40),
        cancel: true,
    });
    for executor in [Executor::Pool, Executor::Process] {
        let fake = Fake::with_state(io_page(wait));
        click(&fake, Ask::new(executor)).unwrap();
        let out = fake.state.borrow().results[&executor].output.clone();
        assert_eq!(out.end, RunEnd::Cancelled, "{executor:?}");
        assert!(fake.calls.borrow().contains(&Call::CancelAfter(40.0)));
    }
}

#[test]
fn an_event_holds_every_task_until_the_program_sets_it() {
    let event = ApiCall::Event { set_ms: 60 };
    for executor in [Executor::Async, Executor::Pool, Executor::Process] {
        let state = page_with("primes", &[("n", "20000"), ("tasks", "4")])
            .apply(Action::Api(ApiAction::Set(event)));
        let fake = Fake::with_state(state);
        click(&fake, Ask::new(executor)).unwrap();
        let out = fake.state.borrow().results[&executor].output.clone();
        assert_eq!(out.end, RunEnd::Completed, "{executor:?}");
        assert_eq!(out.answer.value, 2_262);
        // No task ran workload code before the event was set, 60 ms after the program started
        // (which is after the frame watch began): a task that started before it was held — a
        // wait like IO (primes has none of its own) — until then; its lane may record the
        // check of the event as a sliver of work first. Which tasks start before the event
        // depends on how soon the machine runs them (on a loaded machine, possibly none), so
        // every task is held to the rule instead of counting holds.
        let set_at_least = fake.frames_watched_at.get() + 60.0;
        for task in 0..4 {
            let mine = || out.spans.iter().filter(move |s| s.task == task);
            let released = mine()
                .find(|s| s.kind == crate::engine::SpanKind::Io)
                .map_or(f64::NEG_INFINITY, |s| s.end_ms);
            let first_work = mine()
                .find(|s| {
                    crate::engine::analysis::WORKING.contains(&s.kind) && s.start_ms >= released
                })
                .map(|s| s.start_ms);
            let first_work = first_work.unwrap_or_else(|| panic!("{executor:?}: task {task} ran"));
            assert!(
                first_work >= set_at_least,
                "{executor:?}: task {task} worked {} ms after the start, before the event",
                first_work - set_at_least + 60.0
            );
        }
    }
}
