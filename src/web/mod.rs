//! The browser edge: everything that touches Yew, the DOM, JS or the worker pool.
//!
//! This module is compiled for `wasm32` only. It turns browser events into core
//! [`Action`](crate::app_state::Action)s and core state into DOM; the decisions live in the core.

pub mod app;
pub mod browser;
pub mod clock;
mod components;
pub mod pool;

/// Mounts the app. Also runs in every pool worker (wasm-bindgen runs the start function when a
/// worker instantiates the shared module), where there is no `window` and nothing to mount.
pub fn start() {
    if web_sys::window().is_none() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("panic: {info}").into());
    }));
    yew::Renderer::<app::App>::new().render();
}
