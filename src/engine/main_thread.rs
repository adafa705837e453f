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

use std::collections::VecDeque;

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

struct Slot {
    task: Box<dyn Task>,
    /// Set while the task keeps answering `Blocked`: when it started waiting.
    blocked_since: Option<f64>,
}

/// Every structure here is O(1) per slice (the waiting list holds only waiting tasks), so a
/// run of a million tiny tasks costs a million slices, not a million squared.
pub struct MainScheduler<'r> {
    slots: Vec<Slot>,
    outcomes: Vec<Option<TaskOutcome>>,
    order: Order,
    /// Tasks that can run, in turn order (blocked tasks included: they retry).
    ready: VecDeque<usize>,
    /// Tasks sleeping through a wait: (until, since, task).
    waiting: Vec<(f64, f64, usize)>,
    unfinished: usize,
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
        let count = tasks.len();
        Self {
            slots: tasks
                .into_iter()
                .map(|task| Slot {
                    task,
                    blocked_since: None,
                })
                .collect(),
            outcomes: vec![None; count],
            order,
            ready: (0..count).collect(),
            waiting: Vec::new(),
            unfinished: count,
            blocked_streak: 0,
            recorder,
            log: LaneLog::new(recorder, now_ms),
            started_ms: now_ms,
        }
    }

    /// Gives tasks their turns, in order, until `budget_ms` has passed (Interleaved only), no
    /// task is ready, or a task could not progress, and says what the driver should do next.
    /// Like asyncio's event loop, the turns of many short tasks run back to back: only after
    /// a slice does the driver hand the thread back (to the browser, to paint and read input),
    /// so a turn costs what the task does, not a trip through the event loop.
    pub fn run_slice(&mut self, clock: &dyn Clock, budget_ms: f64) -> Next {
        let start = clock.now_ms();
        // One clock read per turn: the time a turn ends is the time the next one starts (on
        // the browser's main thread each read is a call out to JS, dearer than a tiny task).
        let mut now = start;
        loop {
            if self.recorder.cancelled() {
                self.cancel_rest(now);
                return Next::Finished;
            }
            self.wake(now);
            if self.unfinished == 0 {
                self.log.flush(now);
                return Next::Finished;
            }
            // Sequential: a waiting task blocks the only thread — nothing else runs meanwhile.
            let blocked_by_wait = self.order == Order::Sequential && !self.waiting.is_empty();
            let next = if blocked_by_wait {
                None
            } else {
                self.ready.pop_front()
            };
            let Some(i) = next else {
                return match self.earliest_wake() {
                    Some(t) => Next::SleepUntil(t),
                    None => Next::Finished,
                };
            };
            let progressed;
            (progressed, now) = self.run_task(i, clock, now, budget_ms - (now - start));
            if self.unfinished == 0 {
                self.log.flush(now);
                return Next::Finished;
            }
            // A blocked task waits for another's turn or a wake-up: hand the thread back
            // rather than spin through the ready line.
            let spent = now - start;
            if !progressed || (self.order == Order::Interleaved && spent >= budget_ms) {
                return Next::Yield;
            }
        }
    }

    fn wake(&mut self, now: f64) {
        let mut k = 0;
        while k < self.waiting.len() {
            let (until, since, i) = self.waiting[k];
            if until <= now {
                self.waiting.swap_remove(k);
                self.log.record(span(i, SpanKind::Io, since, now));
                // A task back from its wait goes first: in a sequential run it is the one
                // the thread was blocked on.
                self.ready.push_front(i);
                // A wake is news that may unblock others: the deadlock count starts over.
                self.blocked_streak = 0;
            } else {
                k += 1;
            }
        }
    }

    fn earliest_wake(&self) -> Option<f64> {
        self.waiting.iter().map(|w| w.0).min_by(f64::total_cmp)
    }

    /// Runs task `i`, from `start`, until its state changes or `budget_ms` passes (Interleaved
    /// only); whether it progressed (false: it was blocked), and when its turn ended.
    fn run_task(&mut self, i: usize, clock: &dyn Clock, start: f64, budget_ms: f64) -> (bool, f64) {
        let cx = StepCx {
            clock,
            lane: Lane::Main,
        };
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
            if self.recorder.cancelled() || (budget.is_finite() && clock.now_ms() - start >= budget)
            {
                break Step::Continue;
            }
        };
        let now = clock.now_ms();
        if progressed {
            if let Some(since) = self.slots[i].blocked_since.take() {
                self.log.record(span(i, SpanKind::Wait, since, start));
            }
            self.blocked_streak = 0;
        }
        self.log.record(span(i, SpanKind::Compute, start, now));
        match result {
            Step::Continue => match self.order {
                // One after another: the same task goes on.
                Order::Sequential => self.ready.push_front(i),
                // Taking turns: to the back of the line.
                Order::Interleaved => self.ready.push_back(i),
            },
            Step::Wait { ms } => self.waiting.push((now + ms.max(0.0), now, i)),
            Step::Blocked => {
                self.slots[i].blocked_since.get_or_insert(start);
                self.ready.push_back(i);
                self.blocked_streak += 1;
                if self.waiting.is_empty() && self.blocked_streak > self.ready.len() {
                    self.fail_deadlocked(now);
                }
            }
            Step::Done(v) => self.finish(i, TaskOutcome::Done(v)),
            Step::Failed(e) => self.finish(i, TaskOutcome::Failed(e)),
        }
        (progressed, now)
    }

    fn finish(&mut self, i: usize, outcome: TaskOutcome) {
        self.outcomes[i] = Some(outcome);
        self.unfinished -= 1;
        self.recorder.task_finished(i as u32);
    }

    /// Every live task is blocked and none is waiting on a timer: nothing can ever move.
    fn fail_deadlocked(&mut self, now: f64) {
        while let Some(i) = self.ready.pop_front() {
            if let Some(since) = self.slots[i].blocked_since.take() {
                self.log.record(span(i, SpanKind::Wait, since, now));
            }
            self.finish(
                i,
                TaskOutcome::Failed("deadlock: every task is blocked".into()),
            );
        }
    }

    fn cancel_rest(&mut self, now: f64) {
        for (_, since, i) in std::mem::take(&mut self.waiting) {
            self.log.record(span(i, SpanKind::Io, since, now));
        }
        self.ready.clear();
        for outcome in &mut self.outcomes {
            outcome.get_or_insert(TaskOutcome::Cancelled);
        }
        self.unfinished = 0;
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

#[cfg(test)]
mod tests;
