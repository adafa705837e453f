//! Runs a plan on the chosen executor from the page, reporting its start and its end as
//! actions. Progress is read from the run's recorder by the progress bar itself (see
//! `components::progress`), so the rest of the page does not re-render while the run goes on.

use std::rc::Rc;
use std::sync::Arc;

use yew::UseReducerDispatcher;

use super::clock::{self, WebClock};
use super::frames::FrameWatch;
use crate::app_state::{Action, AppState, RunRecord};
use crate::engine::gil::Gil;
use crate::engine::main_thread::{run_blocking, MainScheduler, Next, Order};
use crate::engine::process::JobSpec;
use crate::engine::{Plan, Recorder, RunEnd, RunOutput};
use crate::executor::Executor;
use crate::pyapi::lens;

/// How long a cooperative task runs before giving the event loop back.
const COOPERATIVE_SLICE_MS: f64 = 4.0;
/// The longest a cooperative run sleeps before it looks at its cancel flag again.
const WAKE_EVERY_MS: f64 = 100.0;

/// Reports `Started` at once (before the caller's next render, so a queue never starts a second
/// run while this one is on its way), and returns the run, which reports `Finished` to
/// `dispatch`.
pub fn run(
    executor: Executor,
    plan: Plan,
    job: JobSpec,
    threads: usize,
    recorder: Arc<Recorder>,
    dispatch: UseReducerDispatcher<AppState>,
) -> impl std::future::Future<Output = ()> {
    dispatch.dispatch(Action::Started {
        executor,
        threads,
        total: plan.tasks.len() as u32,
        now_ms: clock::now_ms(),
    });
    run_started(executor, plan, job, threads, recorder, dispatch)
}

async fn run_started(
    executor: Executor,
    plan: Plan,
    mut job: JobSpec,
    threads: usize,
    recorder: Arc<Recorder>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    // Let "running…" reach the screen first: redrawing the page (controls disabled, the
    // progress bar in) would otherwise take CPU from the workers the run is measuring, and a
    // synchronous run is about to freeze the page on purpose. Two frames: the first is painted
    // on this thread, then rasterised and composited on others while the second begins.
    clock::after_next_paint().await;
    // Frames are watched from the second, so a freeze that starts the run follows a frame,
    // and the first (the page's own redraw) is not counted against the run.
    let frames = FrameWatch::start();
    clock::after_next_paint().await;
    // The program starts now: the moments of its Python API call (an Event set, a daemon
    // program's end, a wait's timeout) count from here, on every executor.
    job.start_ms = clock::now_ms();
    let plan = lens::prepare(plan, job.api, &recorder, job.start_ms);
    if let Some(after) = lens::cancel_after_ms(job.api) {
        let recorder = recorder.clone();
        wasm_bindgen_futures::spawn_local(async move {
            clock::sleep_ms(after).await;
            recorder.cancel();
        });
    }
    let output = execute(executor, plan, job, threads, recorder).await;
    let (frames, frame_stamps) = frames.stop_with_stamps().await;
    if executor.needs_pool() {
        dispatch.dispatch(Action::WorkersLost(crate::engine::pool::lost_workers()));
    }
    dispatch.dispatch(Action::Finished(RunRecord {
        executor,
        threads,
        output: Rc::new(output),
        frames: Some(frames),
        frame_stamps: Rc::new(frame_stamps),
    }));
}

/// Runs `plan` on `executor`. `job` says what `plan` is (workload, values, fault, API call),
/// for workers that rebuild it in their own memory.
pub async fn execute(
    executor: Executor,
    plan: Plan,
    job: JobSpec,
    threads: usize,
    recorder: Arc<Recorder>,
) -> RunOutput {
    match executor {
        Executor::Main => run_blocking(plan, Order::Sequential, &WebClock, &recorder),
        Executor::Async => run_cooperative(plan, &recorder).await,
        Executor::Process | Executor::ProcessFresh => {
            let fresh = executor == Executor::ProcessFresh;
            super::procs::execute(plan, job, fresh, threads, recorder).await
        }
        Executor::Pool | Executor::Gil => {
            // Check the workers' clocks again (they may drift): the lanes' spans must share
            // the page's time line, or a hand-over could look like two threads at once.
            super::clock_sync::align_workers().await;
            // The lanes run on the pool; the main thread only awaits the last lane's report.
            let (tx, rx) = futures_channel::oneshot::channel();
            let gil = (executor == Executor::Gil).then(Gil::default);
            crate::engine::pool::start(plan, threads, WebClock, recorder, gil, move |out| {
                let _ = tx.send(out);
            });
            rx.await
                .unwrap_or_else(|_| failed("the pool dropped the run before it finished".into()))
        }
    }
}

/// The cooperative executor: the core scheduler, one slice per event-loop turn.
async fn run_cooperative(plan: Plan, recorder: &Recorder) -> RunOutput {
    let mut scheduler =
        MainScheduler::new(plan.tasks, Order::Interleaved, recorder, clock::now_ms());
    loop {
        match scheduler.run_slice(&WebClock, COOPERATIVE_SLICE_MS) {
            Next::Yield => clock::yield_now().await,
            Next::SleepUntil(t) => {
                // Wake early enough to notice a cancel.
                let wait = (t - clock::now_ms()).min(WAKE_EVERY_MS);
                clock::sleep_ms(wait.max(0.0)).await;
            }
            Next::Finished => break,
        }
    }
    scheduler.finish_run(plan.finish, clock::now_ms())
}

/// Awaits `job` while polling `side` (which never finishes on its own).
pub(crate) async fn while_polling<T>(
    job: impl std::future::Future<Output = T>,
    side: impl std::future::Future<Output = ()>,
) -> T {
    use std::pin::pin;
    use std::task::Poll;
    let mut job = pin!(job);
    let mut side = pin!(side);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(v) = job.as_mut().poll(cx) {
            return Poll::Ready(v);
        }
        let _ = side.as_mut().poll(cx);
        Poll::Pending
    })
    .await
}

/// The output of a run that never produced one (the pool lost the job).
fn failed(reason: String) -> RunOutput {
    RunOutput {
        answer: Default::default(),
        end: RunEnd::Failed(reason),
        wall_ms: 0.0,
        spans: vec![],
        completion_order: vec![],
        outcomes: vec![],
    }
}
