//! The page state's Python-API part: the API call the demo shows, and the chunk-size sweep
//! (squares at chunk sizes 1, 10, 100, … through the ordinary run queue).

use super::{AppState, Job, RunRecord};
use crate::chunk_sweep::ChunkSweep;
use crate::engine::RunEnd;
use crate::executor::Executor;
use crate::pyapi::ApiCall;
use crate::workload::squares;

/// What can happen to the Python-API part of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiAction {
    /// Show (and, for calls that act on the run, apply) this call on the next runs.
    Set(ApiCall),
    /// Run the squares workload at every chunk size of a sweep on `executor`.
    StartChunkSweep(Executor),
}

impl AppState {
    pub(super) fn apply_api(&mut self, action: ApiAction) {
        match action {
            ApiAction::Set(call) => {
                if call != self.api {
                    self.api = call;
                    // Runs made under another call were shaped by it (held, cancelled, …).
                    self.results.clear();
                }
            }
            ApiAction::StartChunkSweep(executor) => {
                if self.running.is_some() || (executor.needs_pool() && !self.pool.is_ready()) {
                    return;
                }
                if self.workload != &squares::DEF {
                    self.workload = &squares::DEF;
                    self.values = Default::default();
                    self.inputs.clear();
                }
                let sweep = ChunkSweep::new(executor, self.values.get(&squares::N));
                self.results.clear();
                self.start_chunk(&sweep);
                self.chunk_sweep = Some(sweep);
            }
        }
    }

    /// Queues the sweep's next run, at its next chunk size.
    fn start_chunk(&mut self, sweep: &ChunkSweep) {
        if let Some(size) = sweep.next_size() {
            self.values.set(&squares::CHUNK, size);
            self.inputs.remove(squares::CHUNK.name);
            self.pending.push(Job {
                executor: sweep.executor,
                threads: None,
            });
        }
    }

    /// A run ended: if it was the chunk sweep's, record it and queue the next size.
    pub(super) fn chunk_sweep_finished(&mut self, record: &RunRecord) {
        let Some(mut sweep) = self.chunk_sweep.take() else {
            return;
        };
        if !sweep.done()
            && record.executor == sweep.executor
            && self.workload == &squares::DEF
            && self.values.get(&squares::CHUNK) == sweep.next_size().unwrap_or(0)
        {
            sweep.record(
                record.output.end == RunEnd::Completed,
                record.output.wall_ms,
            );
            self.start_chunk(&sweep);
        }
        self.chunk_sweep = Some(sweep);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, AppState, RunRecord};
    use super::*;
    use crate::engine::{RunEnd, RunOutput};
    use crate::pool_state::PoolState;
    use std::rc::Rc;

    fn finished(executor: Executor, end: RunEnd, wall_ms: f64) -> Action {
        Action::Finished(RunRecord {
            executor,
            threads: 2,
            output: Rc::new(RunOutput {
                answer: Default::default(),
                end,
                wall_ms,
                spans: vec![],
                completion_order: vec![],
                outcomes: vec![],
            }),
            frames: None,
        })
    }

    fn ready() -> AppState {
        AppState::default().apply(Action::Pool(PoolState::Ready { threads: 2 }))
    }

    #[test]
    fn choosing_a_call_clears_results_and_goes_into_the_link() {
        let call = ApiCall::Event { set_ms: 250 };
        let s = ready()
            .apply(finished(Executor::Pool, RunEnd::Completed, 5.0))
            .apply(Action::Api(ApiAction::Set(call)));
        assert_eq!(s.api, call);
        assert!(s.results.is_empty());
        assert!(s.link_fragment().ends_with("&api=event:250"));
        let reopened =
            AppState::default().apply(Action::OpenLink(crate::link::decode(&s.link_fragment())));
        assert_eq!(reopened.api, call);
    }

    #[test]
    fn a_chunk_sweep_queues_one_run_per_size_and_records_each() {
        let mut s = ready().apply(Action::Api(ApiAction::StartChunkSweep(Executor::Pool)));
        assert_eq!(s.workload.id, "squares");
        let sizes = s.chunk_sweep.as_ref().unwrap().sizes.clone();
        assert_eq!(sizes, vec![1, 10, 100, 1_000, 10_000, 100_000]);
        for (i, &size) in sizes.iter().enumerate() {
            assert_eq!(s.values.get(&squares::CHUNK), size);
            assert_eq!(s.pending.len(), 1);
            s = s.apply(Action::TakePending).apply(finished(
                Executor::Pool,
                RunEnd::Completed,
                100.0 / (i + 1) as f64,
            ));
        }
        let sweep = s.chunk_sweep.as_ref().unwrap();
        assert!(sweep.done());
        assert_eq!(sweep.points.len(), 6);
        assert!(s.pending.is_empty());
        assert_eq!(sweep.best().unwrap().chunk, 100_000);
    }

    #[test]
    fn a_cancelled_run_stops_the_chunk_sweep_and_no_pool_means_no_sweep() {
        let s = ready()
            .apply(Action::Api(ApiAction::StartChunkSweep(Executor::Pool)))
            .apply(Action::TakePending)
            .apply(finished(Executor::Pool, RunEnd::Cancelled, 1.0));
        assert!(s.chunk_sweep.as_ref().unwrap().stopped);
        assert!(s.pending.is_empty());
        let s = AppState::default().apply(Action::Api(ApiAction::StartChunkSweep(Executor::Pool)));
        assert!(s.chunk_sweep.is_none());
    }
}
