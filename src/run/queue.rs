//! Queued runs ("Run all", the thread and chunk sweeps): one at a time, whenever the page is
//! free.

use crate::app_state::{AppState, Job};

use super::Ask;

/// The queued run to start now: the first in the queue, if no run is going on and no question
/// (a long freeze to confirm) is open. The page then applies `Action::TakePending` and asks
/// for it ([`super::request`]).
pub fn next(state: &AppState) -> Option<Job> {
    (state.running.is_none() && state.confirm.is_none())
        .then(|| state.pending.first().copied())
        .flatten()
}

impl From<Job> for Ask {
    fn from(job: Job) -> Self {
        Ask {
            executor: job.executor,
            confirmed: false,
            threads: job.threads,
            chunk: job.chunk,
        }
    }
}
