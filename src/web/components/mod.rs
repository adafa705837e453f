//! Leaf components: props in, callbacks out; no state of their own beyond the DOM.

pub mod compare;
pub mod pool_status;
pub mod run_card;
pub mod size_input;
