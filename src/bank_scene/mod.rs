//! The bank scene of lessons 03 and 04: one customer waits for one teller, in one of the four
//! ways to wait (sync or async × blocking or non-blocking).
//!
//! The browser really runs the wait on its main thread's event loop (`web::bank_run`): the
//! teller is a timer, polling a timed loop, the call a callback, the customer's side jobs real
//! computations. This module holds what is pure about it: the modes, the customer's rule for
//! what to do next ([`log::RunLog::next`]), the log of what happened, and what the scene shows
//! at any moment of a recorded run ([`view`]). The tests drive the same rule with a fake clock.

pub mod log;
pub mod view;

#[cfg(test)]
mod tests;

pub use log::{Job, Next, Poll, RunLog};

/// The four ways to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Mode {
    /// Stand in line and do nothing else: the main thread spins until served (the page freezes).
    #[default]
    SyncBlocking,
    /// Stand in line and glance at the counter now and then: polling on a timer.
    SyncPolling,
    /// Take a ticket, then wait for the call doing nothing else.
    AsyncBlocking,
    /// Take a ticket, do other jobs, get called back.
    AsyncCallback,
}

impl Mode {
    pub const ALL: [Mode; 4] = [
        Mode::SyncBlocking,
        Mode::SyncPolling,
        Mode::AsyncBlocking,
        Mode::AsyncCallback,
    ];

    /// Stable machine name (links, element ids, CSS).
    pub fn tag(self) -> &'static str {
        match self {
            Mode::SyncBlocking => "sync-blocking",
            Mode::SyncPolling => "sync-polling",
            Mode::AsyncBlocking => "async-blocking",
            Mode::AsyncCallback => "async-callback",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.tag() == tag)
    }

    /// Synchronous: the customer stands in line and fetches the result themselves.
    pub fn is_sync(self) -> bool {
        matches!(self, Mode::SyncBlocking | Mode::SyncPolling)
    }

    /// Blocking: the customer gets nothing else done while waiting.
    pub fn is_blocking(self) -> bool {
        matches!(self, Mode::SyncBlocking | Mode::AsyncBlocking)
    }
}

/// The sizes of a visit to the bank.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// How long the teller takes. Short: the synchronous blocking mode freezes the page for it.
    pub service_ms: f64,
    /// How often the polling customer glances at the counter.
    pub poll_every_ms: f64,
    /// Numbers a side job checks for primes: one job is a few milliseconds of real work.
    pub job_numbers: u64,
}

/// The visit the page runs: a 1.2 s service (a freeze the page announces), a glance every
/// 280 ms (not a divisor of the service, so the result waits for the fifth glance), side jobs
/// of 30,000 numbers each.
pub const PLAN: Plan = Plan {
    service_ms: 1_200.0,
    poll_every_ms: 280.0,
    job_numbers: 30_000,
};

/// The lessons that show the scene.
pub const LESSONS: [&str; 2] = ["03-sync-vs-async", "04-blocking-vs-non-blocking"];

/// The mode the page shows the scene in, if it shows it: the mode a link or the learner chose,
/// else the first mode in the scene's lessons.
pub fn shown(lesson: Option<&str>, chosen: Option<Mode>) -> Option<Mode> {
    chosen.or_else(|| {
        lesson
            .filter(|l| LESSONS.contains(l))
            .map(|_| Mode::default())
    })
}

/// One side job: counts the primes in the `k`-th block of `numbers` numbers above a million, a
/// real computation whose answer the scene reports.
pub fn side_job(k: u64, numbers: u64) -> u64 {
    let lo = 1_000_000 + k.min(10_000) * numbers;
    crate::workload::primes::count_in_range(lo, lo + numbers)
}
