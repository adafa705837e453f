//! A JS entry point for the benchmark (`tests/bench/`): runs one workload on one executor
//! with recording on or off, without the UI, and returns the figures. The page exposes it as
//! `window.wasmBindings.benchRun` (Trunk's loader puts the module's exports there).

use std::sync::Arc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::platform::WebPlatform;
use crate::engine::process::JobSpec;
use crate::engine::{Recorder, RunEnd, SpanKind};
use crate::executor::Executor;
use crate::param::Values;
use crate::run::{self, Platform};
use crate::workload;

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

/// `benchRun("primes", {n: 5000000}, "pool", 2, true)` → `{ answer, summary, wallMs, spans, end }`.
/// Parameters missing from `params` take their defaults; all are clamped. A sixth argument
/// `true` watches the page's animation frames during the run, as the frame meter of a run
/// from the UI does (what observing every frame costs the run, apart from drawing).
#[wasm_bindgen(js_name = benchRun)]
pub async fn bench_run(
    workload: String,
    params: JsValue,
    executor: String,
    threads: usize,
    record: bool,
    watch_frames: Option<bool>,
) -> Result<JsValue, JsValue> {
    let def = workload::by_id(&workload).ok_or_else(|| JsValue::from_str("unknown workload"))?;
    let executor =
        Executor::from_tag(&executor).ok_or_else(|| JsValue::from_str("unknown executor"))?;
    let mut values = Values::default();
    for p in def.params {
        if let Some(v) = Reflect::get(&params, &p.name.into())
            .ok()
            .and_then(|v| v.as_f64())
        {
            values.set(p, v.max(0.0) as u64);
        }
    }
    let plan = (def.plan)(&values);
    let job = JobSpec::new(def, values, Default::default());
    let recorder = Arc::new(Recorder::new(plan.tasks.len(), record));
    let frames = watch_frames
        .unwrap_or(false)
        .then(super::frames::FrameWatch::start);
    let platform = WebPlatform::default();
    if executor.needs_pool() {
        // As before a run from the page: the workers' clocks checked against this one.
        platform.align_clocks().await;
    }
    let switch_ms = crate::engine::gil::SWITCH_INTERVAL_MS;
    let out = run::execute(
        &platform,
        executor,
        plan,
        job,
        threads.max(1),
        recorder,
        switch_ms,
    )
    .await;
    if let Some(frames) = frames {
        frames.stop().await;
    }
    Ok(figures(&out, executor).into())
}

/// What `benchRun` answers about a finished run: `{ answer, summary, wallMs, spans, details,
/// end, copyMs }`, and for process workers `startups` and `startupMs`.
fn figures(out: &crate::engine::RunOutput, executor: Executor) -> Object {
    let result = Object::new();
    set(&result, "answer", out.answer.value.to_string());
    set(&result, "summary", out.answer.summary.clone());
    set(&result, "wallMs", out.wall_ms);
    set(&result, "spans", out.spans.len() as u32);
    // The answer's named figures, as an object of strings (e.g. the convoy's IO thread time).
    let details = Object::new();
    for (key, value) in &out.answer.details {
        set(&details, key, value.clone());
    }
    set(&result, "details", details);
    set(
        &result,
        "end",
        match &out.end {
            RunEnd::Completed => "completed".to_string(),
            RunEnd::Cancelled => "cancelled".to_string(),
            RunEnd::Failed(e) => format!("failed: {e}"),
        },
    );
    // Process workers: what starting them cost in this run (none if all were reused, as the
    // run's answer notes it), and the time spent copying to and from them.
    if executor.is_process() {
        let started = out.answer.figure("workers_started").unwrap_or(0.0);
        set(&result, "startups", started as u32);
        let mean = out.answer.figure("start_ms_per_worker").unwrap_or(0.0);
        set(&result, "startupMs", mean);
    }
    let copy_ms: f64 = out
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Copy)
        .map(|s| s.end_ms - s.start_ms)
        .sum();
    set(&result, "copyMs", copy_ms);
    result
}

/// `memoryBytes()`: the size of the module's (shared) linear memory, for the soak test. It
/// never shrinks: a high-water mark of what the runs needed at once.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            let buffer = m.buffer();
            Reflect::get(&buffer, &"byteLength".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        })
        .unwrap_or(0.0)
}

/// `heapCountStart()`: from now on, the allocator counts (see `web::heap`), for the soak test.
#[wasm_bindgen(js_name = heapCountStart)]
pub fn heap_count_start() {
    super::heap::start_counting();
}

/// `heapNetBytes()`: bytes allocated and not freed since `heapCountStart()`. After the same runs
/// the page holds the same state, so a leak shows as growth between two readings.
#[wasm_bindgen(js_name = heapNetBytes)]
pub fn heap_net_bytes() -> f64 {
    super::heap::net_bytes() as f64
}

/// `heapPeakBytes()`: the most `heapNetBytes()` has been since `heapCountStart()`: how much
/// more than at the start the page ever held at once (the soak test sets it beside the size of
/// wasm memory, which grows to fit it).
#[wasm_bindgen(js_name = heapPeakBytes)]
pub fn heap_peak_bytes() -> f64 {
    super::heap::peak_bytes() as f64
}

/// `benchKernels(5000000)` → `{ count, wasmMs, jsMs }`: lesson 16's primes kernel in WebAssembly
/// and in plain JavaScript, one after the other on this thread.
#[wasm_bindgen(js_name = benchKernels)]
pub fn bench_kernels(n: f64) -> Result<JsValue, JsValue> {
    let n = n.clamp(0.0, 100_000_000.0) as u64;
    let t0 = super::clock::now_ms();
    let wasm = crate::workload::primes::count_serial(n);
    let t1 = super::clock::now_ms();
    let js = super::js_kernel::count_primes(n);
    let t2 = super::clock::now_ms();
    if wasm != js {
        return Err(JsValue::from_str(&format!(
            "kernels disagree: {wasm} vs {js}"
        )));
    }
    let out = Object::new();
    set(&out, "count", wasm as f64);
    set(&out, "wasmMs", t1 - t0);
    set(&out, "jsMs", t2 - t1);
    Ok(out.into())
}
