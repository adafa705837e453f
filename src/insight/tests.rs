//! The arithmetic on hand-made spans with known answers, then on real runs (recorded
//! fixtures of each executor's shape).

use super::*;
use crate::engine::testing::{run_gil, run_interleaved, run_pool};
use crate::engine::SpanKind;
use crate::param::Values;
use crate::workload::{counter, io};

fn span(lane: Lane, kind: SpanKind, start_ms: f64, end_ms: f64) -> Span {
    Span {
        lane,
        task: 0,
        kind,
        start_ms,
        end_ms,
    }
}

const W0: Lane = Lane::Worker(0);
const W1: Lane = Lane::Worker(1);

#[test]
fn a_perfectly_parallel_run_uses_every_thread() {
    let spans = [
        span(W0, SpanKind::Compute, 0.0, 100.0),
        span(W1, SpanKind::Compute, 0.0, 100.0),
    ];
    let i = insights(Executor::Pool, &spans, 100.0, 2, Some(200.0));
    assert_eq!(i.threads, 2);
    assert_eq!(i.utilisation, 1.0);
    assert_eq!(i.load_balance, 1.0);
    assert_eq!(i.speedup, Some(2.0));
    assert_eq!(i.efficiency, Some(1.0));
    assert_eq!(i.most_at_once, 2);
    assert_eq!(i.largest_loss, None, "nothing was lost");
    assert_eq!(Band::of(i.utilisation), Band::Good);
}

#[test]
fn an_idle_tail_is_the_loss_when_one_thread_runs_out_of_work() {
    // Worker 1 finishes at 40 ms; worker 0 works on until 100 ms.
    let spans = [
        span(W0, SpanKind::Compute, 0.0, 100.0),
        span(W1, SpanKind::Compute, 0.0, 40.0),
    ];
    let i = insights(Executor::Pool, &spans, 100.0, 2, Some(140.0));
    assert!((i.utilisation - 0.7).abs() < 1e-9);
    assert!((i.load_balance - 0.7).abs() < 1e-9, "mean 70 ÷ max 100");
    assert!(
        (i.efficiency.unwrap() - 0.7).abs() < 1e-9,
        "1.4× on 2 threads"
    );
    assert_eq!(i.largest_loss, Some(Loss::IdleTail { lane: W1, ms: 60.0 }));
    assert_eq!(Band::of(0.7), Band::Fair);
    let one = i.levels.iter().find(|l| l.computing == 1).unwrap();
    assert!((one.share - 0.6).abs() < 1e-9, "one thread alone for 60%");
}

#[test]
fn starting_new_processes_is_its_own_loss_not_idle_time() {
    // Two fresh process workers take 30 ms to start, then copy and compute.
    let spans = [
        span(W0, SpanKind::Start, 0.0, 30.0),
        span(W0, SpanKind::Compute, 30.0, 50.0),
        span(W1, SpanKind::Start, 0.0, 32.0),
        span(W1, SpanKind::Copy, 32.0, 34.0),
        span(W1, SpanKind::Compute, 34.0, 50.0),
    ];
    let i = insights(Executor::ProcessFresh, &spans, 50.0, 2, None);
    let (w0, w1) = (i.per_thread[0], i.per_thread[1]);
    assert_eq!((w0.starting_ms, w0.idle_ms, w0.busy_ms), (30.0, 0.0, 20.0));
    assert_eq!(
        (w1.starting_ms, w1.copying_ms, w1.idle_ms),
        (32.0, 2.0, 0.0)
    );
    assert_eq!(i.largest_loss, Some(Loss::Starting { ms: 62.0 }));
    assert!(
        (i.utilisation - 0.36).abs() < 1e-9,
        "36 of 100 thread-ms computed"
    );
}

#[test]
fn computing_slower_than_on_one_thread_is_named() {
    // 80 ms of work on one thread took 2 × 60 ms of computing on two.
    let spans = [
        span(W0, SpanKind::Compute, 0.0, 60.0),
        span(W1, SpanKind::Compute, 0.0, 60.0),
    ];
    let i = insights(Executor::Pool, &spans, 60.0, 2, Some(80.0));
    assert_eq!(
        i.largest_loss,
        Some(Loss::SlowerWork {
            ms: 40.0,
            busy_ms: 120.0,
            one_thread_ms: 80.0
        })
    );
}

#[test]
fn time_splits_busiest_state_first_and_adds_up_to_the_wall() {
    // One thread: computing 0–30, an IO wait 20–60 (overlapping the compute), waiting for
    // a lock 60–70, copying 70–80, nothing 80–100.
    let spans = [
        span(Lane::Main, SpanKind::Compute, 0.0, 30.0),
        span(Lane::Main, SpanKind::Io, 20.0, 60.0),
        span(Lane::Main, SpanKind::Wait, 60.0, 70.0),
        span(Lane::Main, SpanKind::Copy, 70.0, 80.0),
    ];
    let i = insights(Executor::Async, &spans, 100.0, 1, None);
    let t = i.per_thread[0];
    assert_eq!(
        (t.busy_ms, t.io_ms, t.waiting_ms, t.copying_ms, t.idle_ms),
        (30.0, 30.0, 10.0, 10.0, 20.0)
    );
    assert_eq!(t.tail_ms, 20.0);
    let sum = t.busy_ms + t.io_ms + t.waiting_ms + t.copying_ms + t.idle_ms;
    assert!((sum - i.wall_ms).abs() < 1e-9);
    assert_eq!(i.efficiency, None, "no one-thread run to compare with");
}

#[test]
fn gaps_between_tiny_tasks_are_overhead_per_task() {
    // 100 tasks of 0.5 ms with 0.5 ms between them on one thread.
    let spans: Vec<Span> = (0..100)
        .map(|k| span(W0, SpanKind::Compute, k as f64, k as f64 + 0.5))
        .collect();
    let i = insights(Executor::Pool, &spans, 100.0, 100, None);
    match i.largest_loss {
        Some(Loss::Overhead { ms, per_task_us }) => {
            assert!((ms - 49.5).abs() < 1e-6, "{ms}");
            assert!((per_task_us - 495.0).abs() < 1e-3, "{per_task_us}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_strip_counts_threads_not_tasks() {
    // Two tasks interleaved on one thread overlap as spans, but one thread computes.
    let spans = [
        span(Lane::Main, SpanKind::Compute, 0.0, 10.0),
        span(Lane::Main, SpanKind::Compute, 5.0, 15.0),
    ];
    let i = insights(Executor::Async, &spans, 20.0, 2, None);
    assert_eq!(i.most_at_once, 1);
    let shares: Vec<f64> = i.levels.iter().map(|l| l.share).collect();
    assert_eq!(shares, vec![0.25, 0.75]);
}

#[test]
fn nothing_recorded_gives_zeros_not_nan() {
    let i = insights(Executor::Pool, &[], 0.0, 0, Some(0.0));
    assert_eq!(i.utilisation, 0.0);
    assert_eq!(i.load_balance, 0.0);
    assert_eq!(i.efficiency, None);
    assert_eq!(i.largest_loss, None);
    let bad = [span(W0, SpanKind::Compute, f64::NAN, 1.0)];
    let i = insights(Executor::Pool, &bad, f64::INFINITY, 1, None);
    assert!(i.utilisation.is_finite());
}

#[test]
fn real_runs_have_the_shapes_the_lessons_teach() {
    let values = Values::default()
        .with(&counter::N, 20_000_000)
        .with(&counter::TASKS, 2);
    // Under the GIL: one thread computes at a time, the other mostly waits for the lock. On a
    // pool of its own (rayon's global one is shared with the other tests, and a lane that
    // starts late would leave the first to run alone): a thread per lane, and one for the
    // caller, which `install` runs on the pool and which waits for the run.
    let own = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    let gil = own.install(|| run_gil((counter::DEF.plan)(&values), 2));
    let i = insights(Executor::Gil, &gil.spans, gil.wall_ms, 2, None);
    assert_eq!(i.most_at_once, 1);
    assert!(i.utilisation <= 0.55, "{}", i.utilisation);
    // The other thread's time went waiting for the lock (or, had it started late on a loaded
    // machine, idle while the first ran alone): either way, not computing.
    assert!(
        matches!(
            i.largest_loss,
            Some(Loss::Waiting {
                reason: WaitReason::Gil,
                ..
            }) | Some(Loss::IdleTail { .. })
        ),
        "{:?}",
        i.largest_loss
    );
    // Without it, both count at once.
    let free = own.install(|| run_pool((counter::DEF.plan)(&values), 2));
    let i = insights(Executor::Pool, &free.spans, free.wall_ms, 2, None);
    assert_eq!(i.most_at_once, 2);
    // IO-bound on one cooperative thread: the thread is mostly free, waiting on IO.
    let values = Values::default()
        .with(&io::TASKS, 3)
        .with(&io::WAIT_MS, 50)
        .with(&io::SPEED, 1_000);
    let out = run_interleaved((io::DEF.plan)(&values));
    let i = insights(Executor::Async, &out.spans, out.wall_ms, 3, None);
    assert!(
        matches!(i.largest_loss, Some(Loss::Io { .. })),
        "{:?}",
        i.largest_loss
    );
}
