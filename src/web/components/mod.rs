//! Leaf components, one per file: props in, callbacks out; no state of their own beyond the DOM.

pub mod chunk_chart;
pub mod confirm;
pub mod export_buttons;
pub mod fault_picker;
pub mod frame_meter;
pub mod labels;
pub mod lang_picker;
pub mod lesson_nav;
pub mod lesson_view;
pub mod link_notices;
pub mod live_timeline;
pub mod params_form;
pub mod pool_status;
pub mod progress;
pub mod replay;
pub mod replay_draw;
pub mod results;
pub mod run_controls;
pub mod share;
pub mod sweep_chart;
pub mod timeline;
pub mod wall_chart;
pub mod workload_picker;
