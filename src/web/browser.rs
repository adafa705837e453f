//! Facts about the browser the page runs in, read through `js_sys::global()` so they work on
//! the main thread and in workers alike; and what the page records on its `<html>` element.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

use crate::link::Lang;

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

/// `navigator.userAgent` (empty if the browser does not say).
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Puts the page's language on `<html>`: `lang` for the browser and assistive technology,
/// `data-lang` for whatever must speak it outside Yew (the crash banner).
pub fn show_lang(lang: Lang) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", lang.html_lang());
        let _ = root.set_attribute("data-lang", lang.tag());
    }
}

/// The language [`show_lang`] last put on the page; both before it has run.
pub fn shown_lang() -> Lang {
    root()
        .and_then(|r| r.get_attribute("data-lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
}

/// What `www/isolation.js` recorded on `<html data-isolation="…" data-isolation-detail="…">`.
pub fn isolation() -> crate::isolation::Isolation {
    let root = root();
    let attr = |name: &str| {
        root.as_ref()
            .and_then(|r| r.get_attribute(name))
            .unwrap_or_default()
    };
    crate::isolation::Isolation::from_tag(&attr("data-isolation"), &attr("data-isolation-detail"))
}

/// Calls `on_change` whenever `www/isolation.js` records a new state (its `isolationchange`
/// event). The listener lives as long as the page.
pub fn on_isolation_change(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
    let _ = window
        .add_event_listener_with_callback("isolationchange", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Scrolls the page so the element `id` starts at the top of the viewport (a step's stage
/// after Run or a move to another step); nothing if it is not there.
pub fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view_with_bool(true);
    }
}

/// The viewport's width in CSS pixels (0 when unknown).
pub fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}
