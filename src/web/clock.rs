//! The browser's one clock, and awaitable pauses on the main thread's event loop.
//!
//! `std::time::Instant::now()` panics on `wasm32-unknown-unknown`, and `std::thread::sleep`
//! traps on the main thread (it may not block): these are the replacements.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the epoch on the shared time line: `timeOrigin + now()`. Each worker's
/// `performance.now()` counts from its own `timeOrigin`, so only this sum is comparable across
/// threads. Resolution is 5 µs when the page is cross-origin isolated, 100 µs otherwise.
pub fn now_ms() -> f64 {
    let performance = Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .expect("every browser context has performance")
        .unchecked_into::<web_sys::Performance>();
    performance.time_origin() + performance.now()
}

/// Resolves after the next frame has been painted: a `setTimeout(0)` queued from inside a
/// `requestAnimationFrame` callback runs after that frame's paint. Used before a deliberate
/// main-thread freeze so that the "running" state is on screen while the page is frozen.
pub async fn after_next_paint() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let on_frame = Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    0,
                );
            }
        });
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}
