//! Native helpers for tests: run a plan on each executor with the system clock.

use super::clock::SystemClock;
use super::main_thread::{run_blocking, Order};
use super::{Clock, Plan, Recorder, RunOutput};

/// All tasks one after another on this thread (the synchronous main-thread executor).
pub fn run_sequential(plan: Plan) -> RunOutput {
    let recorder = Recorder::new(plan.tasks.len(), true);
    run_blocking(plan, Order::Sequential, &SystemClock, &recorder)
}

/// All tasks taking turns on this thread (the cooperative executor, with spinning waits).
pub fn run_interleaved(plan: Plan) -> RunOutput {
    let recorder = Recorder::new(plan.tasks.len(), true);
    run_blocking(plan, Order::Interleaved, &SystemClock, &recorder)
}

/// All tasks taking turns on this thread on a [`FakeClock`](super::clock::FakeClock): computing
/// takes no time and every wait ends exactly on time, so timings in the answer are exact.
pub fn run_interleaved_on_fake_clock(plan: Plan) -> RunOutput {
    use super::main_thread::{MainScheduler, Next};
    let clock = super::clock::FakeClock::default();
    let recorder = Recorder::new(plan.tasks.len(), true);
    let mut scheduler = MainScheduler::new(plan.tasks, Order::Interleaved, &recorder, 0.0);
    loop {
        match scheduler.run_slice(&clock, 5.0) {
            Next::Yield => {}
            Next::SleepUntil(t) => clock.advance_ms(t - clock.now_ms()),
            Next::Finished => break,
        }
    }
    scheduler.finish_run(plan.finish, clock.now_ms())
}

/// On `lanes` threads of rayon's global pool.
pub fn run_pool(plan: Plan, lanes: usize) -> RunOutput {
    let recorder = std::sync::Arc::new(Recorder::new(plan.tasks.len(), true));
    super::pool::run_blocking(plan, lanes, SystemClock, recorder, None)
}

/// On `lanes` threads of rayon's global pool, under a simulated GIL.
pub fn run_gil(plan: Plan, lanes: usize) -> RunOutput {
    let recorder = std::sync::Arc::new(Recorder::new(plan.tasks.len(), true));
    let gil = Some(super::gil::Gil::default());
    super::pool::run_blocking(plan, lanes, SystemClock, recorder, gil)
}

/// The system clock as a worker with a wrong time origin sees it: each pool thread's reading
/// is off by its own fixed amount (`offsets_ms[thread index]`, cycled), the caller's by none.
#[derive(Debug, Clone)]
pub struct SkewedClock {
    pub offsets_ms: std::sync::Arc<[f64]>,
}

impl Clock for SkewedClock {
    fn now_ms(&self) -> f64 {
        let skew = rayon::current_thread_index()
            .map_or(0.0, |i| self.offsets_ms[i % self.offsets_ms.len()]);
        SystemClock.now_ms() + skew
    }
}

/// A clock that counts its reads (in the browser each read is a call out to JavaScript, dearer
/// than a tiny task); it reads the system clock. Clones share the count.
#[derive(Debug, Clone, Default)]
pub struct CountingClock {
    pub reads: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl CountingClock {
    pub fn reads(&self) -> usize {
        self.reads.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Clock for CountingClock {
    fn now_ms(&self) -> f64 {
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        SystemClock.now_ms()
    }
}

/// On `lanes` threads under a GIL with the given switch interval, each thread's clock skewed.
pub fn run_gil_skewed(plan: Plan, lanes: usize, switch_ms: f64, clock: SkewedClock) -> RunOutput {
    let recorder = std::sync::Arc::new(Recorder::new(plan.tasks.len(), true));
    let gil = Some(super::gil::Gil::new(switch_ms));
    super::pool::run_blocking(plan, lanes, clock, recorder, gil)
}

/// A span from its parts (hand-made runs in tests).
pub fn span(
    lane: super::Lane,
    task: u32,
    kind: super::SpanKind,
    start_ms: f64,
    end_ms: f64,
) -> super::Span {
    super::Span {
        lane,
        task,
        kind,
        start_ms,
        end_ms,
    }
}
