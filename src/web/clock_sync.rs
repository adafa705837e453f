//! Lines the pool workers' clocks up with the page's: once when the pool is ready, and again
//! before every pool run (the measurement itself is `engine::clock_sync`, tested natively).
//!
//! Every worker gets one broadcast job that answers the page's rounds and then corrects its
//! thread's clock by what the page measured (`clock::shift`). The page measures the workers
//! one after another, between turns of its event loop; a worker lost to a panic (its thread
//! parked for good) never arrives and is left out after a short wait.

use std::cell::RefCell;
use std::sync::Arc;

use wasm_bindgen::prelude::*;

use super::clock::{self, WebClock};
use crate::engine::clock_sync::{measure, Handshake, Offset};

/// How long the page waits for the first worker to arrive.
const ARRIVE_MS: f64 = 1_000.0;
/// How long, after the first, it waits for the others (all run the same job at once).
const STRAGGLERS_MS: f64 = 50.0;

/// The first measurement (how far the raw clocks were off) and the latest (what was left
/// after the corrections so far), per worker; None where a worker did not answer.
#[derive(Debug, Clone, Default)]
struct Report {
    first: Vec<Option<Offset>>,
    latest: Vec<Option<Offset>>,
    checks: u32,
    /// How long the latest check took (ms), start to end.
    latest_ms: f64,
}

thread_local! {
    static REPORT: RefCell<Report> = RefCell::new(Report::default());
}

/// Measures every pool worker's clock against this thread's and has each correct its own;
/// returns what was measured (each worker's offset before this correction).
pub async fn align_workers() -> Vec<Option<Offset>> {
    if !super::pool::ready() {
        return vec![];
    }
    let threads = rayon::current_num_threads();
    let handshakes: Arc<Vec<Handshake>> =
        Arc::new((0..threads).map(|_| Handshake::default()).collect());
    {
        let handshakes = handshakes.clone();
        rayon::spawn_broadcast(move |ctx| {
            if let Some(offset) = handshakes[ctx.index()].answer(&WebClock) {
                clock::shift(offset);
            }
        });
    }
    let started = clock::now_ms();
    let mut first_arrived: Option<f64> = None;
    let mut found = vec![None; threads];
    let mut waiting: Vec<usize> = (0..threads).collect();
    loop {
        let now = clock::now_ms();
        waiting.retain(|&i| {
            if !handshakes[i].ready() {
                return true;
            }
            first_arrived.get_or_insert(now);
            // At most ROUNDS × PAGE_SPIN_MS of spinning, only if the worker stops answering.
            found[i] = measure(&handshakes[i], &WebClock, || {});
            false
        });
        if waiting.is_empty() {
            break;
        }
        let deadline = first_arrived.map_or(started + ARRIVE_MS, |t| t + STRAGGLERS_MS);
        if clock::now_ms() > deadline {
            for &i in &waiting {
                handshakes[i].abandon();
            }
            break;
        }
        clock::yield_now().await;
    }
    REPORT.with(|r| {
        let mut r = r.borrow_mut();
        if r.checks == 0 {
            r.first = found.clone();
        }
        r.latest = found.clone();
        r.checks += 1;
        r.latest_ms = clock::now_ms() - started;
    });
    found
}

fn offsets_json(offsets: &[Option<Offset>]) -> String {
    let items: Vec<String> = offsets
        .iter()
        .map(|o| match o {
            Some(o) => format!(
                "{{\"offsetMs\":{},\"uncertaintyMs\":{}}}",
                o.offset_ms, o.uncertainty_ms
            ),
            None => "null".into(),
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// `clockOffsets()` → JSON `{ checks, first: [...], latest: [...] }`: each worker's clock minus
/// the page's at the first measurement (raw clocks) and at the latest (after the corrections
/// before it), with half the round trip as the uncertainty. For tests and the closing figures.
#[wasm_bindgen(js_name = clockOffsets)]
pub fn clock_offsets() -> String {
    REPORT.with(|r| {
        let r = r.borrow();
        format!(
            "{{\"checks\":{},\"latestMs\":{},\"first\":{},\"latest\":{}}}",
            r.checks,
            r.latest_ms,
            offsets_json(&r.first),
            offsets_json(&r.latest)
        )
    })
}

/// `alignClocks()`: measures and corrects again now; resolves with `clockOffsets()`.
#[wasm_bindgen(js_name = alignClocks)]
pub async fn align_clocks() -> String {
    align_workers().await;
    clock_offsets()
}
