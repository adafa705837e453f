//! A `requestAnimationFrame` loop that calls a closure every frame until it says stop or the
//! ticker is dropped: the bank scene's live view and replay.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};

type FrameLoop = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

pub struct Ticker {
    pending: Rc<Cell<i32>>,
    callback: FrameLoop,
}

impl Ticker {
    /// Calls `on_frame` each frame while it returns true.
    pub fn start(mut on_frame: impl FnMut() -> bool + 'static) -> Self {
        let pending = Rc::new(Cell::new(0));
        let callback: FrameLoop = Rc::new(RefCell::new(None));
        let (p, c) = (pending.clone(), callback.clone());
        *callback.borrow_mut() = Some(Closure::new(move |_t: f64| {
            if on_frame() {
                request(&c, &p);
            }
        }));
        request(&callback, &pending);
        Self { pending, callback }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.cancel_animation_frame(self.pending.get());
        }
        // Nothing can call the closure now: break its reference cycle. (`try_borrow_mut`:
        // never panic if dropped from inside its own frame.)
        if let Ok(mut cb) = self.callback.try_borrow_mut() {
            cb.take();
        }
    }
}

fn request(callback: &FrameLoop, pending: &Cell<i32>) {
    if let (Some(w), Ok(cb)) = (web_sys::window(), callback.try_borrow()) {
        if let Some(cb) = cb.as_ref() {
            if let Ok(id) = w.request_animation_frame(cb.as_ref().unchecked_ref()) {
                pending.set(id);
            }
        }
    }
}
