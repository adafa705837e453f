//! The four modes driven by the customer's rule on a fake event loop: one thread, a clock that
//! moves only when told, and a teller's timer that can fire only when the loop is free.

use super::view::{scene_at, span_ms, stretches, Activity, Doing, Place};
use super::*;

/// The page clock's time at the start (ms since the epoch, like the browser's).
const START: f64 = 1_000_000.0;

/// Drives one visit the way `web::bank_run` does, with a fake clock: a side job takes `job_ms`,
/// and a timer due while the loop is busy fires when the loop is next free (late).
fn simulate(mode: Mode, plan: Plan, job_ms: f64) -> RunLog {
    let mut now = START;
    let mut log = RunLog::new(mode, plan, now);
    // The teller's timer (the synchronous blocking customer times the service by spinning).
    let mut teller = (mode != Mode::SyncBlocking).then_some(START + plan.service_ms);
    let fire = |log: &mut RunLog, at: f64| {
        log.service_done(log.service_due_ms());
        if !mode.is_sync() {
            log.called(at);
        }
    };
    for _ in 0..100_000 {
        match log.next(now) {
            Next::Done => return log,
            Next::SpinUntil(t) => {
                now = now.max(t);
                log.spun(now);
            }
            Next::PollIn(ms) => {
                let wake = now + ms;
                // A timer due during the sleep fires on time: the loop is free.
                if let Some(due) = teller.filter(|&d| d <= wake) {
                    fire(&mut log, due.max(now));
                    teller = None;
                }
                now = wake;
                log.poll(now);
            }
            Next::SideJob => {
                let start = now;
                now += job_ms;
                log.job(start, now, side_job(log.jobs.len() as u64, 100));
                // The loop is free again: a timer that fell due during the job fires now.
                if let Some(due) = teller.filter(|&d| d <= now) {
                    fire(&mut log, due.max(now));
                    teller = None;
                }
            }
            Next::AwaitCall => {
                let due = teller.take().expect("an awaited call has a timer");
                now = now.max(due);
                fire(&mut log, now);
            }
        }
    }
    panic!("{mode:?} never finished");
}

const TEST_PLAN: Plan = Plan {
    service_ms: 1_000.0,
    poll_every_ms: 150.0,
    job_numbers: 100,
};

#[test]
fn tags_round_trip() {
    for m in Mode::ALL {
        assert_eq!(Mode::from_tag(m.tag()), Some(m));
    }
    assert_eq!(Mode::from_tag("sometimes"), None);
    let blocking: Vec<_> = Mode::ALL.into_iter().filter(|m| m.is_blocking()).collect();
    assert_eq!(blocking, [Mode::SyncBlocking, Mode::AsyncBlocking]);
}

#[test]
fn only_the_polling_customer_checks_and_only_the_callback_customer_works_meanwhile() {
    for mode in Mode::ALL {
        let log = simulate(mode, TEST_PLAN, 7.0);
        assert!(log.is_done(), "{mode:?}");
        assert_eq!(!log.polls.is_empty(), mode == Mode::SyncPolling, "{mode:?}");
        assert_eq!(
            !log.jobs.is_empty(),
            mode == Mode::AsyncCallback,
            "{mode:?}"
        );
        assert_eq!(log.called_ms.is_some(), !mode.is_sync(), "{mode:?}");
        // Nobody has the result before the teller is done.
        assert!(log.result_ms >= log.service_end_ms, "{mode:?}");
        assert!(log.time_to_result_ms().unwrap() >= TEST_PLAN.service_ms);
    }
}

#[test]
fn polling_finds_out_at_the_first_glance_after_the_service() {
    let log = simulate(Mode::SyncPolling, TEST_PLAN, 7.0);
    // 1000 / 150: six glances too early, the seventh sees it.
    assert_eq!(log.polls.len(), 7);
    assert!(log.polls[..6].iter().all(|p| !p.ready));
    assert!(log.polls[6].ready);
    let delay = log.pickup_delay_ms().unwrap();
    assert!(delay > 0.0 && delay <= TEST_PLAN.poll_every_ms, "{delay}");
    // Glancing more often finds out sooner, at the price of more glances.
    let eager = simulate(
        Mode::SyncPolling,
        Plan {
            poll_every_ms: 30.0,
            ..TEST_PLAN
        },
        7.0,
    );
    assert!(eager.polls.len() > log.polls.len());
    assert!(eager.pickup_delay_ms().unwrap() <= 30.0);
}

#[test]
fn a_callback_is_called_when_the_loop_is_free() {
    // Awaiting: the call comes exactly when the teller is done.
    let log = simulate(Mode::AsyncBlocking, TEST_PLAN, 7.0);
    assert_eq!(log.pickup_delay_ms(), Some(0.0));
    // Working meanwhile: the call waits for the job in hand, at most one job late.
    let log = simulate(Mode::AsyncCallback, TEST_PLAN, 7.0);
    let delay = log.pickup_delay_ms().unwrap();
    assert!(delay > 0.0 && delay <= 7.0, "{delay}");
    assert_eq!(log.service_end_ms, Some(START + TEST_PLAN.service_ms));
    assert_eq!(log.jobs.len(), (1_000.0f64 / 7.0).ceil() as usize);
    // Longer jobs: fewer of them, and a later call.
    let slow = simulate(Mode::AsyncCallback, TEST_PLAN, 90.0);
    assert!(slow.jobs.len() < log.jobs.len());
    assert!(slow.time_to_result_ms() >= log.time_to_result_ms());
}

#[test]
fn sync_blocking_spins_for_the_whole_service() {
    let log = simulate(Mode::SyncBlocking, TEST_PLAN, 7.0);
    assert_eq!(log.time_to_result_ms(), Some(TEST_PLAN.service_ms));
    let mid = scene_at(&log, START + 500.0);
    assert_eq!((mid.place, mid.doing), (Place::InLine, Doing::Spinning));
    assert_eq!(
        stretches(&log, f64::INFINITY)
            .iter()
            .filter(|s| s.activity == Activity::Spin)
            .map(|s| s.to_ms - s.from_ms)
            .sum::<f64>(),
        TEST_PLAN.service_ms
    );
}

#[test]
fn the_scene_follows_the_recorded_events() {
    let log = simulate(Mode::AsyncCallback, TEST_PLAN, 7.0);
    let before = scene_at(&log, START - 50.0);
    assert_eq!(before.elapsed_ms, 0.0);
    assert_eq!((before.polls, before.jobs), (0, 0));
    let mid = scene_at(&log, START + 500.0 + 3.0);
    assert_eq!((mid.place, mid.doing), (Place::SideTable, Doing::Working));
    assert!(mid.jobs > 0 && mid.jobs < log.jobs.len());
    assert!(mid.service > 0.4 && mid.service < 0.6, "{}", mid.service);
    let called = log.called_ms.unwrap();
    let bell = scene_at(&log, called + 1.0);
    assert!(bell.calling);
    assert_eq!(
        (bell.place, bell.doing, bell.service),
        (Place::Counter, Doing::Served, 1.0)
    );
    assert_eq!(bell.jobs, log.jobs.len());
    assert!(!scene_at(&log, called + 10_000.0).calling);

    let polling = simulate(Mode::SyncPolling, TEST_PLAN, 7.0);
    let glance = scene_at(&polling, polling.polls[2].at_ms + 1.0);
    assert_eq!((glance.doing, glance.polls), (Doing::Glancing, 3));
    let between = scene_at(&polling, polling.polls[2].at_ms + 140.0);
    assert_eq!(between.doing, Doing::Idle);
    let bench = scene_at(&simulate(Mode::AsyncBlocking, TEST_PLAN, 7.0), START + 10.0);
    assert_eq!((bench.place, bench.doing), (Place::Bench, Doing::Idle));
}

#[test]
fn a_visit_in_progress_shows_only_what_happened() {
    let mut log = RunLog::new(Mode::SyncPolling, TEST_PLAN, START);
    log.poll(START + 150.0);
    let now = START + 300.0;
    let s = scene_at(&log, now);
    assert_eq!((s.polls, s.doing, s.place), (1, Doing::Idle, Place::InLine));
    assert!((s.service - 0.3).abs() < 1e-9);
    // The bars stretch to the planned service until the visit is over.
    assert_eq!(span_ms(&log, now), TEST_PLAN.service_ms * 1.1);
    let service = stretches(&log, now)[0];
    assert_eq!((service.from_ms, service.to_ms), (0.0, 300.0));
    // A visit not started shows the customer waiting to begin, and no bars.
    let empty = RunLog::empty(Mode::AsyncCallback, TEST_PLAN);
    assert_eq!(scene_at(&empty, 5.0).doing, Doing::NotStarted);
    assert!(stretches(&empty, 5.0).is_empty());
}

#[test]
fn a_visit_that_never_hears_back_gives_up() {
    let log = RunLog::new(Mode::AsyncBlocking, TEST_PLAN, START);
    assert_eq!(log.next(START + 1.0), Next::AwaitCall);
    assert_eq!(log.next(log.deadline_ms() + 1.0), Next::Done);
    assert!(!log.is_done());
}

#[test]
fn side_jobs_are_real_work_with_bounded_size() {
    assert_eq!(
        side_job(0, 1_000),
        crate::workload::primes::count_in_range(1_000_000, 1_001_000)
    );
    // However many jobs a slow teller allows, the numbers stay small.
    assert!(side_job(u64::MAX, 10) <= 10);
}

#[test]
fn the_scene_shows_in_its_lessons_or_when_asked_for() {
    for id in LESSONS {
        assert!(crate::lessons::by_id(id).is_some(), "{id}");
        assert_eq!(shown(Some(id), None), Some(Mode::SyncBlocking));
        assert_eq!(
            shown(Some(id), Some(Mode::AsyncCallback)),
            Some(Mode::AsyncCallback)
        );
    }
    assert_eq!(shown(Some("07-gil"), None), None);
    assert_eq!(shown(None, None), None);
    assert_eq!(
        shown(None, Some(Mode::SyncPolling)),
        Some(Mode::SyncPolling)
    );
}

#[test]
fn the_page_plan_is_what_the_notes_describe() {
    // Lesson 04's note: done at 1.2 s, noticed at the fifth glance, about 1.4 s.
    let log = simulate(Mode::SyncPolling, PLAN, 7.0);
    assert_eq!(PLAN.service_ms, 1_200.0);
    assert_eq!(log.polls.len(), 5);
    assert_eq!(log.time_to_result_ms(), Some(1_400.0));
    // The announced freeze stays short.
    const { assert!(PLAN.service_ms <= 1_500.0) };
}

#[test]
fn the_callback_customer_idles_only_when_no_job_is_near() {
    let mut log = RunLog::new(Mode::AsyncCallback, TEST_PLAN, START);
    log.job(START, START + 5.0, 1);
    assert_eq!(scene_at(&log, START + 2.0).doing, Doing::Working);
    // Painted between two jobs: still at work.
    assert_eq!(scene_at(&log, START + 6.0).doing, Doing::Working);
    assert_eq!(scene_at(&log, START + 500.0).doing, Doing::Idle);
}
