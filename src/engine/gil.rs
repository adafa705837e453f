//! A simulated global interpreter lock for the pool: a lane must hold it to run workload steps.
//!
//! Modelled on CPython's GIL since 3.2: the holder keeps the lock until another thread asks
//! for it and the switch interval (5 ms by default, `sys.getswitchinterval()`) has passed, or
//! until it waits on IO; hand-over is fair — tickets are served first come, first served, so a
//! thread that gives the lock up queues behind the threads already waiting.
//!
//! Lanes are pool workers, where blocking is allowed; the main thread never touches this lock.
//!
//! **The release time travels with the lock.** Each lane stamps its spans with its own
//! worker's clock, and two workers' clocks never agree exactly (see `engine::clock_sync`): a
//! hand-over stamped by both could look like two threads holding the lock at once. So the
//! holder releases *at* a time of its own clock, the next holder receives that time with the
//! lock, and starts its holding span no earlier ([`Gil::acquire`]). Holding spans then follow
//! each other on the timeline in the order the lock really passed, whatever the clocks say.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// CPython's default switch interval.
pub const SWITCH_INTERVAL_MS: f64 = 5.0;

#[derive(Debug, Default)]
struct Tickets {
    next: u64,
    serving: u64,
    /// When the last holder let go, on its clock (ms; 0 before the first release).
    released_at_ms: f64,
}

/// A fair (FIFO) lock with a switch interval.
#[derive(Debug)]
pub struct Gil {
    tickets: Mutex<Tickets>,
    turn: Condvar,
    /// Threads waiting for the lock: read without locking on every step of the holder.
    waiters: AtomicUsize,
    pub switch_interval_ms: f64,
}

impl Default for Gil {
    fn default() -> Self {
        Self::new(SWITCH_INTERVAL_MS)
    }
}

impl Gil {
    pub fn new(switch_interval_ms: f64) -> Self {
        Self {
            tickets: Mutex::new(Tickets::default()),
            turn: Condvar::new(),
            waiters: AtomicUsize::new(0),
            switch_interval_ms,
        }
    }

    /// Blocks until this thread's turn comes; returns when the previous holder released the
    /// lock, on that holder's clock. The new holder's span must not start before it.
    pub fn acquire(&self) -> f64 {
        let mut t = super::lock(&self.tickets);
        let ticket = t.next;
        t.next += 1;
        if t.serving != ticket {
            self.waiters.fetch_add(1, Ordering::SeqCst);
            while t.serving != ticket {
                t = self.turn.wait(t).unwrap_or_else(|e| e.into_inner());
            }
            self.waiters.fetch_sub(1, Ordering::SeqCst);
        }
        t.released_at_ms
    }

    /// Hands the lock to the next ticket, stamped with the moment the holder let go (its
    /// holding span's end). Only the holder may call this.
    pub fn release(&self, at_ms: f64) {
        let mut t = super::lock(&self.tickets);
        t.serving += 1;
        t.released_at_ms = t.released_at_ms.max(at_ms);
        drop(t);
        self.turn.notify_all();
    }

    /// Whether the holder should give the lock up now: someone is waiting and it has held it
    /// for at least the switch interval.
    pub fn should_switch(&self, held_ms: f64) -> bool {
        held_ms >= self.switch_interval_ms && self.waiters.load(Ordering::SeqCst) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn only_one_holder_at_a_time() {
        let gil = Arc::new(Gil::default());
        let inside = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (gil, inside) = (gil.clone(), inside.clone());
                std::thread::spawn(move || {
                    for _ in 0..500 {
                        gil.acquire();
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders");
                        std::hint::black_box((0..100).sum::<u64>());
                        inside.fetch_sub(1, Ordering::SeqCst);
                        gil.release(0.0);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }

    #[test]
    fn hand_over_is_first_come_first_served() {
        let gil = Arc::new(Gil::default());
        let order = Arc::new(Mutex::new(Vec::new()));
        gil.acquire();
        let mut handles = Vec::new();
        for id in 0..3 {
            let (g, o) = (gil.clone(), order.clone());
            handles.push(std::thread::spawn(move || {
                let released = g.acquire();
                o.lock().unwrap().push((id, released));
                g.release(10.0 + id as f64);
            }));
            // Let this thread take its ticket before the next one starts.
            while gil.waiters.load(Ordering::SeqCst) < id + 1 {
                std::thread::yield_now();
            }
        }
        assert!(gil.should_switch(SWITCH_INTERVAL_MS));
        assert!(!gil.should_switch(SWITCH_INTERVAL_MS / 2.0));
        gil.release(10.0 - 1.0);
        for h in handles {
            h.join().unwrap();
        }
        // Each holder learns when the one before it let go.
        assert_eq!(*order.lock().unwrap(), vec![(0, 9.0), (1, 10.0), (2, 11.0)]);
        assert!(!gil.should_switch(1e9), "nobody waits any more");
    }

    #[test]
    fn the_release_time_never_goes_back() {
        // A holder whose clock is behind cannot stamp the hand-over before an earlier one.
        let gil = Gil::default();
        gil.acquire();
        gil.release(50.0);
        assert_eq!(gil.acquire(), 50.0);
        gil.release(42.0);
        assert_eq!(gil.acquire(), 50.0);
    }
}
