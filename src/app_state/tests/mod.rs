//! Transitions of the page state, one behaviour per test. Queued runs (Run all and the two
//! sweeps) are in [`queue`].

mod queue;

use super::*;
use crate::engine::{Answer, RunEnd};
use crate::workload::primes;

/// The page on a machine with `threads` logical processors, its pool ready (also the run
/// model's tests' page).
pub(crate) fn ready(threads: usize) -> AppState {
    AppState::default()
        .apply(Action::Environment {
            isolated: true,
            logical_processors: Some(threads),
            default_threads: threads,
        })
        .apply(Action::Pool(PoolState::Ready {
            threads: 2 * threads,
        }))
}

/// A finished run's record without spans or frames, for the page state's tests (also those
/// beside `api.rs` and `history.rs`).
pub(crate) fn record_of(
    executor: Executor,
    threads: usize,
    answer: Answer,
    wall_ms: f64,
    end: RunEnd,
) -> RunRecord {
    RunRecord {
        executor,
        threads,
        output: Rc::new(RunOutput {
            answer,
            end,
            wall_ms,
            spans: vec![],
            completion_order: vec![],
            outcomes: vec![],
        }),
        frames: None,
        frame_stamps: Rc::default(),
        switch_ms: None,
    }
}

fn record(executor: Executor, value: i128, wall_ms: f64, end: RunEnd) -> RunRecord {
    let answer = Answer {
        value,
        ..Answer::default()
    };
    record_of(executor, 1, answer, wall_ms, end)
}

fn started(executor: Executor) -> Action {
    Action::Started {
        executor,
        threads: 1,
        total: 4,
        now_ms: 0.0,
    }
}

#[test]
fn pool_runs_wait_for_a_ready_pool() {
    let s = AppState::default();
    assert_eq!(s.decide(Executor::Pool, false), Decision::NoPool);
    assert_eq!(s.decide(Executor::Async, false), Decision::Start);
    let s = s.apply(Action::Pool(PoolState::NotIsolated));
    assert_eq!(s.decide(Executor::Pool, false), Decision::NoPool);
    assert_eq!(s.decide(Executor::Main, false), Decision::Start);
    assert_eq!(ready(2).decide(Executor::Pool, false), Decision::Start);
}

#[test]
fn one_run_at_a_time() {
    let s = ready(2).apply(started(Executor::Pool));
    for e in Executor::ALL {
        assert_eq!(s.decide(e, true), Decision::Busy);
    }
    let s = s.apply(Action::Finished(record(
        Executor::Pool,
        1,
        1.0,
        RunEnd::Completed,
    )));
    assert_eq!(s.decide(Executor::Main, false), Decision::Start);
}

#[test]
fn long_synchronous_runs_need_confirmation() {
    let s = ready(2).apply(Action::EditParam("n", "30000000".into()));
    let Decision::Confirm { estimate_ms } = s.decide(Executor::Main, false) else {
        panic!("a 30M prime count on the main thread must ask first");
    };
    assert!(estimate_ms > CONFIRM_ABOVE_MS);
    assert_eq!(s.decide(Executor::Main, true), Decision::Start);
    assert_eq!(
        s.decide(Executor::Async, false),
        Decision::Start,
        "cooperative runs do not freeze"
    );
    assert_eq!(s.decide(Executor::Pool, false), Decision::Start);
}

#[test]
fn injected_panics_run_only_on_the_pool() {
    let s = ready(2).apply(Action::SetFault(Fault::Panic(1)));
    assert_eq!(s.decide(Executor::Main, true), Decision::PanicOnMainThread);
    assert_eq!(
        s.decide(Executor::Async, false),
        Decision::PanicOnMainThread
    );
    assert_eq!(s.decide(Executor::Pool, false), Decision::Start);
    assert_eq!(s.decide(Executor::Gil, false), Decision::Start);
    let s = s.apply(Action::SetFault(Fault::Error(1)));
    assert_eq!(
        s.decide(Executor::Main, false),
        Decision::Start,
        "errors are fine anywhere"
    );
}

#[test]
fn estimates_follow_measured_speed() {
    let s = ready(2);
    let raw = s.main_thread_estimate_ms();
    let s = s.apply(Action::Finished(record(
        Executor::Main,
        216_816,
        raw * 2.0,
        RunEnd::Completed,
    )));
    assert!((s.main_thread_estimate_ms() - raw * 2.0).abs() < 1e-6);
}

#[test]
fn params_are_clamped_and_reported() {
    let s = ready(2).apply(Action::EditParam("n", "999999999999".into()));
    assert_eq!(s.values.get(&primes::LIMIT), primes::LIMIT.max);
    assert_eq!(s.inputs["n"].parsed, Parsed::Clamped(primes::LIMIT.max));
    assert_eq!(
        s.inputs["n"].text, "999999999999",
        "the box keeps what was typed"
    );
    let s = s.apply(Action::EditParam("no-such-param", "5".into()));
    assert!(!s.inputs.contains_key("no-such-param"));
}

#[test]
fn threads_stay_within_the_pool() {
    let s = ready(2);
    assert_eq!(s.threads, 2, "defaults to the logical processors");
    assert_eq!(s.max_threads(), 4);
    assert_eq!(s.clone().apply(Action::SetThreads(99)).threads, 4);
    assert_eq!(s.clone().apply(Action::SetThreads(0)).threads, 1);
    assert_eq!(s.threads_for(Executor::Main), 1);
    assert_eq!(s.threads_for(Executor::Pool), 2);
    let s = s.apply(Action::SetThreads(4)).apply(Action::WorkersLost(1));
    assert_eq!(
        (s.max_threads(), s.threads),
        (3, 3),
        "a lost worker shrinks the choice"
    );
}

#[test]
fn changing_the_configuration_clears_old_results() {
    let s = ready(2).apply(Action::Finished(record(
        Executor::Main,
        1,
        10.0,
        RunEnd::Completed,
    )));
    assert_eq!(s.results.len(), 1);
    assert!(s
        .clone()
        .apply(Action::EditParam("n", "1000".into()))
        .results
        .is_empty());
    let s = s.apply(Action::SelectWorkload("counter"));
    assert_eq!(s.workload.id, "counter");
    assert!(s.results.is_empty());
    assert_eq!(
        s.apply(Action::SelectWorkload("nope")).workload.id,
        "counter"
    );
}

#[test]
fn speedup_and_agreement() {
    let s = ready(2)
        .apply(Action::Finished(record(
            Executor::Main,
            25,
            30.0,
            RunEnd::Completed,
        )))
        .apply(Action::Finished(record(
            Executor::Pool,
            25,
            15.0,
            RunEnd::Completed,
        )));
    assert_eq!(s.speedup(Executor::Pool), Some(2.0));
    assert_eq!(s.answers_agree(), Some(true));
    let s = s.apply(Action::Finished(record(
        Executor::Async,
        24,
        30.0,
        RunEnd::Completed,
    )));
    assert_eq!(s.answers_agree(), Some(false));
    let s = s.apply(Action::Finished(record(
        Executor::Async,
        3,
        30.0,
        RunEnd::Cancelled,
    )));
    assert_eq!(
        s.answers_agree(),
        Some(true),
        "cancelled runs are not compared"
    );
}

#[test]
fn a_link_sets_the_demo_up_without_running_it() {
    let decoded = link::decode("v=1&w=counter&n=5000&tasks=3&x=gil,pool&t=3&fault=error:1");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    let s = ready(2).apply(Action::OpenLink(decoded));
    assert_eq!(s.workload.id, "counter");
    assert_eq!(s.values.get(&crate::workload::counter::N), 5_000);
    assert_eq!(s.executors, vec![Executor::Pool, Executor::Gil]);
    assert_eq!(s.threads, 3);
    assert_eq!(s.fault, Fault::Error(1));
    assert!(
        s.running.is_none() && s.results.is_empty(),
        "opening a link never runs"
    );
    // The page's own link for this state opens the same demo.
    let again = link::decode(&s.link_fragment());
    assert!(again.notices.is_empty());
    assert_eq!(again.config, s.link_config());
}

#[test]
fn a_link_asking_for_more_threads_than_the_pool_has_is_clamped_when_the_pool_is_known() {
    let s = AppState::default().apply(Action::OpenLink(link::decode("w=primes&t=32")));
    let s = s
        .apply(Action::Environment {
            isolated: true,
            logical_processors: Some(2),
            default_threads: 2,
        })
        .apply(Action::Pool(PoolState::Ready { threads: 4 }));
    assert_eq!(s.threads, 4);
}

#[test]
fn a_link_without_threads_goes_back_to_the_default() {
    let s = ready(2).apply(Action::SetThreads(4));
    assert_eq!(s.threads, 4);
    let s = s.apply(Action::OpenLink(link::decode("v=1&w=pi")));
    assert_eq!(
        s.threads, 2,
        "the logical processors, not the previous demo's 4"
    );
}

#[test]
fn link_notices_are_kept_until_dismissed() {
    let s = ready(2).apply(Action::OpenLink(link::decode("w=nope&n=5")));
    assert!(!s.link_notices.is_empty());
    assert_eq!(s.workload.id, "primes");
    assert!(s.apply(Action::DismissLinkNotices).link_notices.is_empty());
}

#[test]
fn no_run_starts_while_a_bank_scene_visit_is_under_way() {
    let s = ready(2).apply(Action::SceneRunning(true));
    assert_eq!(s.decide(Executor::Async, false), Decision::Busy);
    assert_eq!(s.decide(Executor::Pool, false), Decision::Busy);
    let s = s.apply(Action::SceneRunning(false));
    assert_eq!(s.decide(Executor::Async, false), Decision::Start);
}

#[test]
fn cancel_tracks_the_running_run() {
    let s = ready(2).apply(started(Executor::Async));
    assert!(!s.running.as_ref().unwrap().cancelling);
    let s = s.apply(Action::Cancelling);
    assert!(s.running.as_ref().unwrap().cancelling);
}

#[test]
fn the_scene_mode_comes_from_links_and_the_learner_and_stays_within_a_lesson() {
    use crate::bank_scene::Mode;
    let lesson = "04-blocking-vs-non-blocking";
    let s = AppState::default().apply(Action::OpenLink(link::decode(&format!(
        "w=io&lesson={lesson}&scene=sync-polling"
    ))));
    assert_eq!(s.scene, Some(Mode::SyncPolling));
    assert!(s.link_fragment().ends_with("&scene=sync-polling"));
    let s = s.apply(Action::SetScene(Mode::AsyncCallback));
    // A demo of the same lesson keeps the mode; another lesson starts afresh.
    let preset = crate::lessons::by_id(lesson).unwrap().presets()[1]
        .fragment
        .clone();
    let s = s.apply(Action::OpenPreset(preset));
    assert_eq!(s.scene, Some(Mode::AsyncCallback));
    let s = s.apply(Action::OpenLesson(Some("07-gil")));
    assert_eq!(s.scene, None);
}

#[test]
fn the_playground_offers_every_executor_and_no_lesson() {
    let s = AppState::default()
        .apply(Action::OpenLesson(Some("03-sync-vs-async")))
        .apply(Action::SetScene(crate::bank_scene::Mode::SyncPolling));
    assert!(s.executors.len() < Executor::ALL.len());
    let workload = s.workload;
    let s = s.apply(Action::OpenLesson(None));
    assert_eq!(s.lesson, None);
    assert_eq!(s.executors, Executor::ALL.to_vec());
    assert_eq!(s.scene, None);
    assert_eq!(s.workload, workload, "the playground keeps what is set up");
    assert!(!s.link_fragment().contains("lesson="));
}

#[test]
fn finished_runs_are_counted() {
    let s = ready(2)
        .apply(started(Executor::Main))
        .apply(Action::Finished(record(
            Executor::Main,
            1,
            5.0,
            RunEnd::Completed,
        )))
        .apply(started(Executor::Async))
        .apply(Action::Finished(record(
            Executor::Async,
            1,
            5.0,
            RunEnd::Cancelled,
        )));
    assert_eq!(s.finished_runs, 2);
}
