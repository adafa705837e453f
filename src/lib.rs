//! Concurrency Playground (并发游乐场): learn concurrency by running it in the browser.
//!
//! The crate has two halves with one boundary between them (see `ARCHITECTURE.md`):
//! - the **pure core** — workloads and their bounds, the app's state machine — plain Rust that
//!   `cargo test` builds and tests natively;
//! - the **browser edge**, [`web`], the only module that names Yew, `web_sys`, `js_sys` or
//!   `wasm_bindgen`. It is compiled for `wasm32` only, which the native build proves.

#![cfg_attr(target_arch = "wasm32", feature(asm_experimental_arch))]

pub mod app_state;
pub mod asyncio;
pub mod bank_scene;
pub mod chart;
pub mod course;
pub mod engine;
pub mod executor;
pub mod history;
pub mod i18n;
pub mod insight;
pub mod interleave;
pub mod isolation;
pub mod lang_compare;
pub mod lessons;
pub mod link;
pub mod param;
pub mod pool_state;
pub mod progress;
pub mod pyapi;
pub mod pyrun;
pub mod run;
pub mod sweep;
pub mod timeline;
pub mod trace;
pub mod welcome;
pub mod workload;

#[cfg(target_arch = "wasm32")]
pub mod web;
