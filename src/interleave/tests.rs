//! Known counts and stories: the lost update's 20 orders (2 correct), the lock that cannot be
//! broken, the deadlock and its fix, the event, the schedule in a link.

use super::explore::{explore_within, free_orders};
use super::*;

fn scenario(key: &str) -> &'static Scenario {
    Scenario::by_key(key).unwrap()
}

#[test]
fn two_load_add_store_threads_have_twenty_orders_and_two_are_correct() {
    let s = scenario("lost-update");
    let e = explore(s).unwrap();
    assert_eq!(e.orders(), 20);
    assert_eq!(free_orders(&[3, 3]), 20);
    assert_eq!(e.broken, 18);
    assert_eq!(
        e.finals,
        [(Some(90), 9), (Some(100), 2), (Some(110), 9)].into()
    );
    // One switch is enough: A loads, B runs whole, A finishes.
    assert_eq!(e.fewest_preemptions, Some(1));
    let correct: Vec<_> = e
        .leaves
        .iter()
        .filter(|l| l.correct)
        .map(|l| l.schedule.clone())
        .collect();
    assert_eq!(
        correct,
        vec![vec![0, 0, 0, 1, 1, 1], vec![1, 1, 1, 0, 0, 0]]
    );
}

#[test]
fn both_loading_before_either_stores_loses_an_update_and_says_whose() {
    let s = scenario("lost-update");
    let mut m = Machine::new(s);
    for t in [0, 1, 0, 0] {
        assert!(m.step(t));
    }
    assert_eq!(m.vars[0], 110);
    assert!(m.lost.is_empty(), "A's store saw nothing newer");
    assert_eq!(
        m.stale(1),
        Some((100, 0, 110)),
        "B's read is out of date: writing it back loses A's"
    );
    assert_eq!(m.stale(0), None);
    m.step(1);
    m.step(1);
    assert_eq!(m.vars[0], 90, "B wrote its stale 100 - 10 over A's deposit");
    assert_eq!(
        m.lost,
        vec![machine::Lost {
            writer: 1,
            read: 100
        }]
    );
    assert_eq!(m.outcome(), Outcome::Finished { correct: false });
    m.undo();
    assert_eq!(
        (m.vars[0], m.schedule.len(), m.outcome()),
        (110, 5, Outcome::Running)
    );
    assert!(m.lost.is_empty());
}

#[test]
fn the_lock_cannot_be_broken_the_other_thread_is_blocked() {
    let s = scenario("with-lock");
    let mut m = Machine::new(s);
    m.step(0);
    assert_eq!(m.blocked(1), Some(Blocked::Lock { lock: 0, holder: 0 }));
    assert!(!m.step(1), "B cannot step while A holds the lock");
    let e = explore(s).unwrap();
    assert_eq!(e.broken, 0);
    assert_eq!(e.orders(), 2);
    assert_eq!(
        free_orders(&[5, 5]),
        252,
        "without the lock there would be 252"
    );
}

#[test]
fn opposite_lock_orders_can_deadlock_and_one_order_cannot() {
    let s = scenario("deadlock");
    let mut m = Machine::new(s);
    m.step(0);
    m.step(1);
    assert_eq!(
        m.outcome(),
        Outcome::Deadlock(vec![
            (0, Blocked::Lock { lock: 1, holder: 1 }),
            (1, Blocked::Lock { lock: 0, holder: 0 }),
        ])
    );
    let e = explore(s).unwrap();
    assert!(
        e.deadlocks > 0 && e.deadlocks < e.orders(),
        "{} of {}",
        e.deadlocks,
        e.orders()
    );
    assert_eq!(e.fewest_preemptions, Some(1));
    let fixed = explore(scenario("lock-order")).unwrap();
    assert_eq!((fixed.deadlocks, fixed.broken), (0, 0));
}

#[test]
fn the_event_holds_the_reader_until_it_is_set() {
    let s = scenario("event");
    let mut m = Machine::new(s);
    assert_eq!(m.blocked(1), Some(Blocked::Event { event: 0 }));
    m.step(0);
    assert!(!m.can_step(1), "data is written, the event not yet set");
    m.step(0);
    assert!(m.can_step(1));
    let e = explore(s).unwrap();
    assert_eq!(e.broken, 0);
    assert_eq!(e.finals, [(Some(42), 4)].into());
}

#[test]
fn a_schedule_travels_in_a_link_and_bad_ones_are_refused() {
    let s = scenario("lost-update");
    assert_eq!(encode(s, &[0, 1, 0]), "lost-update:010");
    assert_eq!(decode("lost-update:010"), Some((s, vec![0, 1, 0])));
    assert_eq!(decode("deadlock:"), Some((scenario("deadlock"), vec![])));
    for bad in [
        "no-such:01",
        "lost-update:0000", // A has three steps
        "with-lock:01",     // B is blocked after A takes the lock
        "lost-update:0x",
        "lost-update:2", // no third thread
        &format!("lost-update:{}", "0".repeat(MAX_SCHEDULE + 1)),
    ] {
        assert_eq!(decode(bad), None, "{bad:?}");
    }
}

#[test]
fn too_many_orders_are_refused_not_drawn() {
    let s = scenario("lost-update");
    assert_eq!(
        explore_within(s, 10).unwrap_err(),
        explore::TooMany { limit: 10 }
    );
    for s in &SCENARIOS {
        let e = explore(s).unwrap();
        assert!(e.orders() <= 100, "{}: {}", s.key, e.orders());
        for l in &e.leaves {
            assert_eq!(
                decode(&encode(s, &l.schedule)).map(|d| d.1),
                Some(l.schedule.clone())
            );
        }
    }
}
