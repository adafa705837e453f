//! The replay player: its controls (play / pause, speed, the playhead slider and time, zoom
//! and pan) and the callbacks that drive the replay model and repaint the playhead.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::replay_draw::paint;
use crate::chart::{format_duration, LinearScale};
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::timeline::replay::{Replay, SPEEDS};
use crate::web::export::reduced_motion;

/// What the replay controls show and do.
pub(super) struct Controls {
    pub(super) id: String,
    pub(super) lang: Lang,
    pub(super) playing: bool,
    pub(super) speed: f64,
    /// The speed list, whose shown choice follows `speed` (`web::select`).
    pub(super) speed_list: NodeRef,
    pub(super) total: f64,
    pub(super) t_ms: f64,
    pub(super) zoomed: bool,
    pub(super) toggle: Callback<()>,
    pub(super) on_speed: Callback<Event>,
    pub(super) on_slider: Callback<InputEvent>,
    pub(super) zoom: Callback<f64>,
    pub(super) pan: Callback<f64>,
    pub(super) reset: Callback<MouseEvent>,
}

/// Play / pause, speed, the playhead slider and time, zoom and pan.
pub(super) fn controls(c: &Controls) -> Html {
    let (id, lang) = (&c.id, c.lang);
    html! {
        <div class="replay-controls" role="group" aria-label={T::Playhead.get(lang)}>
            <button id={format!("{id}-play")} class="play" aria-pressed={c.playing.to_string()}
                onclick={c.toggle.reform(|_: MouseEvent| ())} disabled={c.total <= 0.0}>
                { if c.playing { T::Pause.get(lang) } else { T::Play.get(lang) } }
            </button>
            <label>
                { T::Speed.get(lang) } { " " }
                <select id={format!("{id}-speed")} ref={c.speed_list.clone()} onchange={c.on_speed.clone()} title={T::SpeedHelp.get(lang)}>
                    { for SPEEDS.iter().map(|&s| html! {
                        <option value={s.to_string()} selected={s == c.speed}>{ format!("{s}×") }</option>
                    }) }
                </select>
            </label>
            <input type="range" id={format!("{id}-slider")} class="playhead-slider" aria-label={T::Playhead.get(lang)}
                min="0" max={format!("{:.3}", c.total)} step="any" value={format!("{:.3}", c.t_ms)} oninput={c.on_slider.clone()} />
            <output id={format!("{id}-time")} class="replay-time">{ format!("{} / {}", format_duration(c.t_ms), format_duration(c.total)) }</output>
            <span class="zoom">
                <button class="secondary" id={format!("{id}-zoom-in")} onclick={c.zoom.reform(|_: MouseEvent| 2.0)} aria-label={T::ZoomIn.get(lang)} title={T::ZoomIn.get(lang)}>{ "+" }</button>
                <button class="secondary" id={format!("{id}-zoom-out")} onclick={c.zoom.reform(|_: MouseEvent| 0.5)} disabled={!c.zoomed} aria-label={T::ZoomOut.get(lang)} title={T::ZoomOut.get(lang)}>{ "−" }</button>
                <button class="secondary" id={format!("{id}-pan-left")} onclick={c.pan.reform(|_: MouseEvent| -0.25)} disabled={!c.zoomed} aria-label={T::PanLeft.get(lang)} title={T::PanLeft.get(lang)}>{ "←" }</button>
                <button class="secondary" id={format!("{id}-pan-right")} onclick={c.pan.reform(|_: MouseEvent| 0.25)} disabled={!c.zoomed} aria-label={T::PanRight.get(lang)} title={T::PanRight.get(lang)}>{ "→" }</button>
                <button class="secondary" id={format!("{id}-zoom-reset")} onclick={c.reset.clone()} disabled={!c.zoomed}>{ T::ZoomReset.get(lang) }</button>
            </span>
        </div>
    }
}

/// What the player draws with: the timeline's id, the replay model, and the drawing's scale and
/// bar starts (shared with the frame loop).
#[derive(Clone)]
pub(super) struct Drawing {
    pub(super) id: String,
    pub(super) replay: Rc<RefCell<Replay>>,
    pub(super) scale: Rc<RefCell<LinearScale>>,
    pub(super) starts: Rc<RefCell<Vec<f64>>>,
}

impl Drawing {
    /// Shows the playhead where the model has it.
    pub(super) fn paint(&self) {
        paint(
            &self.id,
            &self.replay.borrow(),
            &self.scale.borrow(),
            &self.starts.borrow(),
        );
    }
}

/// The player's callbacks: play / pause, speed, seeking to a time and from the slider.
pub(super) struct Player {
    pub(super) toggle: Callback<()>,
    pub(super) on_speed: Callback<Event>,
    pub(super) seek: Callback<f64>,
    pub(super) on_slider: Callback<InputEvent>,
}

pub(super) fn player(
    d: &Drawing,
    playing: &UseStateHandle<bool>,
    speed: &UseStateHandle<f64>,
    start_loop: Rc<dyn Fn()>,
) -> Player {
    let toggle = {
        let (d, playing) = (d.clone(), playing.clone());
        Callback::from(move |_: ()| {
            d.replay.borrow_mut().toggle(reduced_motion());
            d.paint();
            let now = d.replay.borrow().playing;
            playing.set(now);
            if now {
                start_loop();
            }
        })
    };
    let on_speed = {
        let (replay, speed) = (d.replay.clone(), speed.clone());
        Callback::from(move |e: Event| {
            if let Some(v) = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse::<f64>().ok())
            {
                replay.borrow_mut().set_speed(v);
                speed.set(replay.borrow().speed);
            }
        })
    };
    let seek = {
        let d = d.clone();
        Callback::from(move |t: f64| {
            d.replay.borrow_mut().seek(t);
            d.paint();
        })
    };
    let on_slider = {
        let seek = seek.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|s| s.value().parse::<f64>().ok())
            {
                seek.emit(v);
            }
        })
    };
    Player {
        toggle,
        on_speed,
        seek,
        on_slider,
    }
}
