//! One run from start to the record the page keeps.

use std::rc::Rc;
use std::sync::Arc;

use super::{execute, Platform, RunRequest};
use crate::app_state::{Action, RunRecord};
use crate::engine::Recorder;
use crate::pyapi::lens;

/// Reports `Started` at once, before the returned future is first polled (so the page's next
/// render already sees the run, and a queue never starts a second one while this one is on
/// its way), then runs and reports `Finished`.
///
/// Before the executor starts, two frames are painted: the first shows "running…" (redrawing
/// the page would otherwise take CPU from the workers being measured, and a synchronous run is
/// about to freeze the page on purpose); the frame watch starts from the second, so the page's
/// own redraw is not counted against the run. The program starts then: the moments of its
/// Python API call (an `Event` set, a daemon program's end, a `wait` timeout) count from
/// there, on every executor.
pub fn run<P: Platform>(
    platform: P,
    request: RunRequest,
    recorder: Arc<Recorder>,
) -> impl std::future::Future<Output = ()> {
    platform.dispatch(Action::Started {
        executor: request.executor,
        threads: request.threads,
        total: request.plan.tasks.len() as u32,
        now_ms: platform.now_ms(),
    });
    started(platform, request, recorder)
}

async fn started<P: Platform>(platform: P, request: RunRequest, recorder: Arc<Recorder>) {
    let platform = &platform;
    let RunRequest {
        executor,
        threads,
        plan,
        mut job,
        switch_ms,
    } = request;
    platform.after_paint().await;
    if executor.needs_pool() {
        // The workers' clocks may have drifted since the last check: the lanes' spans must
        // share the page's time line, or a hand-over could look like an overlap. Before the
        // program starts, so the check's few milliseconds are not the program's.
        platform.align_clocks().await;
    }
    let frames = platform.watch_frames();
    platform.after_paint().await;
    job.start_ms = platform.now_ms();
    let plan = lens::prepare(plan, job.api, &recorder, job.start_ms);
    if let Some(after) = lens::cancel_after_ms(job.api) {
        platform.cancel_after(recorder.clone(), after);
    }
    let output = execute(platform, executor, plan, job, threads, recorder, switch_ms).await;
    let (frames, frame_stamps) = platform.stop_frames(frames).await;
    if executor.needs_pool() {
        platform.dispatch(Action::WorkersLost(platform.lost_workers()));
    }
    platform.dispatch(Action::Finished(RunRecord {
        executor,
        threads,
        output: Rc::new(output),
        frames: Some(frames),
        frame_stamps: Rc::new(frame_stamps),
        switch_ms: (executor == crate::executor::Executor::Gil).then_some(switch_ms),
    }));
}
