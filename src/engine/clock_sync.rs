//! Lining workers' clocks up with the page's: one time line for every thread of a run.
//!
//! Each worker stamps spans with its own clock, `performance.timeOrigin + performance.now()`,
//! and two workers' time origins never agree exactly: a lock handed from one worker to another
//! can look, on the timeline, like both holding it at once. So the page measures each worker's
//! offset the way NTP does, over shared memory: it notes its clock (`sent`), asks the worker
//! for its clock (`remote`), notes its clock again when the answer is in (`received`). If the
//! two legs took equally long, the worker read its clock at the midpoint, so
//! `offset = remote − (sent + received) ÷ 2`, wrong by at most half the round trip. Of several
//! rounds the one with the shortest round trip is kept.
//!
//! Both sides spin on atomics while a round goes on (a round trip then takes microseconds);
//! the page's spin is bounded, so it never freezes for more than a fraction of a millisecond,
//! and a worker waits its turn sleeping, so a 2-core machine is not flooded by spinners.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use super::Clock;

/// One round: the page's clock before asking, the worker's answer, the page's clock after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Probe {
    pub sent_ms: f64,
    pub remote_ms: f64,
    pub received_ms: f64,
}

impl Probe {
    pub fn round_trip_ms(&self) -> f64 {
        self.received_ms - self.sent_ms
    }

    /// The worker's clock minus the page's, if both legs took equally long.
    pub fn offset_ms(&self) -> f64 {
        self.remote_ms - (self.sent_ms + self.received_ms) / 2.0
    }
}

/// A worker's clock relative to the page's: `worker = page + offset_ms`, give or take
/// `uncertainty_ms` (half the best round trip).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Offset {
    pub offset_ms: f64,
    pub uncertainty_ms: f64,
}

/// The offset from the probe with the shortest round trip (the least room for asymmetry).
pub fn estimate(probes: &[Probe]) -> Option<Offset> {
    probes
        .iter()
        .filter(|p| p.round_trip_ms() >= 0.0 && p.remote_ms.is_finite())
        .min_by(|a, b| a.round_trip_ms().total_cmp(&b.round_trip_ms()))
        .map(|p| Offset {
            offset_ms: p.offset_ms(),
            uncertainty_ms: p.round_trip_ms() / 2.0,
        })
}

const IDLE: u32 = 0;
const READY: u32 = 1;
const DONE: u32 = 2;
const ABANDONED: u32 = 3;

/// A correction is applied only from a measurement this certain (half the best round trip);
/// a less certain one (a worker that kept missing its turn on a busy machine) is reported but
/// leaves the worker's clock as it was, until the next check.
pub const ACCEPT_UNCERTAINTY_MS: f64 = 0.05;

/// Rounds the page runs with each worker.
pub const ROUNDS: u32 = 16;
/// The longest the page spins for one answer before it gives the round up.
pub const PAGE_SPIN_MS: f64 = 0.5;
/// A worker gives up when the page has not moved for this long (the page went away).
pub const WORKER_PATIENCE_MS: f64 = 2_000.0;
/// After the page's last message a worker spins this long before it goes back to sleeping
/// between looks (before the first message, it sleeps).
const WORKER_SPIN_MS: f64 = 5.0;
const WORKER_NAP: Duration = Duration::from_micros(100);

/// Where the page and one worker meet in shared memory.
#[derive(Debug, Default)]
pub struct Handshake {
    state: AtomicU32,
    /// The round the page asks for (1, 2, …).
    ping: AtomicU32,
    /// The round the worker answered last.
    pong: AtomicU32,
    /// The worker's clock at its last answer (f64 bits).
    remote: AtomicU64,
    /// The offset the page measured (f64 bits), valid once the state is DONE.
    result: AtomicU64,
}

impl Handshake {
    /// The worker's side: says it is ready, answers every round with its clock, and returns
    /// the offset the page measured — or None if the page gave up on it or went quiet for
    /// [`WORKER_PATIENCE_MS`]. Blocks: call it on a worker, never on the page.
    pub fn answer(&self, clock: &impl Clock) -> Option<f64> {
        if self
            .state
            .compare_exchange(IDLE, READY, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return None; // abandoned before this worker got here
        }
        // Nap until the page's first ping: the page measures one worker at a time, and workers
        // spinning while they wait their turn would take the cores the measured one needs.
        let mut last_move = f64::NEG_INFINITY;
        let arrived = clock.now_ms();
        loop {
            let asked = self.ping.load(Ordering::Acquire);
            if asked != self.pong.load(Ordering::Relaxed) {
                let now = clock.now_ms();
                self.remote.store(now.to_bits(), Ordering::Relaxed);
                self.pong.store(asked, Ordering::Release);
                last_move = now;
                continue;
            }
            match self.state.load(Ordering::Acquire) {
                DONE => return Some(f64::from_bits(self.result.load(Ordering::Acquire))),
                ABANDONED => return None,
                _ => {}
            }
            let now = clock.now_ms();
            let quiet = now - last_move;
            if now - last_move.max(arrived) > WORKER_PATIENCE_MS {
                self.state.store(ABANDONED, Ordering::Release);
                return None;
            }
            if quiet > WORKER_SPIN_MS {
                std::thread::sleep(WORKER_NAP);
            } else {
                std::hint::spin_loop();
            }
        }
    }

    /// Whether the worker is there and answering.
    pub fn ready(&self) -> bool {
        self.state.load(Ordering::Acquire) == READY
    }

    /// The page's side of one round; None if the worker did not answer within `spin_ms`
    /// (busy, asleep between looks, or gone). Never blocks longer than `spin_ms`.
    pub fn probe(&self, clock: &impl Clock, spin_ms: f64) -> Option<Probe> {
        let round = self.ping.load(Ordering::Relaxed).wrapping_add(1);
        let sent_ms = clock.now_ms();
        self.ping.store(round, Ordering::Release);
        loop {
            if self.pong.load(Ordering::Acquire) == round {
                let received_ms = clock.now_ms();
                let remote_ms = f64::from_bits(self.remote.load(Ordering::Relaxed));
                return Some(Probe {
                    sent_ms,
                    remote_ms,
                    received_ms,
                });
            }
            if clock.now_ms() - sent_ms > spin_ms {
                return None;
            }
            std::hint::spin_loop();
        }
    }

    /// Tells the worker the offset measured; it corrects its clock by it.
    pub fn finish(&self, offset_ms: f64) {
        self.result.store(offset_ms.to_bits(), Ordering::Release);
        self.state.store(DONE, Ordering::Release);
    }

    /// Tells the worker (now or whenever it comes) that the page will not measure it.
    pub fn abandon(&self) {
        self.state.store(ABANDONED, Ordering::Release);
    }
}

/// The page's side for one worker, start to end: up to [`ROUNDS`] probes, the estimate
/// handed to the worker if certain enough ([`ACCEPT_UNCERTAINTY_MS`]; else a correction of
/// 0), or the worker abandoned if no round succeeded. `between` runs
/// after every round the worker missed (the page yields to its event loop there).
pub fn measure(handshake: &Handshake, clock: &impl Clock, between: impl FnMut()) -> Option<Offset> {
    measure_spinning(handshake, clock, PAGE_SPIN_MS, between)
}

/// [`measure`] with another bound on each round's spin.
pub fn measure_spinning(
    handshake: &Handshake,
    clock: &impl Clock,
    spin_ms: f64,
    mut between: impl FnMut(),
) -> Option<Offset> {
    let mut probes = Vec::with_capacity(ROUNDS as usize);
    for _ in 0..ROUNDS {
        match handshake.probe(clock, spin_ms) {
            Some(p) => probes.push(p),
            None => between(),
        }
    }
    let found = estimate(&probes);
    match found {
        Some(o) if o.uncertainty_ms <= ACCEPT_UNCERTAINTY_MS => handshake.finish(o.offset_ms),
        Some(_) => handshake.finish(0.0),
        None => handshake.abandon(),
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::SystemClock;
    use std::sync::Arc;

    /// The system clock shifted by a fixed amount: a worker whose time origin is off.
    struct Shifted(f64);
    impl Clock for Shifted {
        fn now_ms(&self) -> f64 {
            SystemClock.now_ms() + self.0
        }
    }

    fn probe(sent: f64, remote: f64, received: f64) -> Probe {
        Probe {
            sent_ms: sent,
            remote_ms: remote,
            received_ms: received,
        }
    }

    #[test]
    fn the_shortest_round_trip_wins() {
        let probes = [
            probe(0.0, 13.0, 4.0),   // 4 ms round trip: offset 11 ± 2
            probe(10.0, 20.1, 10.2), // 0.2 ms: offset 10 ± 0.1
            probe(20.0, 28.0, 21.0),
        ];
        let o = estimate(&probes).unwrap();
        assert!((o.offset_ms - 10.0).abs() < 1e-9, "{o:?}");
        assert!((o.uncertainty_ms - 0.1).abs() < 1e-9, "{o:?}");
        assert_eq!(estimate(&[]), None);
        assert_eq!(
            estimate(&[probe(5.0, 1.0, 4.0)]),
            None,
            "time ran backwards"
        );
    }

    /// A worker thread with its clock shifted by `shift` ms answers the page's rounds.
    fn measure_shift(shift: f64) -> (Offset, Option<f64>) {
        let hs = Arc::new(Handshake::default());
        let worker = {
            let hs = hs.clone();
            std::thread::spawn(move || hs.answer(&Shifted(shift)))
        };
        while !hs.ready() {
            std::thread::yield_now();
        }
        // A generous spin: on a loaded machine the worker thread may wait for a core.
        let found = measure_spinning(&hs, &SystemClock, 10_000.0, std::thread::yield_now)
            .expect("rounds answered");
        (found, worker.join().unwrap())
    }

    #[test]
    fn injected_offsets_are_measured_within_the_uncertainty() {
        for shift in [0.0, 3.7, -12.25, 250.0, -0.04] {
            let (found, told) = measure_shift(shift);
            let error = (found.offset_ms - shift).abs();
            // The worker read its clock between the page's two readings, so the estimate is
            // off by at most half the round trip, plus the readings' own resolution: ms since
            // the epoch in an f64 step by about 0.25 µs.
            assert!(
                error <= found.uncertainty_ms + 1e-3,
                "shift {shift}: measured {found:?}"
            );
            // The worker learns the estimate, if it is certain enough to correct by.
            let expected = if found.uncertainty_ms <= ACCEPT_UNCERTAINTY_MS {
                found.offset_ms
            } else {
                0.0
            };
            assert_eq!(told, Some(expected));
        }
    }

    #[test]
    fn a_worker_abandoned_before_it_arrives_returns_at_once() {
        let hs = Handshake::default();
        hs.abandon();
        assert_eq!(hs.answer(&SystemClock), None);
        assert!(!hs.ready());
    }

    #[test]
    fn the_page_gives_up_on_an_absent_worker_round_by_round() {
        let hs = Handshake::default();
        let mut missed = 0;
        // Every round ends by the page's own deadline; the page yields after each.
        assert_eq!(measure(&hs, &SystemClock, || missed += 1), None);
        assert_eq!(missed, ROUNDS);
        // Abandoned: a worker arriving late leaves at once.
        assert_eq!(hs.answer(&SystemClock), None);
    }
}
