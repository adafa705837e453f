//! One time line for every thread, in real Chromium with the real pool: wasm-bindgen-test runs
//! this in a dedicated worker of a cross-origin-isolated page (standing in for the page).
//! Each worker's clock is shifted by a known amount (`clock::shift`, the same correction the
//! app applies), then the app's alignment must measure that amount and remove it; and under
//! the simulated GIL no two lanes may hold the lock at once on the timeline, even with the
//! workers' clocks left wrong.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use concurrency_playground::engine::analysis::{max_overlap, WORKING};
use concurrency_playground::engine::clock_sync::{Offset, ACCEPT_UNCERTAINTY_MS};
use concurrency_playground::engine::gil::Gil;
use concurrency_playground::engine::{pool as engine_pool, Recorder, RunOutput};
use concurrency_playground::param::Values;
use concurrency_playground::web::clock::{self, WebClock};
use concurrency_playground::web::{clock_sync, pool};
use concurrency_playground::workload::counter;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Shifts each worker's clock so that it runs `ahead_ms[i]` ahead of where it was.
fn skew_workers(ahead_ms: &'static [f64]) {
    rayon::broadcast(|ctx| clock::shift(-ahead_ms[ctx.index() % ahead_ms.len()]));
}

fn show(label: &str, offsets: &[Option<Offset>]) -> Vec<Offset> {
    let found: Vec<Offset> = offsets
        .iter()
        .map(|o| o.expect("every worker answered"))
        .collect();
    let text: Vec<String> = found
        .iter()
        .map(|o| format!("{:+.4} ± {:.4} ms", o.offset_ms, o.uncertainty_ms))
        .collect();
    console_log!("{label}: {}", text.join(", "));
    found
}

/// The clocks step by 5 µs when cross-origin isolated; allow two steps beyond the round trip.
const RESOLUTION_MS: f64 = 0.01;

/// Checks until every worker has been corrected at least once (a measurement is applied only
/// when certain enough, and on a busy machine a worker may miss its turns); returns each
/// worker's total correction, with the largest uncertainty among the measurements applied.
async fn corrected() -> Vec<Option<Offset>> {
    let mut total: Vec<Option<Offset>> = Vec::new();
    for _ in 0..20 {
        let found = clock_sync::align_workers().await;
        total.resize(found.len(), None);
        for (sum, o) in total.iter_mut().zip(found) {
            if let Some(o) = o.filter(|o| o.uncertainty_ms <= ACCEPT_UNCERTAINTY_MS) {
                let before = sum.unwrap_or(Offset {
                    offset_ms: 0.0,
                    uncertainty_ms: 0.0,
                });
                *sum = Some(Offset {
                    offset_ms: before.offset_ms + o.offset_ms,
                    uncertainty_ms: before.uncertainty_ms.max(o.uncertainty_ms),
                });
            }
        }
        if total.iter().all(Option::is_some) {
            return total;
        }
    }
    panic!("a worker was never measured with certainty in 20 checks: {total:?}");
}

async fn gil_run(threads: usize) -> RunOutput {
    let values = Values::default()
        .with(&counter::N, 10_000_000)
        .with(&counter::TASKS, threads as u64);
    let plan = (counter::DEF.plan)(&values);
    let recorder = Arc::new(Recorder::new(plan.tasks.len(), true));
    let (tx, rx) = futures_channel::oneshot::channel();
    // A short switch interval: many hand-overs per run.
    let gil = Some(Gil::new(0.1));
    engine_pool::start(plan, threads, WebClock, recorder, gil, move |out| {
        let _ = tx.send(out);
    });
    rx.await.expect("the last lane reports")
}

#[wasm_bindgen_test]
async fn workers_clocks_are_measured_and_corrected() {
    pool::start(2).await.expect("the pool starts");
    let raw = show("raw offsets", &corrected().await);
    assert_eq!(raw.len(), 2);
    let left = show("after correction", &clock_sync::align_workers().await);
    for o in &left {
        assert!(
            o.offset_ms.abs() <= o.uncertainty_ms + RESOLUTION_MS,
            "{o:?}"
        );
    }

    // Injected offsets are found, and removed.
    const INJECTED: &[f64] = &[3.5, -6.25];
    skew_workers(INJECTED);
    let found = show("injected +3.5 / -6.25", &corrected().await);
    for (o, want) in found.iter().zip(INJECTED) {
        assert!(
            (o.offset_ms - want).abs() <= o.uncertainty_ms + RESOLUTION_MS,
            "{o:?} vs {want}"
        );
    }
    let left = show("after correction", &clock_sync::align_workers().await);
    for o in &left {
        assert!(
            o.offset_ms.abs() <= o.uncertainty_ms + RESOLUTION_MS,
            "{o:?}"
        );
    }

    // Under the GIL, 200 runs with the workers' clocks left milliseconds apart: the release
    // time travels with the lock, so the timeline never shows two holders.
    const APART: &[f64] = &[2.0, -2.0];
    skew_workers(APART);
    let mut holding = 0;
    for run in 0..200 {
        let out = gil_run(2).await;
        assert_eq!(out.answer.value, 20_000_000);
        assert_eq!(max_overlap(&out.spans, &WORKING), 1, "run {run}");
        holding += out
            .spans
            .iter()
            .filter(|s| s.kind == concurrency_playground::engine::SpanKind::Locked)
            .count();
    }
    console_log!("200 GIL runs, clocks 4 ms apart: {holding} holding spans, never two at once");
    // Two tasks hold the lock at least twice a run; more means it changed hands mid-task.
    assert!(holding > 600, "{holding}");
}
