//! Watches the page's animation frames during a run (see `engine::frames` for what they mean).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};

use crate::engine::frames::{summarize, FrameStats};

type FrameLoop = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// A `requestAnimationFrame` loop that records each frame's timestamp until stopped.
pub struct FrameWatch {
    stamps: Rc<RefCell<Vec<f64>>>,
    /// The pending `requestAnimationFrame` request, cancelled on stop so that the closure is
    /// never called after it is dropped.
    pending: Rc<Cell<i32>>,
    callback: FrameLoop,
}

impl FrameWatch {
    pub fn start() -> Self {
        let stamps = Rc::new(RefCell::new(Vec::new()));
        let pending = Rc::new(Cell::new(0));
        let callback: FrameLoop = Rc::new(RefCell::new(None));
        let (s, p, c) = (stamps.clone(), pending.clone(), callback.clone());
        // The time the callback runs, not the frame's timestamp argument: after a freeze the
        // browser may run a frame stamped with a vsync from inside the freeze, which would
        // hide it.
        *callback.borrow_mut() = Some(Closure::new(move |_frame_time: f64| {
            s.borrow_mut().push(super::clock::now_ms());
            request(&c, &p);
        }));
        request(&callback, &pending);
        Self {
            stamps,
            pending,
            callback,
        }
    }

    /// Stops after one more painted frame (so a freeze that just ended is measured) and
    /// summarises.
    pub async fn stop(self) -> FrameStats {
        self.stop_with_stamps().await.0
    }

    /// Like [`stop`](Self::stop), also giving each frame's time on the spans' clock
    /// (`web::clock::now_ms`), for the frame meter.
    pub async fn stop_with_stamps(self) -> (FrameStats, Vec<f64>) {
        super::clock::after_next_paint().await;
        if let Some(w) = web_sys::window() {
            let _ = w.cancel_animation_frame(self.pending.get());
        }
        // Nothing can call the closure now: break its reference cycle.
        self.callback.borrow_mut().take();
        let stamps = self.stamps.borrow();
        (summarize(&stamps), stamps.clone())
    }
}

/// Asks for the next frame and remembers the request.
fn request(callback: &FrameLoop, pending: &Cell<i32>) {
    if let (Some(w), Some(cb)) = (web_sys::window(), callback.borrow().as_ref()) {
        if let Ok(id) = w.request_animation_frame(cb.as_ref().unchecked_ref()) {
            pending.set(id);
        }
    }
}
