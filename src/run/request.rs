//! What the learner asked for, checked against the page's state and turned into exactly what
//! will run.

use crate::app_state::{AppState, Decision};
use crate::engine::fault::inject;
use crate::engine::process::JobSpec;
use crate::engine::Plan;
use crate::executor::Executor;

/// A request for a run: where, and the overrides a queued run carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ask {
    pub executor: Executor,
    /// The learner already agreed to a long freeze.
    pub confirmed: bool,
    /// A thread sweep's point: this many threads instead of the chosen count.
    pub threads: Option<usize>,
    /// A chunk-size sweep's point: this chunk instead of the form's.
    pub chunk: Option<u64>,
}

impl Ask {
    pub fn new(executor: Executor) -> Self {
        Self {
            executor,
            confirmed: false,
            threads: None,
            chunk: None,
        }
    }
}

/// A run ready to start.
pub struct RunRequest {
    pub executor: Executor,
    pub threads: usize,
    /// The tasks, with the chosen fault injected.
    pub plan: Plan,
    /// What the plan is (for workers that rebuild it in their own memory) and the Python API
    /// call that acts on it.
    pub job: JobSpec,
    /// The simulated GIL's switch interval (ms), for a run under it.
    pub switch_ms: f64,
}

impl std::fmt::Debug for RunRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunRequest")
            .field("executor", &self.executor)
            .field("threads", &self.threads)
            .field("tasks", &self.plan.tasks.len())
            .field("job", &self.job.encode())
            .finish()
    }
}

/// The run `ask` starts on `state`, or why it does not start now (busy, no pool, a freeze
/// to confirm first, a panic the main thread cannot take).
pub fn request(state: &AppState, ask: Ask) -> Result<RunRequest, Decision> {
    match state.decide(ask.executor, ask.confirmed) {
        Decision::Start => {}
        other => return Err(other),
    }
    let values = match ask.chunk {
        Some(c) => state
            .values
            .clone()
            .with(&crate::workload::squares::CHUNK, c),
        None => state.values.clone(),
    };
    let plan = inject((state.workload.plan)(&values), state.fault);
    let threads = ask.threads.map_or_else(
        || state.threads_for(ask.executor),
        |t| t.clamp(1, state.max_threads()),
    );
    let job = JobSpec {
        api: state.api,
        ..JobSpec::new(state.workload, values, state.fault)
    };
    Ok(RunRequest {
        executor: ask.executor,
        threads,
        plan,
        job,
        switch_ms: state.switch_us as f64 / 1e3,
    })
}
