//! A process-like worker's side, pure: rebuild a run's tasks from a [`JobSpec`] in this
//! worker's own memory (once per run), then run the batches of task ids the page sends, one
//! task after another, recording compute and IO spans.
//!
//! The worker has no view of the page's memory: it cannot see a cancel flag or another
//! worker's queue. The page cancels by ending the worker, and workloads that need shared state
//! to make progress are refused before they start (see [`super::refusal`]).
//!
//! The Python API call travels in the spec and acts here on this worker's tasks
//! ([`lens::transform`]: an `Event` every task waits for, a busy-waiting task). A moment the
//! program stops the run (a daemon program's end, a `wait` timeout with cancel) is a time on
//! the shared clock, so the worker stops there by itself — mid-task, or woken early from a
//! wait — and keeps the spans of what it did; its reply says it stopped.
//!
//! Spans do not wait for the reply: a worker hands them to the page as it goes, at most every
//! [`REPORT_EVERY_MS`] ([`Outbox`]), so the live timeline fills in while a batch runs and a
//! worker the page ends keeps on the timeline what it did up to its last report. Outcomes, the
//! program's results, come back with the reply, a batch at a time, like a chunk's results in
//! multiprocessing.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use super::message::JobSpec;
use crate::engine::fault::inject;
use crate::engine::{step, Clock, Lane, Plan, Span, SpanKind, Step, StepCx, Task, TaskOutcome};
use crate::pyapi::lens;
use crate::workload::shared_list;

/// No task is running.
const IDLE: u32 = u32::MAX;

/// How often, at most, a worker hands the page the spans of a batch still running. Each
/// report is a message the page decodes; tiny tasks share one.
pub const REPORT_EVERY_MS: f64 = 100.0;

/// The task this worker is stepping, for its panic hook (each worker has its own memory, so
/// its own copy of this static).
static CURRENT_TASK: AtomicU32 = AtomicU32::new(IDLE);

/// The task in the middle of a step on this worker, if any.
pub fn current_task() -> Option<u32> {
    Some(CURRENT_TASK.load(Ordering::Relaxed)).filter(|&t| t != IDLE)
}

/// The input data a run's workers need a copy of, built on the page from the same values as
/// the page's own copy: the list of the list demo. Other workloads travel as parameters only.
pub fn input_data(spec: &JobSpec) -> Option<Vec<u32>> {
    (spec.workload.id == shared_list::DEF.id).then(|| shared_list::initial(&spec.values))
}

/// The run's plan, rebuilt in this memory (over the copied data where there is some), with
/// the fault injected and the API call's per-task part applied, as on the page.
pub fn rebuild(spec: &JobSpec, data: Option<Vec<u32>>) -> Plan {
    let plan = match data {
        Some(list) if spec.workload.id == shared_list::DEF.id => {
            shared_list::plan_over(list, &spec.values)
        }
        _ => (spec.workload.plan)(&spec.values),
    };
    lens::transform(inject(plan, spec.fault), spec.api, spec.start_ms)
}

/// What one batch produced: outcomes by task id and the spans recorded and not yet reported
/// (lane not yet known). A task the worker stopped has no outcome; `stopped` says the run's
/// stop time came.
#[derive(Debug, Default)]
pub struct BatchResult {
    pub outcomes: Vec<(u32, TaskOutcome)>,
    pub spans: Vec<Span>,
    pub stopped: bool,
}

/// One worker's tasks for the run it last saw.
#[derive(Default)]
pub struct WorkerState {
    run: Option<u32>,
    tasks: Vec<Option<Box<dyn Task>>>,
    /// When the run's program stops it (ms, shared clock), if it does at a known time.
    stop_at: Option<f64>,
}

impl WorkerState {
    /// Rebuilds the tasks if `spec` is for a run this worker has not seen; `data` is the copy
    /// of the run's input (sent with a worker's first batch of each run).
    pub fn prepare(&mut self, spec: &JobSpec, data: Option<Vec<u32>>) {
        if self.run == Some(spec.run) {
            return;
        }
        self.run = Some(spec.run);
        self.tasks = rebuild(spec, data).tasks.into_iter().map(Some).collect();
        self.stop_at = spec.stop_at();
    }

    /// Serves one batch as the page sent it: rebuilds the run's tasks if they are new (`data`
    /// is the copy of its input), records the send's copy as a span from `sent_ms` (when the
    /// page began to send) to now (decoded here), then runs the tasks `ids`, handing spans to
    /// `report` as it goes. The reply carries the outcomes and the spans not yet reported.
    pub fn serve(
        &mut self,
        spec: &JobSpec,
        data: Option<Vec<u32>>,
        ids: &[u32],
        sent_ms: f64,
        clock: &dyn Clock,
        report: &mut dyn FnMut(Vec<Span>),
    ) -> BatchResult {
        self.prepare(spec, data);
        let decoded = clock.now_ms();
        let mut outbox = Outbox::new(decoded, Some(report));
        if let Some(&first) = ids.first() {
            outbox.push(
                Span {
                    lane: Lane::Worker(0),
                    task: first,
                    kind: SpanKind::Copy,
                    start_ms: sent_ms,
                    end_ms: decoded,
                },
                decoded,
            );
        }
        self.run_tasks(ids, clock, outbox)
    }

    /// Runs the tasks `ids` to the end, one after another, until the run's stop time, keeping
    /// every span for the result. A task not in the plan, or already run, fails rather than
    /// trap.
    pub fn run_batch(&mut self, ids: &[u32], clock: &dyn Clock) -> BatchResult {
        self.run_tasks(ids, clock, Outbox::new(clock.now_ms(), None))
    }

    fn run_tasks(&mut self, ids: &[u32], clock: &dyn Clock, mut outbox: Outbox) -> BatchResult {
        let mut out = BatchResult::default();
        for &id in ids {
            if out.stopped {
                break;
            }
            let outcome = match self.tasks.get_mut(id as usize).and_then(Option::take) {
                Some(mut task) => run_task(id, task.as_mut(), clock, self.stop_at, &mut outbox),
                None => Some(TaskOutcome::Failed(format!(
                    "task {id} is not in this worker's plan"
                ))),
            };
            match outcome {
                Some(outcome) => out.outcomes.push((id, outcome)),
                None => out.stopped = true,
            }
        }
        out.spans = outbox.kept;
        out
    }
}

/// A batch's spans on their way to the page: each recorded span is kept, and whenever
/// [`REPORT_EVERY_MS`] have passed since the last report, all kept spans go to `report`.
struct Outbox<'a> {
    kept: Vec<Span>,
    reported_ms: f64,
    report: Option<&'a mut dyn FnMut(Vec<Span>)>,
}

impl<'a> Outbox<'a> {
    fn new(now_ms: f64, report: Option<&'a mut dyn FnMut(Vec<Span>)>) -> Self {
        Self {
            kept: Vec::new(),
            reported_ms: now_ms,
            report,
        }
    }

    /// Keeps `span` (if it lasted at all), recorded at `now_ms`, and reports if one is due.
    fn push(&mut self, span: Span, now_ms: f64) {
        if span.end_ms > span.start_ms {
            self.kept.push(span);
        }
        if let Some(report) = self.report.as_mut() {
            if now_ms - self.reported_ms >= REPORT_EVERY_MS && !self.kept.is_empty() {
                report(std::mem::take(&mut self.kept));
                self.reported_ms = now_ms;
            }
        }
    }
}

/// Steps one task to its end, sleeping through its waits (a worker may block); None if the
/// run's stop time `stop_at` came first (checked before each step and ending a wait early).
fn run_task(
    id: u32,
    task: &mut dyn Task,
    clock: &dyn Clock,
    stop_at: Option<f64>,
    outbox: &mut Outbox,
) -> Option<TaskOutcome> {
    let cx = StepCx {
        clock,
        lane: Lane::Worker(0),
    };
    let mut span = |kind, start_ms, end_ms| {
        let span = Span {
            lane: Lane::Worker(0),
            task: id,
            kind,
            start_ms,
            end_ms,
        };
        outbox.push(span, end_ms);
    };
    let due = |now: f64| stop_at.is_some_and(|t| now >= t);
    let mut since = clock.now_ms();
    if due(since) {
        return None;
    }
    CURRENT_TASK.store(id, Ordering::Relaxed);
    let outcome = loop {
        if due(clock.now_ms()) {
            break None;
        }
        match step::guarded(task, &cx) {
            Step::Continue => {}
            Step::Wait { ms } => {
                let now = clock.now_ms();
                span(SpanKind::Compute, since, now);
                let until = stop_at.map_or(now + ms, |t| t.min(now + ms));
                std::thread::sleep(Duration::from_secs_f64((until - now).max(0.0) / 1e3));
                since = clock.now_ms();
                span(SpanKind::Io, now, since);
                if until < now + ms {
                    // Woken by the stop time, not by the end of the wait.
                    break None;
                }
            }
            // Whatever it waits for (a queue, another task) lives in another memory or in a
            // task this worker is not running: it would wait forever.
            Step::Blocked => {
                break Some(TaskOutcome::Failed(
                    "blocked: what it waits for is not in this worker's memory".into(),
                ))
            }
            Step::Done(v) => break Some(TaskOutcome::Done(v)),
            Step::Failed(e) => break Some(TaskOutcome::Failed(e)),
        }
    };
    CURRENT_TASK.store(IDLE, Ordering::Relaxed);
    span(SpanKind::Compute, since, clock.now_ms());
    outcome
}

#[cfg(test)]
mod tests;
