//! The replayable timeline: one or more runs stacked on one shared time axis (each with its
//! lanes and, once it is over, its frame meter), replay controls, zoom and pan, bar details on
//! hover or focus, a legend, and SVG/PNG export.
//!
//! Replay never re-renders the bars: they are drawn once per layout, and each animation frame
//! only moves a clip rectangle and the playhead (direct attribute writes), so a 10,000-span run
//! replays as cheaply as a small one. The state (`Replay`, `Viewport`) is pure core.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

use yew::prelude::*;

use super::export_buttons::ExportButtons;
pub use super::replay_draw::RunView;
use super::replay_draw::{draw, total_ms, Drawn};
use super::replay_loop::use_replay_loop;
use super::replay_player::{controls, player, Controls, Drawing, Player};
use super::replay_pointer::use_pointer_zoom;
use super::timeline::{self, AXIS_H};
use crate::chart::format_duration;
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::timeline::legend::legend_kinds;
use crate::timeline::replay::Replay;
use crate::timeline::viewport::{live_total_ms, Viewport};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Unique in the page: element ids and pattern ids derive from it.
    pub id: AttrValue,
    pub runs: Vec<RunView>,
    pub lang: Lang,
    #[prop_or(880.0)]
    pub width: f64,
    /// A run in progress: no replay controls, the whole run so far.
    #[prop_or_default]
    pub live: bool,
}

/// Zoom (about the playhead when it is in view), pan, and back to the whole run.
fn view_controls(
    view: Viewport,
    view_state: &UseStateHandle<Viewport>,
    replay: &Rc<RefCell<Replay>>,
    total: f64,
) -> (Callback<f64>, Callback<f64>, Callback<MouseEvent>) {
    let zoom = {
        let (view_state, replay) = (view_state.clone(), replay.clone());
        Callback::from(move |factor: f64| {
            let mut v = view;
            let t = replay.borrow().t_ms;
            let anchor = if t > v.start_ms && t < v.end_ms {
                t
            } else {
                (v.start_ms + v.end_ms) / 2.0
            };
            v.zoom(factor, anchor);
            view_state.set(v);
        })
    };
    let pan = {
        let view_state = view_state.clone();
        Callback::from(move |fraction: f64| {
            let mut v = view;
            v.pan(fraction * v.width());
            view_state.set(v);
        })
    };
    let reset = {
        let view_state = view_state.clone();
        Callback::from(move |_: MouseEvent| view_state.set(Viewport::new(total)))
    };
    (zoom, pan, reset)
}

/// Space or K plays and pauses; ← → move the playhead (with Shift: pan); + − zoom; Home, End.
fn keys(
    toggle: &Callback<()>,
    zoom: &Callback<f64>,
    pan: &Callback<f64>,
    seek: &Callback<f64>,
    replay: &Rc<RefCell<Replay>>,
    view: Viewport,
    total: f64,
) -> Callback<KeyboardEvent> {
    let (toggle, zoom, pan, seek, replay) = (
        toggle.clone(),
        zoom.clone(),
        pan.clone(),
        seek.clone(),
        replay.clone(),
    );
    Callback::from(move |e: KeyboardEvent| {
        let t = replay.borrow().t_ms;
        let step = view.width() / 50.0;
        match (e.key().as_str(), e.shift_key()) {
            (" " | "k", _) => toggle.emit(()),
            ("ArrowLeft", true) => pan.emit(-0.25),
            ("ArrowRight", true) => pan.emit(0.25),
            ("ArrowLeft", false) => seek.emit(t - step),
            ("ArrowRight", false) => seek.emit(t + step),
            ("+" | "=", _) => zoom.emit(2.0),
            ("-" | "_", _) => zoom.emit(0.5),
            ("Home", _) => seek.emit(0.0),
            ("End", _) => seek.emit(total),
            _ => return,
        }
        e.prevent_default();
    })
}

/// Hover or focus on a bar: its details in the readout below (no re-render of the bars).
fn detail_handlers(id: &str) -> (Callback<MouseEvent>, Callback<FocusEvent>) {
    let id = id.to_string();
    let show = move |target: Option<web_sys::EventTarget>| {
        let bar = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".span").ok().flatten());
        if let (Some(bar), Some(doc)) = (bar, web_sys::window().and_then(|w| w.document())) {
            if let (Some(text), Some(out)) = (
                bar.get_attribute("aria-label"),
                doc.get_element_by_id(&format!("{id}-detail")),
            ) {
                out.set_text_content(Some(&text));
            }
        }
    };
    let over = show.clone();
    (
        Callback::from(move |e: MouseEvent| over(e.target())),
        Callback::from(move |e: FocusEvent| show(e.target())),
    )
}

/// The time axis the runs are drawn on: the whole run (`total`), the part in view, and where
/// the replay is. A run in progress is drawn on an axis that grows in steps (`live_total_ms`).
struct Axis {
    total: f64,
    view: Viewport,
    view_state: UseStateHandle<Viewport>,
    replay: Rc<RefCell<Replay>>,
}

#[hook]
fn use_axis(runs: &[RunView], live: bool) -> Axis {
    let total = match total_ms(runs) {
        t if live => live_total_ms(t),
        t => t,
    };
    let view_state = use_state(|| Viewport::new(total));
    let view = if view_state.total_ms == total {
        *view_state
    } else {
        Viewport::new(total)
    };
    let replay = use_mut_ref(|| Replay::new(total));
    if replay.borrow().end_ms != total {
        replay.borrow_mut().set_end(total);
    }
    Axis {
        total,
        view,
        view_state,
        replay,
    }
}

/// The bars, drawn once per layout, and the handles the frame loop paints the playhead
/// through; after every render the drawing shows the playhead where the model has it.
#[hook]
fn use_drawing(props: &Props, axis: &Axis, width: f64) -> (Rc<Drawn>, Drawing) {
    let id = props.id.to_string();
    let view = axis.view;
    let drawn = {
        let id = id.clone();
        use_memo(
            (
                props.runs.clone(),
                view.start_ms.to_bits(),
                view.end_ms.to_bits(),
                width.to_bits(),
                props.lang,
                props.live,
            ),
            move |(runs, _, _, _, lang, live)| draw(&id, runs, &view, width, *lang, *live),
        )
    };
    let scale = use_mut_ref(|| drawn.scale);
    *scale.borrow_mut() = drawn.scale;
    let starts = use_mut_ref(Vec::new);
    *starts.borrow_mut() = drawn.starts.clone();
    let drawing = Drawing {
        id,
        replay: axis.replay.clone(),
        scale,
        starts,
    };
    {
        let drawing = drawing.clone();
        use_effect(move || drawing.paint());
    }
    (drawn, drawing)
}

/// The width to draw at: at least 320, 880 when the given one is not a number.
fn drawn_width(width: f64) -> f64 {
    if width.is_finite() {
        width.max(320.0)
    } else {
        880.0
    }
}

/// The file name exports get: `timeline-main-pool`.
fn export_name(runs: &[RunView]) -> String {
    let keys: Vec<&str> = runs.iter().map(|r| r.key).collect();
    format!("timeline-{}", keys.join("-"))
}

#[function_component(ReplayTimeline)]
pub fn replay_timeline(props: &Props) -> Html {
    let (id, lang) = (props.id.to_string(), props.lang);
    let width = drawn_width(props.width);
    let axis = use_axis(&props.runs, props.live);
    let (view, total, replay) = (axis.view, axis.total, axis.replay.clone());
    let playing = use_state(|| false);
    let speed = use_state(|| 1.0);
    let speed_list = crate::web::select::use_select_value(&speed.to_string());
    let (drawn, drawing) = use_drawing(props, &axis, width);
    let start_loop = use_replay_loop(
        id.clone(),
        replay.clone(),
        drawing.scale.clone(),
        drawing.starts.clone(),
        playing.setter(),
    );
    let Player {
        toggle,
        on_speed,
        seek,
        on_slider,
    } = player(&drawing, &playing, &speed, start_loop);
    let (zoom, pan, reset) = view_controls(view, &axis.view_state, &replay, total);
    let on_key = keys(&toggle, &zoom, &pan, &seek, &replay, view, total);
    let (on_over, on_focus) = detail_handlers(&id);
    let pointer = use_pointer_zoom(view, axis.view_state.clone(), drawn.scale, width);

    let d = &*drawn;
    let height = d.height;
    let (x0, x1) = d.scale.range;
    let r = *replay.borrow();
    let clip_w = (d.scale.map(r.t_ms).clamp(x0, x1) - x0).max(0.0);
    let aria = T::Aria.fill(
        lang,
        &[&props.runs.len(), &d.starts.len(), &format_duration(total)],
    );
    let svg_id = format!("{id}-svg");
    html! {
        <figure class="timeline-figure replay" id={id.clone()} data-live={props.live.to_string()}>
            if !props.live {
                { controls(&Controls {
                    id: id.clone(), lang, playing: *playing, speed: *speed, speed_list, total, t_ms: r.t_ms,
                    zoomed: view.is_zoomed(), toggle: toggle.clone(), on_speed, on_slider,
                    zoom: zoom.clone(), pan: pan.clone(), reset,
                }) }
            }
            <svg class={classes!("timeline", view.is_zoomed().then_some("zoomed"))} id={svg_id.clone()} role="img" aria-label={aria} tabindex="0"
                width={width.to_string()} height={height.to_string()}
                viewBox={format!("0 0 {width} {height}")}
                data-total={format!("{total:.3}")} data-window={format!("{:.3} {:.3}", view.start_ms, view.end_ms)}
                data-bars={d.starts.len().to_string()} data-runs={props.runs.len().to_string()}
                ref={pointer.node} onkeydown={on_key} onmouseover={on_over} onfocusin={on_focus}
                onwheel={pointer.on_wheel} onpointerdown={pointer.on_down} onpointermove={pointer.on_move}
                onpointerup={pointer.on_up.clone()} onpointercancel={pointer.on_up}>
                <defs>
                    { timeline::patterns(&id) }
                    <clipPath id={format!("{id}-clip")}>
                        <rect id={format!("{id}-cliprect")} x={x0.to_string()} y="0" width={format!("{clip_w:.2}")} height={height.to_string()} />
                    </clipPath>
                </defs>
                { d.html.clone() }
                if !props.live {
                    <line class="playhead" id={format!("{id}-playhead")} x1={format!("{:.2}", x0 + clip_w)} x2={format!("{:.2}", x0 + clip_w)}
                        y1={(AXIS_H - 6.0).to_string()} y2={height.to_string()} />
                }
            </svg>
            if !props.live {
                <p class="bar-detail help" id={format!("{id}-detail")} aria-live="polite">{ T::HoverHelp.get(lang) }</p>
                <p class="help keys">{ T::KeysHelp.get(lang) }</p>
            }
            { timeline::legend(&id, lang, &legend_kinds(props.runs.iter().flat_map(|r| r.output.spans.iter())), d.merged) }
            if !props.live {
                <ExportButtons svg_id={svg_id} name={export_name(&props.runs)} lang={lang} />
            }
        </figure>
    }
}
