//! The step keys: ← and → move between a lesson's steps, Enter runs the step. Keys typed into
//! a form field, pressed on a button (Enter clicks it already) or on a widget with keys of its
//! own, or with a modifier, are left alone.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a key asks of the step page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKey {
    Prev,
    Next,
    Run,
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The key an event asks for, if the page should act on it.
fn step_key(event: &JsValue) -> Option<StepKey> {
    let pressed = |k: &str| get(event, k).as_bool().unwrap_or(false);
    if [
        "altKey",
        "ctrlKey",
        "metaKey",
        "shiftKey",
        "defaultPrevented",
    ]
    .iter()
    .any(|k| pressed(k))
    {
        return None;
    }
    let target = get(event, "target");
    let tag = get(&target, "tagName").as_string().unwrap_or_default();
    if ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "SUMMARY", "A"].contains(&tag.as_str()) {
        return None;
    }
    // A widget with keys of its own (the timeline, the scheduler stepper) keeps them.
    let has_tabindex = js_sys::Reflect::get(&target, &"hasAttribute".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&target, &"tabindex".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if has_tabindex {
        return None;
    }
    match get(event, "key").as_string()?.as_str() {
        "ArrowLeft" => Some(StepKey::Prev),
        "ArrowRight" => Some(StepKey::Next),
        "Enter" => Some(StepKey::Run),
        _ => None,
    }
}

/// Calls `on_key` for every step key pressed on the page; the listener lives as long as it.
pub fn on_step_key(on_key: impl Fn(StepKey) + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        if let Some(key) = step_key(&event) {
            on_key(key);
        }
    });
    let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    listener.forget();
}
