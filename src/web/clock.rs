//! The browser's one clock, and awaitable pauses on the main thread's event loop.
//!
//! `std::time::Instant::now()` panics on `wasm32-unknown-unknown`, and `std::thread::sleep`
//! traps on the main thread (it may not block): these are the replacements.

use std::cell::Cell;

use js_sys::{Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::Clock;

/// This thread's `performance` and its `timeOrigin`, looked up once: reading the clock is on
/// every step of every task, and finding `performance` on the global object each time (a
/// property lookup through JS) cost more than a tiny task.
struct ThreadClock {
    performance: web_sys::Performance,
    origin_ms: f64,
    /// This thread's clock minus the page's, as last measured (`engine::clock_sync`); 0 on
    /// the page itself.
    offset_ms: Cell<f64>,
}

thread_local! {
    static CLOCK: ThreadClock = {
        let performance = Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .expect("every browser context has performance")
            .unchecked_into::<web_sys::Performance>();
        ThreadClock {
            origin_ms: performance.time_origin(),
            performance,
            offset_ms: Cell::new(0.0),
        }
    };
}

/// Milliseconds since the epoch on the time line every thread shares: `timeOrigin + now()`,
/// corrected by this thread's measured offset from the page's clock. Each worker's
/// `performance.now()` counts from its own `timeOrigin`, and those origins do not agree exactly
/// (see `engine::clock_sync`). Resolution is 5 µs when the page is cross-origin isolated,
/// 100 µs otherwise (Firefox: 20 µs).
pub fn now_ms() -> f64 {
    CLOCK.with(|c| c.origin_ms + c.performance.now() - c.offset_ms.get())
}

/// Corrects this thread's clock by `ms` more (a newly measured residual offset: this
/// thread's corrected clock was `ms` ahead of the page's).
pub fn shift(ms: f64) {
    if ms.is_finite() {
        CLOCK.with(|c| c.offset_ms.set(c.offset_ms.get() + ms));
    }
}

/// This thread's correction so far (ms).
pub fn offset_ms() -> f64 {
    CLOCK.with(|c| c.offset_ms.get())
}

/// Marks a moment of the page's life on the Performance timeline (`performance.mark`), so
/// the benchmark and DevTools can see where start-up time goes. Best effort: a browser that
/// refuses the mark changes nothing.
pub fn mark(name: &str) {
    if let Ok(performance) = Reflect::get(&js_sys::global(), &JsValue::from_str("performance")) {
        let _ = performance
            .unchecked_into::<web_sys::Performance>()
            .mark(name);
    }
}

/// The engine's clock in the browser, on any thread.
#[derive(Debug, Default, Clone, Copy)]
pub struct WebClock;

impl Clock for WebClock {
    fn now_ms(&self) -> f64 {
        now_ms()
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("main-thread helpers run where there is a window")
}

/// Resolves after the next frame has been painted: a `setTimeout(0)` queued from inside a
/// `requestAnimationFrame` callback runs after that frame's paint. Used before a deliberate
/// main-thread freeze so that the "running" state is on screen while the page is frozen.
///
/// A hidden tab paints no frames (its `requestAnimationFrame` callbacks wait until it is shown),
/// so a timer resolves it too after [`NO_PAINT_AFTER_MS`]: a run that ends in a background tab
/// still reports at once, and is kept, instead of waiting for the learner to come back.
pub async fn after_next_paint() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let painted = resolve.clone();
        let on_frame = Closure::once_into_js(move || {
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(painted.unchecked_ref(), 0);
        });
        let _ = window().request_animation_frame(on_frame.unchecked_ref());
        // Resolving twice is harmless: the first call wins.
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            resolve.unchecked_ref(),
            NO_PAINT_AFTER_MS,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// How long [`after_next_paint`] waits for a frame before going on without one. A visible
/// page paints every ~16 ms, even while a pool run keeps the CPU busy.
const NO_PAINT_AFTER_MS: i32 = 250;

/// Resolves after `ms` milliseconds (a `setTimeout`): an awaited wait, the page stays live.
pub async fn sleep_ms(ms: f64) {
    let promise = Promise::new(&mut |resolve, _reject| {
        let delay = ms.clamp(0.0, i32::MAX as f64) as i32;
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), delay);
    });
    let _ = JsFuture::from(promise).await;
}

/// Gives the event loop one turn and resumes as soon as possible. A `MessageChannel` message
/// is a macrotask (input and rendering get their turn first) without the ≥ 4 ms clamp that
/// nested `setTimeout(0)` calls get.
pub async fn yield_now() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let port = channel.port1();
        let on_message = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}
