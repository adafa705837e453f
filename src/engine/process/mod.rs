//! The process-like executor's bookkeeping on the page, pure: workers with their *own* memory
//! (in the browser, their own wasm instance), like `multiprocessing.Pool`.
//!
//! The page hands out batches of task ids ([`ProcessRun::next_batch`], `Pool.map`'s chunksize
//! rule), each with a [`JobSpec`] that names the workload and its values — the worker rebuilds
//! the tasks in its memory, like pickle sending a function by name — and, once per worker and
//! run, a copy of the run's input data. A worker reports its spans while it works (see
//! [`worker`]) and its [`Reply`] carries the outcomes and the last spans back: copying in
//! (sending), computing, and copying out (receiving) show as separate spans, so the cost of
//! copying is on the timeline. The page folds replies into the same [`Recorder`] and
//! [`RunOutput`] the pool produces. What only the browser can do (workers, messages) is in
//! `web::procs`; a simulated page and workers run it natively in the tests.

pub mod message;
pub mod worker;

use std::collections::VecDeque;
use std::sync::Arc;

use super::pool::assemble;
use super::{Answer, Finish, Lane, Recorder, RunOutput, Span, SpanKind, TaskOutcome};
use crate::pyapi::ApiCall;
pub use message::JobSpec;

/// Why a workload does not run on process-like workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Producers and consumers meet in one queue in shared memory; in separate memories each
    /// worker would have its own queue and a consumer would wait forever.
    SharedQueue,
    /// The convoy's CPU-bound thread stops when the IO thread is done, a flag in shared
    /// memory; in its own process it would never see it.
    SharedFlag,
}

impl Refusal {
    /// The reason as a run's error (language-neutral English, like the engine's other errors).
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::SharedQueue => {
                "not on process workers: producers and consumers must share one queue, and \
                 each process would have its own copy (multiprocessing needs a Queue or a \
                 Manager for that)"
            }
            Refusal::SharedFlag => {
                "not on process workers: the CPU-bound thread stops when the IO thread is done, \
                 a flag only threads share (and processes have no GIL to queue on: each has \
                 its own)"
            }
        }
    }
}

/// Whether `workload` cannot run on process-like workers. The bank runs, and shows why: each
/// worker changes its own copy of the balance, so nothing is lost and the page's balance never
/// moves.
pub fn refusal(workload: &str) -> Option<Refusal> {
    if workload == crate::workload::queue::DEF.id {
        Some(Refusal::SharedQueue)
    } else if workload == crate::workload::convoy::DEF.id {
        Some(Refusal::SharedFlag)
    } else {
        None
    }
}

/// How long workers get to reply after the run's stop time before the page ends them.
pub const STOP_GRACE_MS: f64 = 500.0;
/// How much earlier than the stop time the page's own timer may see it.
const TIMER_SLACK_MS: f64 = 5.0;

/// Tasks per batch: `Pool.map`'s default chunksize, ⌈tasks / (4 × workers)⌉, so each worker
/// gets about four batches and a message's cost is shared by many small tasks.
pub fn batch_size(tasks: usize, workers: usize) -> usize {
    tasks.div_ceil(4 * workers.max(1)).max(1)
}

/// Adds what the run cost in workers to its answer's details: how many workers it had to
/// start, their mean start-up time, and the time spent copying to and from them — the figures
/// that set processes apart from threads.
pub fn note_costs(answer: &mut Answer, startups_ms: &[f64], spans: &[Span]) {
    answer
        .details
        .push(("workers_started", startups_ms.len().to_string()));
    if !startups_ms.is_empty() {
        let mean = startups_ms.iter().sum::<f64>() / startups_ms.len() as f64;
        answer
            .details
            .push(("start_ms_per_worker", format!("{mean:.1}")));
    }
    let copy: f64 = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Copy)
        .map(|s| s.end_ms - s.start_ms)
        .sum();
    answer.details.push(("copy_ms", format!("{copy:.1}")));
}

/// What a worker sends back for one batch. Its spans are those it had not yet reported (the
/// send's copy, from the page's send time to the worker's decoding, and the work);
/// `replied_ms` is when it began to reply.
/// `stopped`: the run's stop time came (see [`worker`]); the batch's tasks without an outcome
/// were abandoned.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub outcomes: Vec<(u32, TaskOutcome)>,
    pub spans: Vec<Span>,
    pub replied_ms: f64,
    pub stopped: bool,
}

/// One run on process-like workers, as the page sees it.
pub struct ProcessRun {
    pub spec: JobSpec,
    pending: VecDeque<u32>,
    batch: usize,
    outcomes: Vec<Option<TaskOutcome>>,
    /// Outcomes settled so far, and how many of them failed: the page is the caller of a
    /// `wait`, the only place that sees every worker's results.
    finished: usize,
    failed: usize,
    recorder: Arc<Recorder>,
    started_ms: f64,
}

impl ProcessRun {
    /// A run of `tasks` tasks on `workers` workers, started at `now_ms`.
    pub fn new(
        spec: JobSpec,
        tasks: usize,
        workers: usize,
        recorder: Arc<Recorder>,
        now_ms: f64,
    ) -> Self {
        Self {
            spec,
            pending: (0..tasks as u32).collect(),
            batch: batch_size(tasks, workers),
            outcomes: vec![None; tasks],
            finished: 0,
            failed: 0,
            recorder,
            started_ms: now_ms,
        }
    }

    /// How many workers the run uses: no more than it has tasks.
    pub fn workers(tasks: usize, asked: usize) -> usize {
        asked.clamp(1, tasks.max(1))
    }

    /// Whether the run was asked to stop.
    pub fn cancelled(&self) -> bool {
        self.recorder.cancelled()
    }

    /// The next batch of task ids, or None once all are handed out or the run is cancelled.
    pub fn next_batch(&mut self) -> Option<Vec<u32>> {
        if self.recorder.cancelled() || self.pending.is_empty() {
            return None;
        }
        let n = self.batch.min(self.pending.len());
        Some(self.pending.drain(..n).collect())
    }

    /// Folds in spans a worker reported while its batch runs: they go on `lane`. A worker
    /// ended later keeps them on the timeline.
    pub fn reported(&self, lane: Lane, spans: Vec<Span>) {
        self.record(lane, spans);
    }

    /// A new worker for `lane` took from `start_ms` to `end_ms` (the page's clock) to start,
    /// before it could take the batch that begins with `task`: a span on that lane, so the
    /// timeline shows where the run's first milliseconds went.
    pub fn started_worker(&self, lane: Lane, task: u32, start_ms: f64, end_ms: f64) {
        self.record(
            lane,
            vec![Span {
                lane,
                task,
                kind: SpanKind::Start,
                start_ms,
                end_ms,
            }],
        );
    }

    /// Folds in a worker's reply, received and decoded on the page at `received_ms`: its spans
    /// go on `lane`, and the copy back is a span on the batch's last task.
    pub fn received(&mut self, lane: Lane, reply: Reply, received_ms: f64) {
        let mut spans = reply.spans;
        if let Some(&(last, _)) = reply.outcomes.last() {
            spans.push(Span {
                lane,
                task: last,
                kind: SpanKind::Copy,
                start_ms: reply.replied_ms,
                end_ms: received_ms,
            });
        }
        self.record(lane, spans);
        for (id, outcome) in reply.outcomes {
            self.settle(id, outcome);
        }
        if reply.stopped {
            // The program ended the run at its stop time, as seen by that worker.
            self.recorder.cancel();
        }
    }

    fn record(&self, lane: Lane, spans: Vec<Span>) {
        if self.recorder.enabled {
            let mut spans: Vec<Span> = spans
                .into_iter()
                .filter(|s| s.end_ms > s.start_ms)
                .map(|s| Span { lane, ..s })
                .collect();
            self.recorder.push_spans(&mut spans);
        }
    }

    /// A worker ended in the middle of `batch`: `panicked` names the task whose step panicked
    /// (it fails with `message`) and the batch's other unfinished tasks go back to the queue
    /// for another worker. Without a culprit (the worker could not start, or died outside a
    /// step) the whole batch fails with `message`, so a broken worker cannot loop forever.
    pub fn crashed(&mut self, batch: &[u32], panicked: Option<u32>, message: &str) {
        let open: Vec<u32> = batch
            .iter()
            .copied()
            .filter(|&id| self.outcomes.get(id as usize).is_some_and(Option::is_none))
            .collect();
        match panicked {
            Some(culprit) if open.contains(&culprit) => {
                self.settle(culprit, TaskOutcome::Failed(format!("panicked: {message}")));
                for &id in open.iter().rev().filter(|&&id| id != culprit) {
                    self.pending.push_front(id);
                }
            }
            _ => {
                for id in open {
                    self.settle(id, TaskOutcome::Failed(message.to_string()));
                }
            }
        }
    }

    /// Records a task's outcome. A `wait(..., cancel)` whose condition this outcome meets
    /// cancels the run: workers cannot see the page's flag, so the page ends the busy ones.
    fn settle(&mut self, id: u32, outcome: TaskOutcome) {
        if let Some(slot @ None) = self.outcomes.get_mut(id as usize) {
            self.finished += 1;
            self.failed += usize::from(matches!(outcome, TaskOutcome::Failed(_)));
            *slot = Some(outcome);
            self.recorder.task_finished(id);
            if let ApiCall::Wait(w) = self.spec.api {
                if w.cancel && w.when.met(self.finished, self.failed, self.outcomes.len()) {
                    self.recorder.cancel();
                }
            }
        }
    }

    /// Whether the page must end its busy workers now (`Pool.terminate()`): the run was
    /// cancelled, and not by reaching the moment the program stops it (a daemon program's end,
    /// a `wait` timeout with cancel). That moment is on the shared clock: every worker knows
    /// it and stops by itself, keeping its spans, so they get [`STOP_GRACE_MS`] to reply.
    pub fn end_workers_now(&self, now_ms: f64) -> bool {
        self.recorder.cancelled()
            && !self
                .spec
                .stop_at()
                .is_some_and(|t| (t - TIMER_SLACK_MS..t + STOP_GRACE_MS).contains(&now_ms))
    }

    /// The run's output; tasks without an outcome were cancelled. Call once, at the end.
    pub fn finish(&mut self, finish: Finish, now_ms: f64) -> RunOutput {
        let outcomes = std::mem::take(&mut self.outcomes)
            .into_iter()
            .map(|o| o.unwrap_or(TaskOutcome::Cancelled))
            .collect();
        assemble(outcomes, finish, &self.recorder, now_ms - self.started_ms)
    }
}

#[cfg(test)]
mod tests;
