//! What a run says, in numbers: where each thread's time went, utilisation, load balance,
//! parallel efficiency, how many threads computed at once, and the largest loss — "why not
//! N×?". Pure arithmetic over a run's spans (`../shared/SEE-INSIDE.md` gives the formulas);
//! `i18n::insights` puts it in words and the page draws it.
//!
//! A thread's time over the run's wall time is split exclusively, busiest state first: busy
//! (computing, with or without a lock held) > copying > waiting (for the GIL, a lock or the
//! queue) > waiting on IO > idle. So a cooperative main thread that computes one task while
//! another's IO wait runs counts that time as busy: the thread was working.

pub mod gil;
pub mod strip;

use std::collections::BTreeMap;

use crate::engine::breakdown::LaneCover;
use crate::engine::{Lane, Span};
use crate::executor::Executor;

pub use strip::{concurrency_strip, Level};

/// Where one thread's time went (ms, adding up to the run's wall time).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ThreadTime {
    pub lane: Option<Lane>,
    pub busy_ms: f64,
    pub copying_ms: f64,
    pub waiting_ms: f64,
    pub io_ms: f64,
    /// Waiting for this lane's worker to start (a new process).
    pub starting_ms: f64,
    /// Not covered by any span: before its first, between spans, after its last.
    pub idle_ms: f64,
    /// The part of `idle_ms` after this thread's last span (its tasks ran out).
    pub tail_ms: f64,
}

/// Quality bands for a fraction (VTune's for utilisation, used for the others too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// ≤ 50%.
    Poor,
    Fair,
    /// ≥ 86%.
    Good,
}

impl Band {
    pub fn of(fraction: f64) -> Band {
        if fraction <= 0.5 {
            Band::Poor
        } else if fraction >= 0.86 {
            Band::Good
        } else {
            Band::Fair
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Band::Poor => "poor",
            Band::Fair => "fair",
            Band::Good => "good",
        }
    }
}

/// What a waiting span waited for, from where the run ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    Gil,
    /// The bank's lock, the queue's room or items.
    LockOrQueue,
}

/// The largest share of thread time that was not computing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Loss {
    /// Waiting for the GIL, a lock or the queue.
    Waiting { reason: WaitReason, ms: f64 },
    /// Waiting on IO (the thread was free).
    Io { ms: f64 },
    /// Copying data to or from workers with memory of their own.
    Copying { ms: f64 },
    /// Waiting for new workers (processes) to start.
    Starting { ms: f64 },
    /// One thread had nothing left to do for the run's last `ms`.
    IdleTail { lane: Lane, ms: f64 },
    /// Time between spans: handing out tasks, recording, starting lanes — `per_task_us` of
    /// each task.
    Overhead { ms: f64, per_task_us: f64 },
    /// The same work took `ms` more computing here, all threads together, than on one thread
    /// (`busy_ms` against `one_thread_ms`): threads sharing cores with other work, or each
    /// running slower when all run.
    SlowerWork {
        ms: f64,
        busy_ms: f64,
        one_thread_ms: f64,
    },
}

impl Loss {
    pub fn ms(&self) -> f64 {
        match *self {
            Loss::Waiting { ms, .. }
            | Loss::Io { ms }
            | Loss::Copying { ms }
            | Loss::Starting { ms }
            | Loss::IdleTail { ms, .. }
            | Loss::Overhead { ms, .. }
            | Loss::SlowerWork { ms, .. } => ms,
        }
    }
}

/// A run's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub wall_ms: f64,
    /// Threads that ran tasks (lanes with spans).
    pub threads: usize,
    pub per_thread: Vec<ThreadTime>,
    /// Σ busy ÷ (threads × wall).
    pub utilisation: f64,
    /// mean(busy) ÷ max(busy).
    pub load_balance: f64,
    /// Speedup over the one-thread run ÷ threads, when that run is known.
    pub efficiency: Option<f64>,
    /// The speedup it came from.
    pub speedup: Option<f64>,
    /// Share of the wall time spent with 0, 1, 2, … threads computing.
    pub levels: Vec<Level>,
    /// The most threads computing at once.
    pub most_at_once: usize,
    /// The largest loss, if any thread time was not busy.
    pub largest_loss: Option<Loss>,
    /// Σ of all threads' time (threads × wall), the whole the shares are of.
    pub thread_ms: f64,
}

/// The figures of a run of `tasks` tasks on `executor` from its spans and wall time;
/// `one_thread_ms` is the same work's time on one thread (the main-thread run), if known.
pub fn insights(
    executor: Executor,
    spans: &[Span],
    wall_ms: f64,
    tasks: usize,
    one_thread_ms: Option<f64>,
) -> Insights {
    let wall_ms = if wall_ms.is_finite() {
        wall_ms.max(0.0)
    } else {
        0.0
    };
    let valid: Vec<&Span> = spans
        .iter()
        .filter(|s| s.start_ms.is_finite() && s.end_ms.is_finite() && s.end_ms > s.start_ms)
        .collect();
    let t0 = valid
        .iter()
        .map(|s| s.start_ms)
        .fold(f64::INFINITY, f64::min);
    let t0 = if t0.is_finite() { t0 } else { 0.0 };
    let t1 = t0 + wall_ms;
    let mut lanes: BTreeMap<Lane, Vec<&Span>> = BTreeMap::new();
    for s in &valid {
        lanes.entry(s.lane).or_default().push(s);
    }
    let per_thread: Vec<ThreadTime> = lanes
        .iter()
        .map(|(&lane, list)| thread_time(lane, list, t0, t1))
        .collect();
    let threads = per_thread.len().max(1);
    let thread_ms = threads as f64 * wall_ms;
    let busy: Vec<f64> = per_thread.iter().map(|t| t.busy_ms).collect();
    let total_busy: f64 = busy.iter().sum();
    let max_busy = busy.iter().copied().fold(0.0, f64::max);
    let utilisation = ratio(total_busy, thread_ms);
    let load_balance = if max_busy > 0.0 {
        (total_busy / busy.len().max(1) as f64) / max_busy
    } else {
        0.0
    };
    let speedup = one_thread_ms
        .filter(|&m| m > 0.0 && wall_ms > 0.0)
        .map(|m| m / wall_ms);
    let efficiency = speedup.map(|s| s / threads as f64);
    let levels = concurrency_strip(&valid, t0, t1);
    let most_at_once = levels
        .iter()
        .filter(|l| l.ms > 0.0)
        .map(|l| l.computing)
        .max()
        .unwrap_or(0);
    Insights {
        wall_ms,
        threads,
        largest_loss: largest_loss(executor, &per_thread, tasks, one_thread_ms),
        per_thread,
        utilisation,
        load_balance,
        efficiency,
        speedup,
        levels,
        most_at_once,
        thread_ms,
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        (a / b).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn thread_time(lane: Lane, spans: &[&Span], t0: f64, t1: f64) -> ThreadTime {
    let cover = LaneCover::of(spans, t0, t1);
    let last_end = spans.iter().map(|s| s.end_ms.min(t1)).fold(t0, f64::max);
    ThreadTime {
        lane: Some(lane),
        busy_ms: cover.running_ms,
        copying_ms: cover.copying_ms,
        waiting_ms: cover.waiting_ms,
        io_ms: cover.io_ms,
        starting_ms: cover.starting_ms,
        idle_ms: cover.idle_ms,
        tail_ms: (t1 - last_end).max(0.0),
    }
}

/// The loss with the most thread time; idle time splits into the longest tail (one thread
/// out of work) and the rest (overhead between and before spans).
fn largest_loss(
    executor: Executor,
    threads: &[ThreadTime],
    tasks: usize,
    one_thread_ms: Option<f64>,
) -> Option<Loss> {
    let sum = |f: fn(&ThreadTime) -> f64| threads.iter().map(f).sum::<f64>();
    let reason = if executor == Executor::Gil {
        WaitReason::Gil
    } else {
        WaitReason::LockOrQueue
    };
    let idle = sum(|t| t.idle_ms);
    let tail = threads
        .iter()
        .max_by(|a, b| a.tail_ms.total_cmp(&b.tail_ms))
        .filter(|t| t.tail_ms > 0.0);
    let tail_ms = tail.map_or(0.0, |t| t.tail_ms);
    let overhead = (idle - tail_ms).max(0.0);
    let mut candidates = vec![
        Loss::Waiting {
            reason,
            ms: sum(|t| t.waiting_ms),
        },
        Loss::Io {
            ms: sum(|t| t.io_ms),
        },
        Loss::Copying {
            ms: sum(|t| t.copying_ms),
        },
        Loss::Starting {
            ms: sum(|t| t.starting_ms),
        },
        Loss::Overhead {
            ms: overhead,
            per_task_us: overhead * 1e3 / tasks.max(1) as f64,
        },
    ];
    if let Some(one) = one_thread_ms.filter(|&m| m > 0.0) {
        let busy = sum(|t| t.busy_ms);
        candidates.push(Loss::SlowerWork {
            ms: (busy - one).max(0.0),
            busy_ms: busy,
            one_thread_ms: one,
        });
    }
    if let Some(t) = tail {
        candidates.push(Loss::IdleTail {
            lane: t.lane.unwrap_or(Lane::Main),
            ms: tail_ms,
        });
    }
    candidates
        .into_iter()
        .filter(|l| l.ms() > 0.0)
        .max_by(|a, b| a.ms().total_cmp(&b.ms()))
}

#[cfg(test)]
mod tests;
