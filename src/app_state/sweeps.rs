//! The page state's sweeps: the thread sweep (1 … pool-size threads) and the chunk-size sweep of
//! the tiny-task workload, each a queue of pool runs whose results become the sweep's points.

use super::{AppState, Job, RunRecord};
use crate::engine::RunEnd;
use crate::executor::Executor;
use crate::sweep::{ChunkSweep, Sweep};
use crate::workload;

impl AppState {
    /// Queues a pool run at every thread count (only on a ready, idle pool).
    pub(super) fn start_sweep(&mut self) {
        if self.pool.is_ready() && self.running.is_none() {
            let sweep = Sweep::new(Executor::Pool, self.max_threads());
            self.pending = sweep
                .plan
                .iter()
                .map(|&t| Job {
                    executor: Executor::Pool,
                    threads: Some(t),
                    chunk: None,
                })
                .collect();
            self.sweep = Some(sweep);
        }
    }

    /// Queues a pool run of the tiny-task workload at every chunk size (only when it is the
    /// workload, on a ready, idle pool).
    pub(super) fn start_chunk_sweep(&mut self) {
        if self.pool.is_ready()
            && self.running.is_none()
            && self.workload.id == workload::squares::DEF.id
        {
            let sweep = ChunkSweep::new(self.values.get(&workload::squares::N));
            self.pending = sweep
                .plan
                .iter()
                .map(|&c| Job {
                    executor: Executor::Pool,
                    threads: None,
                    chunk: Some(c),
                })
                .collect();
            self.chunk_sweep = Some(sweep);
        }
    }

    /// The next queued run is starting: a chunk sweep notes which size is in flight.
    pub(super) fn take_pending(&mut self) {
        if !self.pending.is_empty() {
            let job = self.pending.remove(0);
            if let Some(sweep) = &mut self.chunk_sweep {
                sweep.in_flight = job.chunk;
            }
        }
    }

    /// A run ended: it is a point of the chunk sweep in flight, else of the thread sweep. A
    /// cancelled or failed point ends its sweep: its figures would lie.
    pub(super) fn record_sweep_point(&mut self, record: &RunRecord) {
        let completed = record.output.end == RunEnd::Completed;
        // A chunk-size sweep's point belongs to that sweep only.
        let chunk_point = self.chunk_sweep.as_mut().and_then(|s| {
            let chunk = s.in_flight.take()?;
            Some((s, chunk))
        });
        if let Some((sweep, chunk)) = chunk_point {
            if completed {
                sweep.points.push((chunk, record.output.wall_ms));
            } else {
                self.pending.clear();
            }
            return;
        }
        if let Some(sweep) = self.sweep.as_mut() {
            if !sweep.done() && record.executor == sweep.executor {
                if completed {
                    sweep.points.push((record.threads, record.output.wall_ms));
                } else {
                    self.pending.clear();
                }
            }
        }
    }
}
