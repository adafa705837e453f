//! Chart geometry, pure and tested natively: the one linear scale and tick maker every chart
//! uses (`scale`), duration labels (`ticks`), and Amdahl's law fitted to measured speedups
//! (`amdahl`), and the wall-time chart's layout (`wall`). Components in `web::components` only
//! turn these numbers into SVG.

pub mod amdahl;
pub mod scale;
pub mod ticks;
pub mod wall;

pub use scale::{nice_step, nice_ticks, LinearScale};
pub use ticks::{format_duration, format_duration_ms};
