//! The worker-pool executor: `lanes` threads of rayon's pool pull tasks from one shared queue,
//! like `ThreadPoolExecutor(max_workers=lanes)`.
//!
//! [`start`] never blocks its caller: it `rayon::spawn`s one job per lane and returns; the
//! last lane to end assembles the output and hands it to a callback. So the page's main thread
//! can start a run and await it (it may never wait on a lock), and natively [`run_blocking`]
//! simply waits on a channel, which is how the tests exercise it with real threads.
//!
//! A task that panics must not hang the run. Natively `catch_unwind` turns the panic into an
//! error. In the browser the build is `panic=abort` (unwinding needs every wasm-bindgen
//! closure to be `UnwindSafe`, which yew's gloo-timers 0.3 closures are not), so the page's
//! panic hook calls [`on_panic`]: the lane records the failure, ends, and its thread parks for
//! good instead of aborting — the run ends with the other tasks' results kept and the pool
//! goes on with one worker fewer.

use crate::engine::lock;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::gil::Gil;
use super::recorder::LaneLog;
use super::{
    step, Answer, Clock, Finish, Lane, Plan, Recorder, RunEnd, RunOutput, Span, SpanKind, Step,
    StepCx, Task, TaskOutcome,
};

/// The longest a lane sleeps between cancel checks while a task waits on IO.
const CANCEL_CHECK_MS: f64 = 10.0;
/// How long a lane backs off when its task is blocked and no other task is queued.
const BLOCKED_BACKOFF: Duration = Duration::from_micros(100);

type Done = Box<dyn FnOnce(RunOutput) + Send>;

/// One run's shared state, owned jointly by its lanes.
struct Run<C> {
    queue: Mutex<VecDeque<(u32, Box<dyn Task>)>>,
    outcomes: Mutex<Vec<Option<TaskOutcome>>>,
    lanes_left: AtomicUsize,
    /// Taken by the last lane to end.
    finish: Mutex<Option<(Finish, Done)>>,
    clock: C,
    recorder: Arc<Recorder>,
    /// Present for the "pool under a GIL" executor: lanes must hold it to run steps.
    gil: Option<Gil>,
    started_ms: f64,
}

/// Workers lost to panics since the page loaded (each parks its thread for good).
static LOST_WORKERS: AtomicUsize = AtomicUsize::new(0);

pub fn lost_workers() -> usize {
    LOST_WORKERS.load(Ordering::Relaxed)
}

/// Ends the lane, its task (the id) failed with a panic's message.
type PanicExit = Box<dyn FnOnce(u32, String)>;

thread_local! {
    /// How to end this lane, should a task's step panic (armed once per lane, not per task: a
    /// tiny task would pay for the allocation).
    static IN_STEP: RefCell<Option<PanicExit>> = const { RefCell::new(None) };
    /// The task whose `step` runs now, only while one does: a panic anywhere else is not a
    /// task's.
    static STEPPING: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Called by the browser's panic hook on the panicking thread. If that thread is a pool lane
/// in the middle of a step, its task is recorded as failed and the lane ends (the run finishes
/// if it was the last); returns true, and the caller must then never return to the panicking
/// code (it parks the thread). Returns false on any other thread.
pub fn on_panic(message: String) -> bool {
    let Some(id) = STEPPING.with(Cell::get) else {
        return false;
    };
    match IN_STEP.with(|s| s.borrow_mut().take()) {
        Some(end) => {
            LOST_WORKERS.fetch_add(1, Ordering::Relaxed);
            end(id, message);
            true
        }
        None => false,
    }
}

/// Starts `plan` on `lanes` pool threads (at most the pool's size run at once) and returns at
/// once; `done` receives the output on the thread of the last lane to end.
pub fn start<C: Clock + Clone + Send + 'static>(
    plan: Plan,
    lanes: usize,
    clock: C,
    recorder: Arc<Recorder>,
    gil: Option<Gil>,
    done: impl FnOnce(RunOutput) + Send + 'static,
) {
    let count = plan.tasks.len();
    let lanes = lanes.clamp(1, count.max(1));
    let run = Arc::new(Run {
        queue: Mutex::new(
            plan.tasks
                .into_iter()
                .enumerate()
                .map(|(i, t)| (i as u32, t))
                .collect(),
        ),
        outcomes: Mutex::new(vec![None; count]),
        lanes_left: AtomicUsize::new(lanes),
        finish: Mutex::new(Some((plan.finish, Box::new(done)))),
        started_ms: clock.now_ms(),
        clock,
        recorder,
        gil,
    });
    for _ in 0..lanes {
        let run = run.clone();
        rayon::spawn(move || lane(run));
    }
}

/// Runs `plan` and waits for it (natively: tests and the benchmark).
#[cfg(not(target_arch = "wasm32"))]
pub fn run_blocking<C: Clock + Clone + Send + 'static>(
    plan: Plan,
    lanes: usize,
    clock: C,
    recorder: Arc<Recorder>,
    gil: Option<Gil>,
) -> RunOutput {
    let (tx, rx) = std::sync::mpsc::channel();
    start(plan, lanes, clock, recorder, gil, move |out| {
        let _ = tx.send(out);
    });
    rx.recv().expect("the last lane always reports")
}

/// One worker's loop: take a task, step it to the end (sleeping through its waits), repeat.
fn lane<C: Clock + Clone + Send + 'static>(run: Arc<Run<C>>) {
    let clock = run.clock.clone();
    let lane = Lane::Worker(rayon::current_thread_index().unwrap_or(0) as u16);
    let cx = StepCx {
        clock: &clock,
        lane,
    };
    let mut log = LaneLog::new(&run.recorder, clock.now_ms());
    let mut current: Option<(u32, Box<dyn Task>)> = None;
    // Where this lane's last span ended: the next task's spans start no earlier.
    let mut lane_time = f64::MIN;
    // What a task does while it steps: plain computing, or computing while holding the GIL.
    let working = if run.gil.is_some() {
        SpanKind::Locked
    } else {
        SpanKind::Compute
    };
    arm_panic_exit(&run);
    while !run.recorder.cancelled() {
        let Some((id, mut task)) = current.take().or_else(|| lock(&run.queue).pop_front()) else {
            break;
        };
        // Under the GIL a task starts by waiting for the lock, not by computing.
        let first = if run.gil.is_some() {
            SpanKind::Wait
        } else {
            working
        };
        let mut cursor = Cursor::new(id, lane, first, clock.now_ms().max(lane_time));
        let mut held_since = take_gil(&run, working, &mut cursor, &mut log);
        let outcome = loop {
            if run.recorder.cancelled() {
                break None;
            }
            STEPPING.with(|s| s.set(Some(id)));
            let result = step::guarded(task.as_mut(), &cx);
            STEPPING.with(|s| s.set(None));
            match result {
                Step::Continue => {
                    if let (Some(gil), Some(since)) = (&run.gil, held_since) {
                        if gil.should_switch(clock.now_ms() - since) {
                            drop_gil(&run, &mut held_since, SpanKind::Wait, &mut cursor, &mut log);
                            held_since = take_gil(&run, working, &mut cursor, &mut log);
                        }
                    }
                }
                Step::Wait { ms } => {
                    // IO releases the GIL: other threads run while this one waits.
                    drop_gil(&run, &mut held_since, SpanKind::Io, &mut cursor, &mut log);
                    sleep_checking_cancel(ms, &run);
                    held_since = take_gil(&run, working, &mut cursor, &mut log);
                }
                Step::Blocked => {
                    drop_gil(&run, &mut held_since, SpanKind::Wait, &mut cursor, &mut log);
                    // Let another queued task use this thread instead of spinning, so a
                    // producer waiting for room never starves the consumer it waits for.
                    let mut queue = lock(&run.queue);
                    if let Some(next) = queue.pop_front() {
                        queue.push_back((id, task));
                        drop(queue);
                        current = Some(next);
                        break Some(None);
                    }
                    drop(queue);
                    std::thread::sleep(BLOCKED_BACKOFF);
                    held_since = take_gil(&run, working, &mut cursor, &mut log);
                }
                Step::Done(v) => break Some(Some(TaskOutcome::Done(v))),
                Step::Failed(e) => break Some(Some(TaskOutcome::Failed(e))),
            }
        };
        // Close the span before giving the lock up, stamped with the moment it closed: no two
        // holders' spans may overlap.
        cursor.close(clock.now_ms(), &mut log);
        release_gil(&run, &mut held_since, cursor.start);
        lane_time = cursor.start;
        match outcome {
            Some(None) => {} // parked; `current` holds the next task
            Some(Some(result)) => {
                lock(&run.outcomes)[id as usize] = Some(result);
                run.recorder.task_finished(id);
            }
            None => break,
        }
    }
    drop(log);
    IN_STEP.with(|s| s.borrow_mut().take());
    lane_ended(&run);
}

/// Waits for the GIL (if the run has one), recording the wait, then goes on as `working`;
/// returns when the lock was taken. The holding span starts when the lock was taken on this
/// lane's clock, but never before the previous holder let go on *its* clock (the release time
/// travels with the lock, see `engine::gil`): holding spans never overlap on the timeline, even
/// where two workers' clocks disagree.
fn take_gil<C: Clock>(
    run: &Run<C>,
    working: SpanKind,
    cursor: &mut Cursor,
    log: &mut LaneLog,
) -> Option<f64> {
    let Some(gil) = run.gil.as_ref() else {
        cursor.go_on(working, &run.clock, log);
        return None;
    };
    cursor.go_on(SpanKind::Wait, &run.clock, log);
    let released_at = gil.acquire();
    let now = run.clock.now_ms();
    cursor.switch(working, now.max(released_at), log);
    // How long the lock is held is measured on this lane's clock alone.
    Some(now)
}

/// Goes on as `next` and, if this lane holds the GIL, gives it up, stamped with the moment its
/// holding span ended (so the next holder's span begins no earlier).
fn drop_gil<C: Clock>(
    run: &Run<C>,
    held_since: &mut Option<f64>,
    next: SpanKind,
    cursor: &mut Cursor,
    log: &mut LaneLog,
) {
    let at = cursor.switch(next, run.clock.now_ms(), log);
    release_gil(run, held_since, at);
}

/// Gives the GIL up, stamped `at`, if this lane holds it.
fn release_gil<C: Clock>(run: &Run<C>, held_since: &mut Option<f64>, at: f64) {
    if let (Some(gil), Some(_)) = (&run.gil, held_since.take()) {
        gil.release(at);
    }
}

/// Lets the panic hook end this lane cleanly if one of its tasks' steps panics (browser only).
fn arm_panic_exit<C: Clock + Clone + Send + 'static>(run: &Arc<Run<C>>) {
    if cfg!(target_arch = "wasm32") {
        let run = run.clone();
        IN_STEP.with(|s| {
            *s.borrow_mut() = Some(Box::new(move |id: u32, message: String| {
                // A task only steps while its lane holds the GIL: hand it on, or every
                // other lane would wait for a thread that is gone.
                if let Some(gil) = &run.gil {
                    gil.release(run.clock.now_ms());
                }
                lock(&run.outcomes)[id as usize] =
                    Some(TaskOutcome::Failed(format!("panicked: {message}")));
                run.recorder.task_finished(id);
                lane_ended(&run);
            }))
        });
    }
}

fn lane_ended<C: Clock>(run: &Run<C>) {
    if run.lanes_left.fetch_sub(1, Ordering::AcqRel) != 1 {
        return;
    }
    let Some((finish, done)) = lock(&run.finish).take() else {
        return;
    };
    let outcomes = lock(&run.outcomes)
        .drain(..)
        .map(|o| o.unwrap_or(TaskOutcome::Cancelled))
        .collect();
    let wall_ms = run.clock.now_ms() - run.started_ms;
    done(assemble(outcomes, finish, &run.recorder, wall_ms));
}

fn sleep_checking_cancel<C: Clock>(ms: f64, run: &Run<C>) {
    let until = run.clock.now_ms() + ms.max(0.0);
    loop {
        let left = until - run.clock.now_ms();
        if left <= 0.0 || run.recorder.cancelled() {
            return;
        }
        std::thread::sleep(Duration::from_secs_f64(left.min(CANCEL_CHECK_MS) / 1e3));
    }
}

/// The span a task is in on a lane, closed on every state change. A lane's spans never go
/// back in time: a span's start may have been moved forward to a hand-over stamped by another
/// worker's clock, so a later reading of this lane's clock is taken as no earlier than it.
struct Cursor {
    task: u32,
    lane: Lane,
    kind: SpanKind,
    start: f64,
}

impl Cursor {
    fn new(task: u32, lane: Lane, kind: SpanKind, now: f64) -> Self {
        Self {
            task,
            lane,
            kind,
            start: now,
        }
    }

    /// Goes on as `kind` from now, reading the clock only if that changes what the lane does
    /// (a task starts out working, or waiting for the GIL: no second read to go on so).
    fn go_on(&mut self, kind: SpanKind, clock: &impl Clock, log: &mut LaneLog) {
        if kind != self.kind {
            self.switch(kind, clock.now_ms(), log);
        }
    }

    /// Goes on as `kind` from `now` (or from the span's start, if `now` is earlier); returns
    /// the moment used.
    fn switch(&mut self, kind: SpanKind, now: f64, log: &mut LaneLog) -> f64 {
        let now = now.max(self.start);
        if kind != self.kind {
            self.close(now, log);
            self.kind = kind;
        }
        now
    }

    fn close(&mut self, now: f64, log: &mut LaneLog) {
        let now = now.max(self.start);
        log.record(Span {
            lane: self.lane,
            task: self.task,
            kind: self.kind,
            start_ms: self.start,
            end_ms: now,
        });
        self.start = now;
    }
}

/// Builds a run's output from its tasks' outcomes (shared by every executor).
pub(crate) fn assemble(
    outcomes: Vec<TaskOutcome>,
    finish: Finish,
    recorder: &Recorder,
    wall_ms: f64,
) -> RunOutput {
    let end = if recorder.cancelled() {
        RunEnd::Cancelled
    } else if let Some(e) = outcomes.iter().find_map(|o| match o {
        TaskOutcome::Failed(e) => Some(e.clone()),
        _ => None,
    }) {
        RunEnd::Failed(e)
    } else {
        RunEnd::Completed
    };
    let answer: Answer = finish(&outcomes);
    let (spans, completion_order) = recorder.take();
    RunOutput {
        answer,
        end,
        wall_ms,
        spans,
        completion_order,
        outcomes,
    }
}

#[cfg(test)]
mod tests;
