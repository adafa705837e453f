//! Each executor, driven through the platform.

use std::sync::Arc;

use super::{processes, Platform};
use crate::engine::gil::Gil;
use crate::engine::main_thread::{run_blocking, MainScheduler, Next, Order};
use crate::engine::process::JobSpec;
use crate::engine::{Plan, Recorder, RunOutput};
use crate::executor::Executor;

/// How long a cooperative task runs before giving the event loop back.
pub const COOPERATIVE_SLICE_MS: f64 = 4.0;
/// The longest a cooperative run sleeps before it looks at its cancel flag again.
pub const WAKE_EVERY_MS: f64 = 100.0;

/// Runs `plan` on `executor`. `job` says what `plan` is (workload, values, fault, API call),
/// for workers that rebuild it in their own memory; `switch_ms` is the GIL's switch interval.
pub async fn execute<P: Platform>(
    platform: &P,
    executor: Executor,
    plan: Plan,
    job: JobSpec,
    threads: usize,
    recorder: Arc<Recorder>,
    switch_ms: f64,
) -> RunOutput {
    match executor {
        // The page freezes for the run, on purpose.
        Executor::Main => run_blocking(plan, Order::Sequential, &platform.clock(), &recorder),
        Executor::Async => cooperative(platform, plan, &recorder).await,
        Executor::Process | Executor::ProcessFresh => {
            let fresh = executor == Executor::ProcessFresh;
            processes::execute(platform, plan, job, fresh, threads, recorder).await
        }
        Executor::Pool | Executor::Gil => {
            // The workers' clocks were checked before the program started (`life::run`).
            let gil = (executor == Executor::Gil).then(|| Gil::new(switch_ms));
            platform.pool_job(plan, threads, recorder, gil).await
        }
    }
}

/// The cooperative executor (asyncio's model): the core scheduler, one slice per turn of the
/// page's event loop; waits are timers.
async fn cooperative<P: Platform>(platform: &P, plan: Plan, recorder: &Recorder) -> RunOutput {
    let clock = platform.clock();
    let mut scheduler =
        MainScheduler::new(plan.tasks, Order::Interleaved, recorder, platform.now_ms());
    loop {
        match scheduler.run_slice(&clock, COOPERATIVE_SLICE_MS) {
            Next::Yield => platform.yield_now().await,
            Next::SleepUntil(t) => {
                // Wake early enough to notice a cancel.
                let wait = (t - platform.now_ms()).min(WAKE_EVERY_MS);
                platform.sleep_ms(wait.max(0.0)).await;
            }
            Next::Finished => break,
        }
    }
    scheduler.finish_run(plan.finish, platform.now_ms())
}
