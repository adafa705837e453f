//! The replayable timeline under the mouse: Ctrl (or ⌘) + wheel, or a trackpad pinch, zooms
//! around the pointer; a drag pans a zoomed view; a sideways wheel (or Shift + wheel) pans too.
//! A plain wheel is left to the page, which scrolls on. The maths is the core's `Viewport`;
//! this file only turns browser events into its calls.

use yew::prelude::*;

use crate::chart::LinearScale;
use crate::timeline::viewport::Viewport;

/// The timeline's pointer handlers, for its `<svg>` (given `node` as its `ref`).
pub struct PointerZoom {
    pub node: NodeRef,
    pub on_wheel: Callback<WheelEvent>,
    pub on_down: Callback<PointerEvent>,
    pub on_move: Callback<PointerEvent>,
    pub on_up: Callback<PointerEvent>,
}

/// Where the pointer is in the drawing's own units (the `viewBox` is `width` wide), and how
/// many of those one screen pixel is. (Yew delegates events from its root, so an event's
/// `current_target` is not the drawing: the drawing is found by its ref.)
fn drawing_x(svg: &NodeRef, e: &MouseEvent, width: f64) -> Option<(f64, f64)> {
    let rect = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| {
        let k = width / rect.width();
        ((f64::from(e.client_x()) - rect.left()) * k, k)
    })
}

/// Handlers that zoom and pan `view` (drawn with `scale` across a `width`-wide drawing) and
/// store the result in `view_state`.
#[hook]
pub fn use_pointer_zoom(
    view: Viewport,
    view_state: UseStateHandle<Viewport>,
    scale: LinearScale,
    width: f64,
) -> PointerZoom {
    let node = use_node_ref();
    // The drag under way: the pointer, and its last position in screen pixels.
    let drag = use_mut_ref(|| None::<(i32, f64)>);
    let plot_px = scale.range.1 - scale.range.0;
    let on_wheel = {
        let (view_state, node) = (view_state.clone(), node.clone());
        Callback::from(move |e: WheelEvent| {
            let mut v = view;
            let sideways = e.shift_key() || e.delta_x().abs() > e.delta_y().abs();
            if e.ctrl_key() || e.meta_key() {
                let Some((x, _)) = drawing_x(&node, &e, width) else {
                    return;
                };
                v.wheel(e.delta_y(), scale.invert(x));
            } else if sideways && v.is_zoomed() {
                let dx = if e.shift_key() && e.delta_x() == 0.0 {
                    e.delta_y()
                } else {
                    e.delta_x()
                };
                let k = drawing_x(&node, &e, width).map_or(1.0, |(_, k)| k);
                v.drag(-dx * k, plot_px);
            } else {
                return;
            }
            e.prevent_default();
            view_state.set(v);
        })
    };
    let on_down = {
        let (drag, node) = (drag.clone(), node.clone());
        Callback::from(move |e: PointerEvent| {
            if !view.is_zoomed() || e.button() != 0 {
                return;
            }
            // Moves outside the drawing still pan until the button is released.
            if let Some(svg) = node.cast::<web_sys::Element>() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            *drag.borrow_mut() = Some((e.pointer_id(), f64::from(e.client_x())));
        })
    };
    let on_move = {
        let (drag, node) = (drag.clone(), node.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((id, last)) = *drag.borrow() else {
                return;
            };
            let x = f64::from(e.client_x());
            // Redraw only for a visible move: each redraw lays out every bar again.
            if id != e.pointer_id() || (x - last).abs() < 3.0 {
                return;
            }
            let k = drawing_x(&node, &e, width).map_or(1.0, |(_, k)| k);
            let mut v = view;
            v.drag((x - last) * k, plot_px);
            *drag.borrow_mut() = Some((id, x));
            view_state.set(v);
        })
    };
    let on_up = Callback::from(move |_: PointerEvent| {
        drag.borrow_mut().take();
    });
    PointerZoom {
        node,
        on_wheel,
        on_down,
        on_move,
        on_up,
    }
}
