//! Whether an element is on screen, as it changes (an `IntersectionObserver`): animations that
//! only show something run only while they can be seen, so an idle page costs no CPU.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// Watches one element until dropped.
pub struct Visibility {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Visibility {
    /// Calls `on_change(true)` when any part of `el` comes on screen and `on_change(false)`
    /// when it leaves (and once at the start, with where it is). `None` where the browser has
    /// no `IntersectionObserver`: the caller treats the element as always visible.
    pub fn watch(el: &Element, mut on_change: impl FnMut(bool) + 'static) -> Option<Visibility> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // Of several changes in one batch, the latest counts.
            if let Some(entry) = entries
                .iter()
                .rev()
                .find_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            {
                on_change(entry.is_intersecting());
            }
        });
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Visibility {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Visibility {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
