//! The browser edge: everything that touches Yew, the DOM, JS or the worker pool.
//!
//! This module is compiled for `wasm32` only. It turns browser events into core
//! [`Action`](crate::app_state::Action)s and core state into DOM; the decisions live in the core.

pub mod address;
pub mod app;
pub mod bank_run;
pub mod bench_api;
pub mod boot;
pub mod browser;
pub mod clock;
pub mod clock_sync;
mod components;
pub mod export;
pub mod fetch;
pub mod frames;
pub mod heap;
pub mod highlight;
pub mod history_store;
pub mod js_kernel;
pub mod keys;
pub mod platform;
pub mod pool;
pub mod prefs;
pub mod procs;
pub mod procs_worker;
pub mod progress_store;
pub mod python;
pub mod python_store;
pub mod select;
pub mod ticker;
pub mod visible;

use crate::i18n::{controls::Ui, Texts};

/// Mounts the app. Also runs in every pool worker (wasm-bindgen runs the start function when a
/// worker instantiates the shared module) and in every process-like worker (`procs`, its own
/// instance), where there is no `window` and nothing to mount.
pub fn start() {
    if web_sys::window().is_none() {
        return;
    }
    clock::mark("app-start");
    // The workers start while Yew builds the page; the app's boot awaits the same start-up.
    pool::prestart(crate::pool_state::pool_size(browser::hardware_concurrency()));
    yew::Renderer::<app::App>::new().render();
    // After rendering: Yew installs its own panic hook when it renders.
    std::panic::set_hook(Box::new(panic_hook));
}

/// Every thread's panic hook (it is process-wide). The build is `panic=abort`, so returning
/// from here kills the thread's wasm instance.
/// - On a pool lane in the middle of a task, the run records the failure and ends cleanly;
///   then the thread parks for good rather than abort (see `engine::pool`).
/// - On the main thread nothing can be saved: say so on the page instead of going silent.
fn panic_hook(info: &std::panic::PanicHookInfo) {
    let message = match info.payload().downcast_ref::<&str>() {
        Some(s) => (*s).to_string(),
        None => info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default(),
    };
    web_sys::console::error_1(&format!("panic: {info}").into());
    if crate::engine::pool::on_panic(message.clone()) {
        loop {
            std::thread::park();
        }
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) {
            banner.set_id("crash");
            banner.set_attribute("role", "alert").ok();
            let lang = browser::shown_lang();
            banner.set_attribute("lang", lang.html_lang()).ok();
            banner.set_text_content(Some(&Ui::Crash.fill(lang, &[&message])));
            let _ = body.prepend_with_node_1(&banner);
        }
    }
}
