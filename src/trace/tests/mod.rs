//! The trace writer on hand-made and real runs, read back with a strict JSON reader:
//! - [`json`]: the strict JSON reader;
//! - [`invariants`]: what every trace must keep, asserted on each one read back;
//! - [`made`]: hand-made runs for each rule of the writer (sub-tracks, the GIL's thread,
//!   escaping, exact microseconds);
//! - [`real`]: whole runs of the engine's executors, written and checked.

mod invariants;
mod json;
mod made;
mod real;
