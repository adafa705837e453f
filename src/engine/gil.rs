//! A simulated global interpreter lock for the pool: a lane must hold it to run workload steps.
//!
//! Modelled on CPython's GIL since 3.2: the holder keeps the lock until another thread asks
//! for it and the switch interval (5 ms by default, `sys.getswitchinterval()`) has passed, or
//! until it waits on IO; hand-over is fair — tickets are served first come, first served, so a
//! thread that gives the lock up queues behind the threads already waiting.
//!
//! Lanes are pool workers, where blocking is allowed; the main thread never touches this lock.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// CPython's default switch interval.
pub const SWITCH_INTERVAL_MS: f64 = 5.0;

#[derive(Debug, Default)]
struct Tickets {
    next: u64,
    serving: u64,
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

    /// Blocks until this thread's turn comes.
    pub fn acquire(&self) {
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
    }

    /// Hands the lock to the next ticket. Only the holder may call this.
    pub fn release(&self) {
        let mut t = super::lock(&self.tickets);
        t.serving += 1;
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
                        gil.release();
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
                g.acquire();
                o.lock().unwrap().push(id);
                g.release();
            }));
            // Let this thread take its ticket before the next one starts.
            while gil.waiters.load(Ordering::SeqCst) < id + 1 {
                std::thread::yield_now();
            }
        }
        assert!(gil.should_switch(SWITCH_INTERVAL_MS));
        assert!(!gil.should_switch(SWITCH_INTERVAL_MS / 2.0));
        gil.release();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 1, 2]);
        assert!(!gil.should_switch(1e9), "nobody waits any more");
    }
}
