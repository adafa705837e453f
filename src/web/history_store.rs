//! The history in the browser's `localStorage`, and downloads. Storage may be disabled (the
//! getter itself throws), full (`QuotaExceededError`) or hold anything at all: every call here
//! returns a [`StorageProblem`] instead of throwing into Rust, and the app works on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::error_text;
use crate::history::{codec, Decoded, Entry, StorageProblem};

/// The one key the history lives under (its format's version is on every line).
pub const KEY: &str = "concurrency-playground.history";

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    let window =
        web_sys::window().ok_or_else(|| StorageProblem::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageProblem::Unavailable(
            "localStorage is not available".into(),
        )),
        Err(e) => Err(StorageProblem::Unavailable(error_text(&e))),
    }
}

fn problem(e: &JsValue) -> StorageProblem {
    let quota = e
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
    if quota {
        StorageProblem::Full
    } else {
        StorageProblem::Other(error_text(e))
    }
}

/// What storage holds (nothing yet is an empty history).
pub fn load() -> Result<Decoded, StorageProblem> {
    let text = storage()?.get_item(KEY).map_err(|e| problem(&e))?;
    Ok(text.map(|t| codec::decode(&t)).unwrap_or_default())
}

/// Calls `on_change` with what storage now holds each time another tab of the app changes
/// the history (the browser fires `storage` only in the *other* tabs of the site).
pub fn on_other_tab_change(on_change: impl Fn(Decoded) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let key = js_sys::Reflect::get(&event, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        // No key: that tab cleared all of the site's storage.
        if key.as_deref().is_none_or(|k| k == KEY) {
            if let Ok(stored) = load() {
                on_change(stored);
            }
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Writes `entries` with the removal mark `since` (see `history::sync`). When storage is full,
/// tries the newest half, then a quarter, …, marking the runs left out as removed; answers how
/// many of the newest entries were written.
pub fn save(entries: &[Entry], since: f64) -> Result<usize, StorageProblem> {
    let storage = storage()?;
    if entries.is_empty() && since <= 0.0 {
        return storage
            .remove_item(KEY)
            .map(|()| 0)
            .map_err(|e| problem(&e));
    }
    let mut keep = entries.len();
    loop {
        let kept = &entries[entries.len() - keep..];
        let since = match kept.first() {
            Some(oldest) if keep < entries.len() => since.max(oldest.at_ms),
            _ => since,
        };
        match storage.set_item(KEY, &codec::encode_stored(kept, since)) {
            Ok(()) => return Ok(keep),
            Err(e) => match problem(&e) {
                StorageProblem::Full if keep > 1 => keep /= 2,
                StorageProblem::Full => {
                    // Not even one entry fits: leave no stale, longer history behind.
                    let _ = storage.remove_item(KEY);
                    return Err(StorageProblem::Full);
                }
                other => return Err(other),
            },
        }
    }
}

/// Offers `text` as a file download (a Blob behind an object URL, clicked through a link).
/// Returns what went wrong, if anything.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| error_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| error_text(&e))?;
    let link = document
        .create_element("a")
        .map_err(|e| error_text(&e))?
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The click has started the download; the URL may go once the current task ends.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    }
    Ok(())
}
