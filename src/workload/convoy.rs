//! The convoy effect (CPython issue bpo-7946; David Beazley, 2010): one thread does many short
//! IO operations beside one CPU-bound thread. Each IO releases the GIL; when it completes, the
//! IO thread must get the lock back from the CPU-bound thread, which keeps it until the switch
//! interval has passed — so every quick IO costs about a switch interval. N operations that
//! take N × `io_us` alone take about N × (`io_us` + 5 ms) beside a CPU-bound thread under the
//! GIL. Without the GIL (free threads, or the free-threaded build) the IO thread runs at its
//! own pace; on one cooperative thread the CPU-bound task delays it by its slices instead.
//!
//! Task 0 is the IO thread: a little work, then a wait, `ios` times; it answers how long it
//! took (µs, on its own clock). Task 1 is the CPU-bound thread: it counts until the IO thread
//! is done (a flag the two share), or for at most `cpu_ms` (so it always ends).

use super::opaque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::WorkloadDef;
use crate::engine::{Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// How many IO operations the IO thread does.
pub const IOS: Param = Param {
    name: "ios",
    default: 40,
    min: 1,
    max: 1_000,
};

/// Each IO operation's wait, µs.
pub const IO_US: Param = Param {
    name: "io_us",
    default: 200,
    min: 10,
    max: 10_000,
};

/// The longest the CPU-bound thread computes, ms (it stops as soon as the IO thread is done).
pub const CPU_MS: Param = Param {
    name: "cpu_ms",
    default: 3_000,
    min: 10,
    max: 10_000,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "convoy",
    params: &[IOS, IO_US, CPU_MS],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// Counting per step of the CPU-bound thread: a fraction of a millisecond.
const INCREMENTS_PER_STEP: u64 = 200_000;
/// The IO thread's work around each wait: a few microseconds.
const WORK_PER_IO: u64 = 1_000;

fn spin(from: u64, steps: u64) -> u64 {
    let mut c = from;
    for _ in 0..steps {
        // Real work the optimiser may not fold away (see `counter`).
        c = opaque(c) + 1;
    }
    c
}

/// A little work and one wait, `ios` times; answers its own elapsed time in µs.
struct IoThread {
    ios: u64,
    done: u64,
    wait_ms: f64,
    started: Option<f64>,
    state: u64,
    finished: Arc<AtomicBool>,
}

impl Task for IoThread {
    fn step(&mut self, cx: &StepCx) -> Step {
        let now = cx.clock.now_ms();
        let started = *self.started.get_or_insert(now);
        if self.done >= self.ios {
            self.finished.store(true, Ordering::Release);
            return Step::Done(((now - started) * 1e3).round() as i128);
        }
        self.state = spin(self.state, WORK_PER_IO);
        self.done += 1;
        Step::Wait { ms: self.wait_ms }
    }
}

/// Counts until the IO thread is done, or for at most `limit_ms`.
struct CpuThread {
    count: u64,
    limit_ms: f64,
    started: Option<f64>,
    io_done: Arc<AtomicBool>,
}

impl Task for CpuThread {
    fn step(&mut self, cx: &StepCx) -> Step {
        let now = cx.clock.now_ms();
        let started = *self.started.get_or_insert(now);
        if self.io_done.load(Ordering::Acquire) || now - started >= self.limit_ms {
            return Step::Done(0);
        }
        self.count = spin(self.count, INCREMENTS_PER_STEP);
        Step::Continue
    }
}

/// What one IO operation and the whole IO thread would take alone (ms).
pub fn alone_ms(values: &Values) -> f64 {
    values.get(&IOS) as f64 * values.get(&IO_US) as f64 / 1e3
}

/// The convoy prediction under a GIL with switch interval `switch_ms`: every IO waits about a
/// switch interval to get the lock back.
pub fn predicted_ms(values: &Values, switch_ms: f64) -> f64 {
    values.get(&IOS) as f64 * (values.get(&IO_US) as f64 / 1e3 + switch_ms)
}

fn plan(values: &Values) -> Plan {
    let ios = values.get(&IOS);
    let io_done = Arc::new(AtomicBool::new(false));
    let tasks: Vec<Box<dyn Task>> = vec![
        Box::new(IoThread {
            ios,
            done: 0,
            wait_ms: values.get(&IO_US) as f64 / 1e3,
            started: None,
            state: 1,
            finished: io_done.clone(),
        }),
        Box::new(CpuThread {
            count: 0,
            limit_ms: values.get(&CPU_MS) as f64,
            started: None,
            io_done,
        }),
    ];
    let alone = alone_ms(values);
    Plan {
        tasks,
        finish: Box::new(move |outcomes| {
            let io_us = match outcomes.first() {
                Some(TaskOutcome::Done(us)) => Some(*us),
                _ => None,
            };
            let mut details = vec![("io_alone_ms", format!("{alone:.1}"))];
            if let Some(us) = io_us {
                details.insert(0, ("io_thread_ms", format!("{:.1}", us as f64 / 1e3)));
            }
            // The IO operations done: the same on every executor.
            let value = if io_us.is_some() { ios as i128 } else { 0 };
            Answer {
                details,
                ..Answer::saying(value, Said::new(AnswerText::Convoy, &[&ios]))
            }
        }),
    }
}

/// One after the other on one thread: the IO operations' waits (the CPU-bound thread then
/// finds the IO thread done and stops at once).
fn estimate_ms(values: &Values) -> f64 {
    alone_ms(values) + 1.0
}

/// The IO thread's time (ms) from a run's answer, if it finished.
pub fn io_thread_ms(answer: &Answer) -> Option<f64> {
    answer.figure("io_thread_ms")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::gil::Gil;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::{clock::SystemClock, Recorder, RunEnd};

    fn values() -> Values {
        Values::default()
            .with(&IOS, 20)
            .with(&IO_US, 100)
            .with(&CPU_MS, 2_000)
    }

    #[test]
    fn under_the_gil_the_io_thread_gives_the_lock_up_for_every_io() {
        // How long the convoy makes the IO thread wait is a speed figure: the benchmark
        // prints it beside the prediction (`tests/bench`). Here, what holds on any machine:
        // the run completes, every IO released the lock (an IO span per operation), and the
        // IO thread took at least its waits.
        let v = values();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let recorder = Arc::new(Recorder::new(2, true));
        let out = pool.install(|| {
            crate::engine::pool::run_blocking(
                plan(&v),
                2,
                SystemClock,
                recorder,
                Some(Gil::new(5.0)),
            )
        });
        assert_eq!(out.end, RunEnd::Completed);
        assert_eq!(out.answer.value, 20);
        let ios = out
            .spans
            .iter()
            .filter(|s| s.task == 0 && s.kind == crate::engine::SpanKind::Io)
            .count();
        assert_eq!(ios, 20);
        assert!(io_thread_ms(&out.answer).unwrap() >= alone_ms(&v));
    }

    #[test]
    fn every_executor_completes_and_the_cpu_thread_stops_with_the_io_thread() {
        let v = values();
        let free = run_pool(plan(&v), 2);
        assert_eq!(free.answer.value, 20);
        assert!(io_thread_ms(&free.answer).unwrap() >= alone_ms(&v));
        // One after the other: the IO thread first; the CPU thread then finds it done and
        // stops at its first step instead of counting to its cap.
        let serial = run_sequential(plan(&v));
        assert_eq!(serial.answer.value, 20);
        let cpu_steps = serial.spans.iter().filter(|s| s.task == 1).count();
        assert!(cpu_steps <= 1, "{cpu_steps} spans of the CPU thread");
        // Cooperative: the CPU task yields between slices, so the IO task gets its turns.
        assert_eq!(run_interleaved(plan(&v)).answer.value, 20);
    }

    #[test]
    fn the_prediction_is_ios_times_io_plus_switch() {
        let v = values();
        assert!((alone_ms(&v) - 2.0).abs() < 1e-9);
        assert!((predicted_ms(&v, 5.0) - 102.0).abs() < 1e-9);
    }
}
