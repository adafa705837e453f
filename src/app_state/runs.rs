//! The page state's transitions over a run's life: "Run all" queues the demo's executors, a
//! run starts, and a finished run is kept (results, calibration, sweep point, history).

use super::{AppState, Job, RunRecord, Running};
use crate::executor::Executor;

impl AppState {
    /// Queues every executor of the demo that can run here, one after another.
    pub(super) fn run_all(&mut self) {
        let pool = self.pool.is_ready();
        self.pending = self
            .executors
            .iter()
            .filter(|e| pool || !e.needs_pool())
            .map(|&executor| Job {
                executor,
                threads: None,
                chunk: None,
            })
            .collect();
    }

    pub(super) fn started(&mut self, executor: Executor, threads: usize, total: u32, now_ms: f64) {
        self.confirm = None;
        self.running = Some(Running {
            executor,
            threads,
            started_ms: now_ms,
            total,
            cancelling: false,
        });
    }

    pub(super) fn finished(&mut self, record: RunRecord) {
        let started_ms = self.running.take().map(|r| r.started_ms);
        self.finished_runs = self.finished_runs.saturating_add(1);
        // A completed main-thread run calibrates the workload's time estimate on this machine.
        if record.executor == Executor::Main
            && record.output.end == crate::engine::RunEnd::Completed
        {
            let raw = (self.workload.estimate_ms)(&self.values);
            if raw > 0.0 && record.output.wall_ms > 0.0 {
                self.calibration
                    .insert(self.workload.id, record.output.wall_ms / raw);
            }
        }
        self.record_sweep_point(&record);
        self.results.insert(record.executor, record.clone());
        self.keep_in_history(&record, started_ms);
    }
}
