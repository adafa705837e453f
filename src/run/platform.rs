//! What a run needs from the place it runs in — the page, or a test. The core asks; the
//! platform does it and reports back. `web::platform` is the browser's; `run::tests` has a
//! fake one that runs everything natively.

use std::future::Future;
use std::sync::Arc;

use crate::app_state::Action;
use crate::engine::frames::FrameStats;
use crate::engine::gil::Gil;
use crate::engine::process::Reply;
use crate::engine::{Clock, Lane, Plan, Recorder, RunOutput, Span};

/// Why a batch sent to a process worker came back without a reply: the worker panicked in a
/// task (which one, if it said), failed otherwise, or was ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Crash {
    pub task: Option<u32>,
    pub message: String,
}

/// One batch for a process worker.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    /// The page's lane the worker stands for.
    pub lane: Lane,
    /// The run's [`JobSpec`](crate::engine::process::JobSpec) as text.
    pub spec: &'a str,
    /// The task ids to run.
    pub ids: &'a [u32],
    /// A copy of the input data, if this worker has none of this run's yet.
    pub data: Option<&'a [u32]>,
    /// When sending began (copying counts from here).
    pub sent_ms: f64,
}

/// The platform's side of a run. Every method returns at once or as a future the run awaits;
/// none blocks the page.
pub trait Platform {
    /// The one clock spans, frames and the program's moments are stamped with.
    type Clock: Clock + Clone + Send + 'static;
    /// A frame watch in progress.
    type Frames;
    /// A process-like worker.
    type Worker: Clone + 'static;

    fn clock(&self) -> Self::Clock;
    fn now_ms(&self) -> f64 {
        self.clock().now_ms()
    }

    /// Hands an action to the page's state (`AppState::apply`).
    fn dispatch(&self, action: Action);

    // The page's event loop.
    /// Resolves once the page has painted its next frame (or could not: a hidden tab).
    fn after_paint(&self) -> impl Future<Output = ()>;
    /// Gives the event loop a turn.
    fn yield_now(&self) -> impl Future<Output = ()>;
    /// Resolves after `ms` (the page stays live meanwhile).
    fn sleep_ms(&self, ms: f64) -> impl Future<Output = ()>;
    /// Cancels `recorder`'s run after `ms`, on a timer of its own.
    fn cancel_after(&self, recorder: Arc<Recorder>, ms: f64);
    /// Starts counting the page's painted frames.
    fn watch_frames(&self) -> Self::Frames;
    /// Stops (after one more frame) and summarises; each frame's time on [`Self::clock`].
    fn stop_frames(&self, frames: Self::Frames) -> impl Future<Output = (FrameStats, Vec<f64>)>;

    // The pool over shared memory.
    /// Measures the pool workers' clocks against the page's and corrects them.
    fn align_clocks(&self) -> impl Future<Output = ()>;
    /// Runs `plan` on `threads` lanes of the pool (under `gil` if given) and resolves with
    /// its output; the page only awaits.
    fn pool_job(
        &self,
        plan: Plan,
        threads: usize,
        recorder: Arc<Recorder>,
        gil: Option<Gil>,
    ) -> impl Future<Output = RunOutput>;
    /// Pool workers lost to panics since the page loaded.
    fn lost_workers(&self) -> usize;

    // Process-like workers, each with a memory of its own.
    /// An idle worker (unless `fresh`), or a new one with the time it took to start (ms).
    fn obtain_worker(
        &self,
        fresh: bool,
    ) -> impl Future<Output = Result<(Self::Worker, Option<f64>), String>>;
    /// Sends a batch and resolves with the worker's reply. Spans the worker reports while the
    /// batch runs go to `on_spans` (already on the batch's lane).
    fn run_batch(
        &self,
        worker: &Self::Worker,
        batch: Batch<'_>,
        on_spans: Box<dyn FnMut(Vec<Span>)>,
    ) -> impl Future<Output = Result<Reply, Crash>>;
    /// Ends a worker now (a cancel, a crash, or a fresh worker done).
    fn end_worker(&self, worker: &Self::Worker);
    /// Keeps a worker for the next run (`keep`), or ends it.
    fn release_worker(&self, worker: Self::Worker, keep: bool);
}
