//! What the page state answers without changing: decisions before a run, derived figures,
//! and the link that reproduces it.

use super::{AppState, Decision, CONFIRM_ABOVE_MS};
use crate::engine::fault::Fault;
use crate::executor::Executor;
use crate::link::{self, LinkConfig};

impl AppState {
    /// The configuration as a link carries it.
    pub fn link_config(&self) -> LinkConfig {
        LinkConfig {
            lesson: self.lesson.clone(),
            step: self.step.clone(),
            workload: self.workload,
            values: self.values.clone(),
            executors: self.executors.clone(),
            threads: self.threads_asked,
            fault: self.fault,
            view: self.view,
            lang: self.lang,
            scene: self.scene,
            api: self.api,
            switch_us: self.switch_us,
            interleave: self.interleave.clone(),
            code: self.code().map(str::to_owned),
        }
    }

    /// The URL fragment (without `#`) that opens exactly this configuration.
    pub fn link_fragment(&self) -> String {
        link::encode(&self.link_config())
    }

    /// The most threads a pool run may use: the pool's size, less workers lost to panics.
    pub fn max_threads(&self) -> usize {
        let size = self.pool.threads().unwrap_or(self.threads);
        size.saturating_sub(self.lost_workers).max(1)
    }

    /// Estimated time of a synchronous main-thread run, scaled by this machine's measured speed.
    pub fn main_thread_estimate_ms(&self) -> f64 {
        let raw = (self.workload.estimate_ms)(&self.values);
        raw * self
            .calibration
            .get(self.workload.id)
            .copied()
            .unwrap_or(1.0)
    }

    pub fn decide(&self, executor: Executor, confirmed: bool) -> Decision {
        if self.running.is_some() || self.scene_running {
            return Decision::Busy;
        }
        if executor.needs_pool() && !self.pool.is_ready() {
            return Decision::NoPool;
        }
        if matches!(self.fault, Fault::Panic(_)) && !executor.on_workers() {
            return Decision::PanicOnMainThread;
        }
        let estimate_ms = self.main_thread_estimate_ms();
        if executor.freezes_page() && !confirmed && estimate_ms > CONFIRM_ABOVE_MS {
            return Decision::Confirm { estimate_ms };
        }
        Decision::Start
    }

    /// Threads a run on `executor` uses.
    pub fn threads_for(&self, executor: Executor) -> usize {
        if executor.on_workers() {
            self.threads.clamp(1, self.max_threads())
        } else {
            1
        }
    }

    /// How much faster `executor` was than the synchronous main thread, on the same configuration.
    pub fn speedup(&self, executor: Executor) -> Option<f64> {
        let main = self.results.get(&Executor::Main)?.output.wall_ms;
        let other = self.results.get(&executor)?.output.wall_ms;
        (other > 0.0).then(|| main / other)
    }

    /// Whether every completed run of a deterministic workload gave the same answer.
    pub fn answers_agree(&self) -> Option<bool> {
        if !(self.workload.deterministic)(&self.values) {
            return None;
        }
        let mut values = self
            .results
            .values()
            .filter(|r| r.output.end == crate::engine::RunEnd::Completed)
            .map(|r| r.output.answer.value);
        let first = values.next()?;
        let mut any_other = false;
        for v in values {
            any_other = true;
            if v != first {
                return Some(false);
            }
        }
        any_other.then_some(true)
    }
}
