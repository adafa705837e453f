//! The main thread's scheduler: one lane, many tasks, driven in slices by the page.
//!
//! The same scheduler serves both main-thread executors:
//! - **synchronous** ([`Order::Sequential`]): tasks one after another; a wait spins, so the
//!   page freezes for the whole run — blocking IO on the only thread;
//! - **cooperative** ([`Order::Interleaved`]): every task starts at once and they take turns,
//!   each giving the event loop back after a few milliseconds or when it waits — asyncio's
//!   model: concurrent, not parallel.
//!
//! It is pure: the caller supplies the clock and decides how to wait (spin or await a timer),
//! so the scheduling is tested natively with a fake clock.

use super::recorder::LaneLog;
use super::{
    step, Clock, Lane, Plan, Recorder, RunOutput, Span, SpanKind, Step, StepCx, Task, TaskOutcome,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Sequential,
    Interleaved,
}

/// What the driver should do after a slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Call again (the cooperative driver lets the event loop run first).
    Yield,
    /// Nothing can run before this time (ms on the run's clock).
    SleepUntil(f64),
    /// Every task has ended.
    Finished,
}

enum State {
    Ready,
    Waiting { since: f64, until: f64 },
    Finished,
}

struct Slot {
    task: Box<dyn Task>,
    state: State,
    /// Set while the task keeps answering `Blocked`: when it started waiting.
    blocked_since: Option<f64>,
}

pub struct MainScheduler<'r> {
    slots: Vec<Slot>,
    outcomes: Vec<Option<TaskOutcome>>,
    order: Order,
    /// Round-robin position (Interleaved) or the task after a blocked one (Sequential).
    cursor: usize,
    /// Consecutive `Blocked` answers with no progress anywhere: detects deadlock.
    blocked_streak: usize,
    recorder: &'r Recorder,
    log: LaneLog<'r>,
    started_ms: f64,
}

impl<'r> MainScheduler<'r> {
    pub fn new(
        tasks: Vec<Box<dyn Task>>,
        order: Order,
        recorder: &'r Recorder,
        now_ms: f64,
    ) -> Self {
        let outcomes = vec![None; tasks.len()];
        let slots = tasks
            .into_iter()
            .map(|task| Slot {
                task,
                state: State::Ready,
                blocked_since: None,
            })
            .collect();
        Self {
            slots,
            outcomes,
            order,
            cursor: 0,
            blocked_streak: 0,
            recorder,
            log: LaneLog::new(recorder, now_ms),
            started_ms: now_ms,
        }
    }

    /// Runs one task until its state changes or `budget_ms` passes (Interleaved only), and says
    /// what the driver should do next.
    pub fn run_slice(&mut self, clock: &dyn Clock, budget_ms: f64) -> Next {
        let now = clock.now_ms();
        if self.recorder.cancelled() {
            self.cancel_rest(now);
            return Next::Finished;
        }
        self.wake(now);
        let Some(i) = self.pick() else {
            return match self.earliest_wake() {
                Some(t) => Next::SleepUntil(t),
                None => Next::Finished,
            };
        };
        self.run_task(i, clock, budget_ms);
        if self
            .slots
            .iter()
            .all(|s| matches!(s.state, State::Finished))
        {
            self.log.flush(clock.now_ms());
            Next::Finished
        } else {
            Next::Yield
        }
    }

    fn wake(&mut self, now: f64) {
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if let State::Waiting { since, until } = slot.state {
                if until <= now {
                    slot.state = State::Ready;
                    self.log.record(span(i, SpanKind::Io, since, now));
                }
            }
        }
    }

    /// The next task to run, or None if every unfinished task is waiting.
    fn pick(&mut self) -> Option<usize> {
        let n = self.slots.len();
        match self.order {
            Order::Sequential => {
                // The first unfinished task runs; while it waits, nothing else does (blocking).
                // Only a blocked task lets the others in, or a single thread would deadlock.
                let first = self
                    .slots
                    .iter()
                    .position(|s| !matches!(s.state, State::Finished))?;
                match self.slots[first].state {
                    State::Waiting { .. } => None,
                    _ if self.slots[first].blocked_since.is_none() => Some(first),
                    _ => self.ready_from(self.cursor.max(first) % n),
                }
            }
            Order::Interleaved => self.ready_from(self.cursor % n.max(1)),
        }
    }

    fn ready_from(&self, start: usize) -> Option<usize> {
        let n = self.slots.len();
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| matches!(self.slots[i].state, State::Ready))
    }

    fn earliest_wake(&self) -> Option<f64> {
        self.slots
            .iter()
            .filter_map(|s| match s.state {
                State::Waiting { until, .. } => Some(until),
                _ => None,
            })
            .min_by(f64::total_cmp)
    }

    fn run_task(&mut self, i: usize, clock: &dyn Clock, budget_ms: f64) {
        let cx = StepCx {
            clock,
            lane: Lane::Main,
        };
        let start = clock.now_ms();
        let budget = if self.order == Order::Interleaved {
            budget_ms
        } else {
            f64::INFINITY
        };
        let mut progressed = false;
        let result = loop {
            let result = step::guarded(self.slots[i].task.as_mut(), &cx);
            if result != Step::Blocked {
                progressed = true;
            }
            if result != Step::Continue {
                break result;
            }
            if clock.now_ms() - start >= budget || self.recorder.cancelled() {
                break Step::Continue;
            }
        };
        let now = clock.now_ms();
        let slot = &mut self.slots[i];
        if progressed {
            if let Some(since) = slot.blocked_since.take() {
                self.log.record(span(i, SpanKind::Wait, since, start));
            }
            self.blocked_streak = 0;
        }
        self.log.record(span(i, SpanKind::Compute, start, now));
        self.cursor = i + 1;
        match result {
            Step::Continue => {}
            Step::Wait { ms } => {
                slot.state = State::Waiting {
                    since: now,
                    until: now + ms.max(0.0),
                }
            }
            Step::Blocked => {
                slot.blocked_since.get_or_insert(start);
                self.blocked_streak += 1;
                let live = self
                    .slots
                    .iter()
                    .filter(|s| matches!(s.state, State::Ready))
                    .count();
                let waiting = self.earliest_wake().is_some();
                if !waiting && self.blocked_streak > live {
                    self.fail_deadlocked(now);
                }
            }
            Step::Done(v) => self.finish(i, TaskOutcome::Done(v)),
            Step::Failed(e) => self.finish(i, TaskOutcome::Failed(e)),
        }
    }

    fn finish(&mut self, i: usize, outcome: TaskOutcome) {
        self.slots[i].state = State::Finished;
        self.outcomes[i] = Some(outcome);
        self.recorder.task_finished(i as u32);
    }

    /// Every live task is blocked and none is waiting on a timer: nothing can ever move.
    fn fail_deadlocked(&mut self, now: f64) {
        for i in 0..self.slots.len() {
            if matches!(self.slots[i].state, State::Ready) {
                if let Some(since) = self.slots[i].blocked_since.take() {
                    self.log.record(span(i, SpanKind::Wait, since, now));
                }
                self.finish(
                    i,
                    TaskOutcome::Failed("deadlock: every task is blocked".into()),
                );
            }
        }
    }

    fn cancel_rest(&mut self, now: f64) {
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if let State::Waiting { since, .. } = slot.state {
                self.log.record(span(i, SpanKind::Io, since, now));
            }
            if !matches!(slot.state, State::Finished) {
                slot.state = State::Finished;
                self.outcomes[i] = Some(TaskOutcome::Cancelled);
            }
        }
        self.log.flush(now);
    }

    /// The run's output, once `run_slice` has returned `Finished`.
    pub fn finish_run(mut self, finish: super::Finish, now_ms: f64) -> RunOutput {
        self.log.flush(now_ms);
        drop(self.log);
        let outcomes: Vec<TaskOutcome> = self
            .outcomes
            .into_iter()
            .map(|o| o.unwrap_or(TaskOutcome::Cancelled))
            .collect();
        super::pool::assemble(outcomes, finish, self.recorder, now_ms - self.started_ms)
    }
}

fn span(task: usize, kind: SpanKind, start_ms: f64, end_ms: f64) -> Span {
    Span {
        lane: Lane::Main,
        task: task as u32,
        kind,
        start_ms,
        end_ms,
    }
}

/// Runs a plan to the end on the calling thread, spinning through waits: the synchronous
/// executor (it blocks its thread for the whole run, by design).
pub fn run_blocking(plan: Plan, order: Order, clock: &dyn Clock, recorder: &Recorder) -> RunOutput {
    let mut scheduler = MainScheduler::new(plan.tasks, order, recorder, clock.now_ms());
    loop {
        match scheduler.run_slice(clock, 5.0) {
            Next::Yield => {}
            Next::SleepUntil(t) => {
                while clock.now_ms() < t && !recorder.cancelled() {
                    std::hint::spin_loop();
                }
            }
            Next::Finished => break,
        }
    }
    scheduler.finish_run(plan.finish, clock.now_ms())
}
