//! The browser's side of a run (`run::Platform`): the page's event loop, frames and timers,
//! the pool over shared memory, process-like workers. The run itself — what happens when,
//! per executor — is core logic in `run`; this file only performs what it asks.

use std::sync::Arc;

use wasm_bindgen::JsValue;
use yew::UseReducerDispatcher;

use super::clock::{self, WebClock};
use super::frames::FrameWatch;
use super::{clock_sync, procs};
use crate::app_state::{Action, AppState};
use crate::engine::frames::FrameStats;
use crate::engine::gil::Gil;
use crate::engine::process::Reply;
use crate::engine::{Plan, Recorder, RunEnd, RunOutput, Span};
use crate::run::{Batch, Crash, Platform};

/// The page, or (for the benchmark's runs) the page without its state. A cheap handle: a run
/// owns one.
#[derive(Clone, Default)]
pub struct WebPlatform {
    dispatch: Option<UseReducerDispatcher<AppState>>,
}

impl WebPlatform {
    pub fn new(dispatch: UseReducerDispatcher<AppState>) -> Self {
        Self {
            dispatch: Some(dispatch),
        }
    }
}

impl Platform for WebPlatform {
    type Clock = WebClock;
    type Frames = FrameWatch;
    type Worker = JsValue;

    fn clock(&self) -> WebClock {
        WebClock
    }

    fn dispatch(&self, action: Action) {
        if let Some(d) = &self.dispatch {
            d.dispatch(action);
        }
    }

    async fn after_paint(&self) {
        clock::after_next_paint().await
    }

    async fn yield_now(&self) {
        clock::yield_now().await
    }

    async fn sleep_ms(&self, ms: f64) {
        clock::sleep_ms(ms).await
    }

    fn cancel_after(&self, recorder: Arc<Recorder>, ms: f64) {
        wasm_bindgen_futures::spawn_local(async move {
            clock::sleep_ms(ms).await;
            recorder.cancel();
        });
    }

    fn watch_frames(&self) -> FrameWatch {
        FrameWatch::start()
    }

    async fn stop_frames(&self, frames: FrameWatch) -> (FrameStats, Vec<f64>) {
        frames.stop_with_stamps().await
    }

    async fn align_clocks(&self) {
        clock_sync::align_workers().await;
    }

    async fn pool_job(
        &self,
        plan: Plan,
        threads: usize,
        recorder: Arc<Recorder>,
        gil: Option<Gil>,
    ) -> RunOutput {
        // The lanes run on the pool; the page only awaits the last lane's report.
        let (tx, rx) = futures_channel::oneshot::channel();
        crate::engine::pool::start(plan, threads, WebClock, recorder, gil, move |out| {
            let _ = tx.send(out);
        });
        rx.await
            .unwrap_or_else(|_| lost("the pool dropped the run before it finished"))
    }

    fn lost_workers(&self) -> usize {
        crate::engine::pool::lost_workers()
    }

    async fn obtain_worker(&self, fresh: bool) -> Result<(JsValue, Option<f64>), String> {
        procs::obtain(fresh).await
    }

    async fn run_batch(
        &self,
        worker: &JsValue,
        batch: Batch<'_>,
        on_spans: Box<dyn FnMut(Vec<Span>)>,
    ) -> Result<Reply, Crash> {
        procs::run_batch(worker, batch, on_spans).await
    }

    fn end_worker(&self, worker: &JsValue) {
        procs::end(worker);
    }

    fn release_worker(&self, worker: JsValue, keep: bool) {
        procs::release(worker, keep);
    }
}

/// The output of a run that never produced one.
fn lost(reason: &str) -> RunOutput {
    RunOutput {
        answer: Default::default(),
        end: RunEnd::Failed(reason.into()),
        wall_ms: 0.0,
        spans: vec![],
        completion_order: vec![],
        outcomes: vec![],
    }
}
