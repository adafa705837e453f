//! The process-like worker's entry point: runs in a worker's own wasm instance (see
//! `procs.js`), never on the page. It decodes a batch, runs it over its own copy of the run's
//! tasks (`engine::process::worker`), posts spans to the page as it goes, and hands back
//! outcomes and the last spans as plain data.

use std::cell::RefCell;

use js_sys::{Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

use super::clock::{now_ms, WebClock};
use crate::engine::process::message::{encode_outcomes, encode_spans};
use crate::engine::process::worker::{current_task, WorkerState};
use crate::engine::process::JobSpec;
use crate::engine::Span;

#[wasm_bindgen(module = "/src/web/procs.js")]
extern "C" {
    /// Posts spans of the batch in progress to the page.
    #[wasm_bindgen(js_name = postSpans)]
    fn post_spans(spans: Float64Array);
}

thread_local! {
    /// This instance's tasks for the run it last saw (its memory is its own).
    static STATE: RefCell<WorkerState> = RefCell::new(WorkerState::default());
    static HOOKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

/// Leaves the panicking task and message where `procs.js` finds them once the instance has
/// aborted (panic=abort: nothing after this hook runs). Only this worker dies.
fn panic_hook(info: &std::panic::PanicHookInfo) {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    web_sys::console::error_1(&format!("panic in a process worker: {info}").into());
    let panic = Object::new();
    set(&panic, "message", message);
    if let Some(task) = current_task() {
        set(&panic, "task", task);
    }
    set(&js_sys::global(), "procsPanic", panic);
}

/// `procsRunBatch(spec, tasks, data, sentMs)` → `{ outcomes, spans, repliedMs, stopped }`;
/// spans recorded meanwhile are posted as they come (`postSpans`).
/// `data` is the run's input copy, sent with a worker's first batch of each run; `sentMs` is
/// when the page began to send, so the copy in is a span from then until decoded here.
#[wasm_bindgen(js_name = procsRunBatch)]
pub fn procs_run_batch(
    spec: String,
    tasks: Uint32Array,
    data: Option<Uint32Array>,
    sent_ms: f64,
) -> Result<JsValue, JsValue> {
    if !HOOKED.with(|h| h.replace(true)) {
        std::panic::set_hook(Box::new(panic_hook));
    }
    let spec = JobSpec::decode(&spec).map_err(|e| JsValue::from_str(&e))?;
    let ids = tasks.to_vec();
    // Into this instance's own memory: the copy the worker works on.
    let data = data.map(|d| d.to_vec());
    let mut report = |spans: Vec<Span>| post_spans(Float64Array::from(&encode_spans(&spans)[..]));
    let result = STATE.with(|state| {
        state
            .borrow_mut()
            .serve(&spec, data, &ids, sent_ms, &WebClock, &mut report)
    });
    // From here on the reply is being copied back: encoded, posted, decoded on the page.
    let replied_ms = now_ms();
    let reply = Object::new();
    set(&reply, "outcomes", encode_outcomes(&result.outcomes));
    set(
        &reply,
        "spans",
        Float64Array::from(&encode_spans(&result.spans)[..]),
    );
    set(&reply, "repliedMs", replied_ms);
    set(&reply, "stopped", result.stopped);
    Ok(reply.into())
}
