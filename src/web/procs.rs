//! Process-like workers from the page, as JS sees them: start one, send it a batch and await
//! its reply, keep it idle for the next run, end it. What to send when, and what a reply or a
//! crash means for the run, is core logic (`run::processes`, `engine::process`).
//!
//! Each worker instantiates the app's own compiled module (`wasm_bindgen::module()`, posted to
//! it) with a new memory: it shares nothing with the page, so this works without cross-origin
//! isolation, where the pool cannot start. The page never blocks: it awaits promises only.

use std::cell::RefCell;

use js_sys::{Float64Array, JsString, Promise, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::browser::error_text;
use super::clock::now_ms;
use crate::engine::process::message::{decode_outcomes, decode_spans};
use crate::engine::process::Reply;
use crate::engine::{Lane, Span};
use crate::run::{Batch, Crash};

#[wasm_bindgen(module = "/src/web/procs.js")]
extern "C" {
    #[wasm_bindgen(js_name = spawnProcess)]
    fn spawn_process(main_js: &JsString, module: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = runBatch)]
    fn run_batch_js(
        worker: &JsValue,
        spec: &str,
        tasks: &Uint32Array,
        data: &JsValue,
        sent_ms: f64,
        on_spans: &Closure<dyn FnMut(Float64Array)>,
    ) -> Promise;
    #[wasm_bindgen(js_name = endProcess)]
    fn end_process(worker: &JsValue);
}

/// The URL of the app's JS glue, which a worker imports to instantiate the module.
fn main_js() -> JsString {
    #[wasm_bindgen]
    extern "C" {
        // `import.meta.url` as seen from the glue itself (wasm-bindgen emits it there), as
        // wasm-bindgen-rayon's no-bundler helper finds it.
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static URL: JsString;
    }
    URL.with(Clone::clone)
}

/// Idle workers kept between runs; more than this are ended.
const KEEP_IDLE: usize = 16;

thread_local! {
    static IDLE: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
}

/// A ready worker: an idle one, or a new one with its start-up time (ms, spawn to ready).
pub async fn obtain(fresh: bool) -> Result<(JsValue, Option<f64>), String> {
    if !fresh {
        if let Some(worker) = IDLE.with(|i| i.borrow_mut().pop()) {
            return Ok((worker, None));
        }
    }
    let started = now_ms();
    let worker = JsFuture::from(spawn_process(&main_js(), &wasm_bindgen::module()))
        .await
        .map_err(|e| error_text(&e))?;
    Ok((worker, Some(now_ms() - started)))
}

/// Keeps `worker` idle for the next run (if asked and there is room), or ends it.
pub fn release(worker: JsValue, keep: bool) {
    let kept = keep
        && IDLE.with(|i| {
            let mut idle = i.borrow_mut();
            let room = idle.len() < KEEP_IDLE;
            if room {
                idle.push(worker.clone());
            }
            room
        });
    if !kept {
        end_process(&worker);
    }
}

/// Ends `worker` now (its batch, if any, is lost).
pub fn end(worker: &JsValue) {
    end_process(worker);
}

/// Sends `batch` to `worker` and awaits its reply; spans it reports meanwhile go to `on_spans`.
pub async fn run_batch(
    worker: &JsValue,
    batch: Batch<'_>,
    mut on_spans: Box<dyn FnMut(Vec<Span>)>,
) -> Result<Reply, Crash> {
    let lane = batch.lane;
    let data = match batch.data {
        Some(d) => Uint32Array::from(d).into(),
        None => JsValue::UNDEFINED,
    };
    let ids = Uint32Array::from(batch.ids);
    let report = Closure::<dyn FnMut(Float64Array)>::new(move |spans: Float64Array| {
        on_spans(decode_spans(&spans.to_vec(), lane));
    });
    let reply = JsFuture::from(run_batch_js(
        worker,
        batch.spec,
        &ids,
        &data,
        batch.sent_ms,
        &report,
    ))
    .await;
    drop(report);
    match reply {
        Ok(reply) => Ok(read_reply(&reply)),
        Err(e) => {
            let (task, message) = read_crash(&e);
            Err(Crash { task, message })
        }
    }
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn read_reply(reply: &JsValue) -> Reply {
    let outcomes = get(reply, "outcomes").as_string().unwrap_or_default();
    let spans = get(reply, "spans")
        .dyn_into::<Float64Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    Reply {
        outcomes: decode_outcomes(&outcomes).unwrap_or_default(),
        spans: decode_spans(&spans, Lane::Worker(0)),
        replied_ms: get(reply, "repliedMs").as_f64().unwrap_or_else(now_ms),
        stopped: get(reply, "stopped").is_truthy(),
    }
}

/// The task that panicked (if the worker said) and the message to fail it with.
fn read_crash(error: &JsValue) -> (Option<u32>, String) {
    let panic = get(error, "panic");
    if panic.is_object() {
        let task = get(&panic, "task").as_f64().map(|t| t as u32);
        let message = get(&panic, "message").as_string().unwrap_or_default();
        return (task, message);
    }
    let text = get(error, "error")
        .as_string()
        .unwrap_or_else(|| error_text(error));
    (None, format!("a process worker failed: {text}"))
}
