//! The worker pool's lifecycle as the page shows it, and the rules that pick its size.

/// The most threads the pool will start, whatever the browser reports: each worker costs a
/// stack in the shared memory, and more than this only adds contention on any real machine.
pub const MAX_THREADS: usize = 32;

/// Threads to use when the browser does not report `navigator.hardwareConcurrency`.
pub const FALLBACK_THREADS: usize = 2;

/// Where the pool is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolState {
    /// Workers are being spawned and are loading the module.
    Starting { threads: usize },
    /// Every worker is up; pool runs can start.
    Ready { threads: usize },
    /// The page is not cross-origin isolated, so it cannot share memory with workers.
    NotIsolated,
    /// Starting the pool failed for another reason (the browser's message is kept).
    Failed { reason: String },
}

impl PoolState {
    pub fn is_ready(&self) -> bool {
        matches!(self, PoolState::Ready { .. })
    }

    /// The pool's size, once it is known.
    pub fn threads(&self) -> Option<usize> {
        match self {
            PoolState::Starting { threads } | PoolState::Ready { threads } => Some(*threads),
            PoolState::NotIsolated | PoolState::Failed { .. } => None,
        }
    }

    /// A stable name for the state, used as a `data-state` attribute by tests and CSS.
    pub fn tag(&self) -> &'static str {
        match self {
            PoolState::Starting { .. } => "starting",
            PoolState::Ready { .. } => "ready",
            PoolState::NotIsolated => "not-isolated",
            PoolState::Failed { .. } => "failed",
        }
    }
}

/// The pool's size: twice the logical processors, so a run can oversubscribe the CPU (a lesson
/// in itself) without rebuilding the pool, which rayon's global pool cannot do.
pub fn pool_size(hardware_concurrency: Option<f64>) -> usize {
    (2 * default_threads(hardware_concurrency)).min(MAX_THREADS)
}

/// Threads a pool run uses by default, from `navigator.hardwareConcurrency` (which may be missing, zero or absurd).
pub fn default_threads(hardware_concurrency: Option<f64>) -> usize {
    match hardware_concurrency {
        Some(n) if n.is_finite() && n >= 1.0 => (n as usize).min(MAX_THREADS),
        _ => FALLBACK_THREADS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_threads_follows_the_browser_within_bounds() {
        assert_eq!(default_threads(Some(2.0)), 2);
        assert_eq!(default_threads(Some(8.0)), 8);
        assert_eq!(default_threads(Some(1.0)), 1);
        assert_eq!(default_threads(Some(4096.0)), MAX_THREADS);
    }

    #[test]
    fn the_pool_has_room_to_oversubscribe() {
        assert_eq!(pool_size(Some(2.0)), 4);
        assert_eq!(pool_size(Some(8.0)), 16);
        assert_eq!(pool_size(Some(64.0)), MAX_THREADS);
        assert_eq!(pool_size(None), 2 * FALLBACK_THREADS);
    }

    #[test]
    fn default_threads_survives_missing_or_odd_values() {
        for v in [
            None,
            Some(0.0),
            Some(-3.0),
            Some(f64::NAN),
            Some(f64::INFINITY),
        ] {
            assert_eq!(default_threads(v), FALLBACK_THREADS, "{v:?}");
        }
    }

    #[test]
    fn only_ready_pools_run() {
        assert!(PoolState::Ready { threads: 2 }.is_ready());
        assert!(!PoolState::Starting { threads: 2 }.is_ready());
        assert!(!PoolState::NotIsolated.is_ready());
        assert_eq!(PoolState::NotIsolated.threads(), None);
        assert_eq!(PoolState::Starting { threads: 3 }.threads(), Some(3));
    }
}
