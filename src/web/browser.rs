//! Facts about the browser the page runs in, read through `js_sys::global()` so they work on
//! the main thread and in workers alike.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

fn global_get(name: &str) -> JsValue {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `crossOriginIsolated`: true only when the page was served with COOP `same-origin` and COEP
/// `require-corp` (or `credentialless`). Without it, browsers withhold `SharedArrayBuffer`, so
/// the page cannot share its memory with workers.
pub fn cross_origin_isolated() -> bool {
    global_get("crossOriginIsolated").as_bool().unwrap_or(false)
}

/// `navigator.hardwareConcurrency`: the number of logical processors, if the browser says.
pub fn hardware_concurrency() -> Option<f64> {
    Reflect::get(
        &global_get("navigator"),
        &JsValue::from_str("hardwareConcurrency"),
    )
    .ok()
    .and_then(|v| v.as_f64())
}

/// The readable part of a thrown JS value (an `Error`'s name and message, or its string form).
pub fn error_text(value: &JsValue) -> String {
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", err.name(), err.message())
    } else {
        value.as_string().unwrap_or_else(|| format!("{value:?}"))
    }
}
