//! The replay's animation-frame loop: while the replay plays, each frame advances the model
//! (`timeline::replay::Replay`) by the frame's time and paints the playhead straight into the
//! drawing (`replay_draw::paint`), without re-rendering the bars. It stops itself when the
//! replay stops, and is cancelled when the timeline leaves the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use super::replay_draw::paint;
use crate::chart::LinearScale;
use crate::timeline::replay::Replay;

type FrameLoop = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;
/// The frame requested, and whether it is still to come.
type Pending = Rc<RefCell<(i32, bool)>>;

/// Returns what starts the loop (a no-op while a frame is already requested). `scale` and
/// `starts` are the drawing's current ones; `playing` learns when the replay stops by itself.
#[hook]
pub fn use_replay_loop(
    id: String,
    replay: Rc<RefCell<Replay>>,
    scale: Rc<RefCell<LinearScale>>,
    starts: Rc<RefCell<Vec<f64>>>,
    playing: UseStateSetter<bool>,
) -> Rc<dyn Fn()> {
    let frame_loop: FrameLoop = use_mut_ref(|| None);
    let pending: Pending = use_mut_ref(|| (0i32, false));
    // Leaving the page: no frame may call a dropped closure.
    {
        let (pending, frame_loop) = (pending.clone(), frame_loop.clone());
        use_effect_with((), move |_| {
            move || {
                let (req, active) = *pending.borrow();
                if active {
                    if let Some(w) = web_sys::window() {
                        let _ = w.cancel_animation_frame(req);
                    }
                }
                frame_loop.borrow_mut().take();
            }
        });
    }
    Rc::new(move || {
        if pending.borrow().1 {
            return;
        }
        if frame_loop.borrow().is_none() {
            let last = Rc::new(Cell::new(None::<f64>));
            let (fl, pend) = (frame_loop.clone(), pending.clone());
            let (id, replay, scale, starts, playing) = (
                id.clone(),
                replay.clone(),
                scale.clone(),
                starts.clone(),
                playing.clone(),
            );
            *frame_loop.borrow_mut() = Some(Closure::new(move |ts: f64| {
                pend.borrow_mut().1 = false;
                let dt = last.replace(Some(ts)).map_or(0.0, |l| ts - l);
                replay.borrow_mut().advance(dt);
                let r = *replay.borrow();
                paint(&id, &r, &scale.borrow(), &starts.borrow());
                if r.playing {
                    request(&fl, &pend);
                } else {
                    last.set(None);
                    playing.set(false);
                }
            }));
        }
        request(&frame_loop, &pending);
    })
}

/// Asks for the next frame and remembers the request (to cancel it when the view goes).
fn request(callback: &FrameLoop, pending: &Pending) {
    if let (Some(w), Some(cb)) = (web_sys::window(), callback.borrow().as_ref()) {
        if let Ok(req) = w.request_animation_frame(cb.as_ref().unchecked_ref()) {
            *pending.borrow_mut() = (req, true);
        }
    }
}
