//! The ways a run can execute, as the learner picks them.

/// Where and how a run's tasks execute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Executor {
    /// All tasks one after another, synchronously on the main thread: the page freezes.
    Main,
    /// Tasks as cooperative async tasks on the main thread, yielding every few ms: concurrent,
    /// not parallel; the page stays responsive.
    Async,
    /// The wasm-bindgen-rayon worker pool over shared memory: parallel.
    Pool,
    /// The same pool under a simulated global lock (Python's threads with the GIL): only the
    /// lock holder computes; IO waits still overlap.
    Gil,
    /// Workers with their own memory (their own wasm instance), like `multiprocessing`:
    /// arguments and results are copied by message. Created once and reused.
    Process,
    /// The same, but a fresh worker (and wasm instance) for every batch, to show what starting
    /// a process costs.
    ProcessFresh,
}

impl Executor {
    pub const ALL: [Executor; 6] = [
        Executor::Main,
        Executor::Async,
        Executor::Pool,
        Executor::Gil,
        Executor::Process,
        Executor::ProcessFresh,
    ];

    /// Stable machine name (links, tests, CSS).
    pub fn tag(self) -> &'static str {
        match self {
            Executor::Main => "main",
            Executor::Async => "async",
            Executor::Pool => "pool",
            Executor::Gil => "gil",
            Executor::Process => "procs",
            Executor::ProcessFresh => "procs-fresh",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.tag() == tag)
    }

    /// Whether the executor needs the worker pool (and so cross-origin isolation).
    pub fn needs_pool(self) -> bool {
        matches!(self, Executor::Pool | Executor::Gil)
    }

    /// Whether the executor runs on workers, so a run uses the chosen thread count and a
    /// panicking task is contained (the pool's lanes, or a process worker that dies alone).
    pub fn on_workers(self) -> bool {
        self.needs_pool() || self.is_process()
    }

    /// Whether the executor's workers have their own memory (process-like).
    pub fn is_process(self) -> bool {
        matches!(self, Executor::Process | Executor::ProcessFresh)
    }

    /// Whether the executor blocks the page until the run ends.
    pub fn freezes_page(self) -> bool {
        self == Executor::Main
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for e in Executor::ALL {
            assert_eq!(Executor::from_tag(e.tag()), Some(e));
        }
        assert_eq!(Executor::from_tag("gpu"), None);
    }
}
