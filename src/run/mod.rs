//! A run's whole life, from the learner's click to what the page keeps of it, as core logic
//! over an explicit [`Platform`] ("sans-I/O": the core decides, the platform performs).
//!
//! - [`request`]: may this run start now (another run, a bank-scene visit, the pool, a long
//!   freeze to confirm), and if so, exactly what runs: plan, threads, the job's description.
//! - [`life::run`]: `Started`, two painted frames (the "running" state on screen, then the
//!   frame watch), the program's start (the Python API call's moments count from there),
//!   the executor, the frame summary, `Finished` with the record the page keeps.
//! - [`execute::execute`]: each executor — the main thread synchronously, cooperative slices
//!   between event-loop turns, a pool job (clocks aligned first), process workers
//!   ([`processes`]: batches, replies, crashes, cancel by ending workers).
//! - [`queue::next`]: which queued run (Run all, a sweep) starts when the page is free.
//!
//! `web::platform` implements the platform for the browser; `run::tests` drives whole runs of
//! every executor through a native fake.

pub mod execute;
pub mod join;
pub mod life;
pub mod platform;
pub mod processes;
pub mod queue;
pub mod request;

pub use execute::execute;
pub use life::run;
pub use platform::{Batch, Crash, Platform};
pub use request::{request, Ask, RunRequest};

#[cfg(test)]
mod tests;
