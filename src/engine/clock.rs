//! The clock executors read. In the browser it is `performance.timeOrigin + performance.now()`
//! (aligned across workers); natively, `std::time` (tests and the native benchmark).

/// Milliseconds on a time line shared by every thread of a run.
pub trait Clock: Sync {
    fn now_ms(&self) -> f64;
}

/// The native clock: milliseconds since the Unix epoch, like the browser's aligned clock.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

#[cfg(not(target_arch = "wasm32"))]
impl Clock for SystemClock {
    fn now_ms(&self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1e3)
            .unwrap_or(0.0)
    }
}

/// A clock that advances only when told: deterministic scheduling tests.
#[derive(Debug, Default)]
pub struct FakeClock {
    micros: std::sync::atomic::AtomicU64,
}

impl FakeClock {
    /// Moves time forward by at least `ms` (rounded up to whole microseconds, so that advancing
    /// to a deadline computed in floating point always reaches it).
    pub fn advance_ms(&self, ms: f64) {
        let micros = (ms * 1e3).ceil().max(0.0) as u64;
        self.micros
            .fetch_add(micros, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now_ms(&self) -> f64 {
        self.micros.load(std::sync::atomic::Ordering::SeqCst) as f64 / 1e3
    }
}
