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
}

impl Executor {
    pub const ALL: [Executor; 4] = [
        Executor::Main,
        Executor::Async,
        Executor::Pool,
        Executor::Gil,
    ];

    /// Stable machine name (links, tests, CSS).
    pub fn tag(self) -> &'static str {
        match self {
            Executor::Main => "main",
            Executor::Async => "async",
            Executor::Pool => "pool",
            Executor::Gil => "gil",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.tag() == tag)
    }

    /// Whether the executor needs the worker pool (and so cross-origin isolation).
    pub fn needs_pool(self) -> bool {
        matches!(self, Executor::Pool | Executor::Gil)
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
