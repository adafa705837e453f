//! The learner's edits to the lessons' snippets in `localStorage` (format: `pyrun::edits`).
//! Storage may be disabled or full: reading gives no edits, writing fails quietly.

use crate::pyrun::edits::{Edits, Loaded};

const KEY: &str = "concurrency-playground.py-edits";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The edits kept last time (a line that does not read is dropped and counted).
pub fn load() -> Loaded {
    let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    Edits::decode(stored.as_deref())
}

/// Keeps `edits` (removes the key when there are none).
pub fn save(edits: &Edits) {
    if let Some(s) = storage() {
        let _ = if edits.is_empty() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, &edits.encode())
        };
    }
}
