//! Every item through once, on every executor; the queue never over its capacity.
use super::*;
use crate::engine::testing::{
    run_interleaved, run_interleaved_on_fake_clock, run_pool, run_sequential,
};
use crate::engine::{RunEnd, RunOutput};

/// Values for [producers, consumers, items, capacity, produce_ms, consume_ms].
fn values(v: [u64; 6]) -> Values {
    DEF.params
        .iter()
        .zip(v)
        .fold(Values::default(), |acc, (p, x)| acc.with(p, x))
}

#[derive(Debug, Clone, Copy)]
enum Executor {
    Sequential,
    Interleaved,
    /// The pool with a lane per task.
    LanePerTask,
    /// The pool with one lane for every task.
    OneLane,
}
use Executor::*;

/// Runs `v` on each of `executors` and checks each run's books.
fn check_on(executors: &[Executor], v: &Values) {
    let lanes = (v.get(&PRODUCERS) + v.get(&CONSUMERS)) as usize;
    for &executor in executors {
        let (plan, shared) = plan_with_log(v);
        let out = match executor {
            Sequential => run_sequential(plan),
            Interleaved => run_interleaved(plan),
            LanePerTask => run_pool(plan, lanes),
            OneLane => run_pool(plan, 1),
        };
        check(v, &out, &lock(&shared), &format!("{executor:?}"));
    }
}

fn check(v: &Values, out: &RunOutput, log: &Shared, name: &str) {
    let (producers, items, capacity) = (v.get(&PRODUCERS), v.get(&ITEMS), v.get(&CAPACITY));
    let total = producers * items;
    assert_eq!(out.end, RunEnd::Completed, "{name}");
    assert_eq!(out.answer.value, total as i128, "{name}");
    assert_eq!(
        out.answer.summary,
        format!("{total} items through a queue of {capacity}")
    );
    // Producers put `items` each; consumers' takes add up to every item.
    let (made, taken) = out.outcomes.split_at(producers as usize);
    assert!(
        made.iter().all(|o| *o == TaskOutcome::Done(items as i128)),
        "{name}: {made:?}"
    );
    let took: i128 = taken
        .iter()
        .map(|o| match o {
            TaskOutcome::Done(n) => *n,
            other => panic!("{name}: {other:?}"),
        })
        .sum();
    assert_eq!(took, total as i128, "{name}");
    // As many takes as items and every item taken: each exactly once.
    assert_eq!(log.items.len() as u64, total, "{name}");
    for item in &log.items {
        let (at, consumer) = item
            .taken
            .unwrap_or_else(|| panic!("{name}: {item:?} never taken"));
        assert!(at >= item.put_ms, "{name}: {item:?}");
        assert!((producers..producers + v.get(&CONSUMERS)).contains(&(consumer as u64)));
        assert!((item.producer as u64) < producers);
    }
    assert!(log.queue.is_empty());
    // One point per put and per take, in time order, starting at one item and ending at
    // none; the length never passes the capacity.
    let series = &out.answer.series;
    assert_eq!(series.len() as u64, 2 * total, "{name}");
    assert!(
        series.iter().all(|&(_, len)| len <= capacity as f64),
        "{name}"
    );
    assert!(series.windows(2).all(|w| w[0].0 <= w[1].0), "{name}");
    assert_eq!(
        (series[0], series[series.len() - 1].1),
        ((0.0, 1.0), 0.0),
        "{name}"
    );
}

#[test]
fn every_item_goes_through_once_on_every_executor() {
    // No waits: a full queue and an empty one still block producers and consumers.
    let all = [Sequential, Interleaved, LanePerTask, OneLane];
    check_on(&all, &values([4, 3, 50, 1, 0, 0]));
    check_on(&all, &values([1, 8, 3, 1_000, 0, 0]));
    check_on(&all, &values([3, 1, 30, 3, 0, 0]));
}

#[test]
fn waiting_producers_and_consumers_on_the_pool() {
    for v in [
        values([2, 2, 6, 2, 1, 2]),
        values([3, 1, 5, 3, 0, 1]),
        values([1, 3, 8, 2, 1, 0]),
    ] {
        check_on(&[LanePerTask, OneLane], &v);
    }
    let (plan, _) = plan_with_log(&values([3, 1, 5, 3, 0, 1]));
    let out = run_pool(plan, 4);
    assert_eq!(out.answer.details[0], ("max_length", "3".to_string()));
}

#[test]
fn mean_wait_is_reported() {
    // One producer puts all four items at once (nothing ever blocks), then they are taken
    // 5 ms apart: waits of 0, 5, 10 and 15 ms on a clock that only waits move.
    let out = run_interleaved_on_fake_clock(plan(&values([1, 1, 4, 4, 0, 5])));
    assert_eq!(out.end, RunEnd::Completed);
    let mean: f64 = out.answer.details[1].1.parse().unwrap();
    assert!((mean - 7.5).abs() < 0.01, "{mean}");
}

/// A consumer's wait ends, a blocked producer runs before it: the `Blocked` answers given
/// while the consumer waited must not count as a deadlock (`engine::main_thread` starts
/// its count over on every wake).
#[test]
fn main_thread_survives_blocking_while_others_wait() {
    use crate::engine::clock::{Clock, FakeClock};
    use crate::engine::main_thread::{MainScheduler, Next, Order};
    use crate::engine::Recorder;
    for order in [Order::Sequential, Order::Interleaved] {
        // Three producers fill the queue at once; the one consumer takes an item a ms.
        let plan = plan(&values([3, 1, 5, 3, 0, 1]));
        let (clock, recorder) = (FakeClock::default(), Recorder::new(4, false));
        let mut scheduler = MainScheduler::new(plan.tasks, order, &recorder, 0.0);
        loop {
            match scheduler.run_slice(&clock, 5.0) {
                // Every slice takes a little time, as on a real clock.
                Next::Yield => clock.advance_ms(0.01),
                Next::SleepUntil(t) => clock.advance_ms(t - clock.now_ms()),
                Next::Finished => break,
            }
        }
        let out = scheduler.finish_run(plan.finish, clock.now_ms());
        assert_eq!(out.end, RunEnd::Completed, "{order:?}");
    }
    let all = [Sequential, Interleaved];
    check_on(&all, &values([2, 2, 6, 2, 1, 2]));
    check_on(&all, &values([2, 2, 20, 4, 2, 4]));
}

#[test]
fn estimate_is_the_time_of_every_item() {
    assert!((estimate_ms(&Values::default()) - 2_400.0).abs() < 1.0);
}
