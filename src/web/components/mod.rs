//! Leaf components, one per file: props in, callbacks out; no state of their own beyond the DOM.

pub mod api_demo;
pub mod api_outcome;
pub mod bank_bars;
pub mod bank_picture;
pub mod bank_scene;
pub mod confirm;
pub mod fault_picker;
pub mod fetched_html;
pub mod history;
pub mod history_compare;
pub mod labels;
pub mod lang_compare;
pub mod lang_picker;
pub mod lesson_nav;
pub mod lesson_view;
pub mod link_notices;
pub mod params_form;
pub mod playground;
pub mod pool_status;
pub mod progress;
pub mod results;
pub mod run_controls;
pub mod share;
pub mod sweep_chart;
pub mod timeline;
pub mod workload_picker;
