//! The timeline of the run in progress: bars appear as the lanes hand their spans over (every
//! ~30 ms, see `engine::recorder`). It polls the run's log without ever waiting on it
//! (`try_spans_since`). Each redraw's script is timed, and the next poll waits at least 40
//! times as long (and at least 500 ms), so that part takes at most ~2.5% of the main thread —
//! which matters most when the run itself is on the main thread (cooperative async). What a
//! redraw costs is kept small by the drawing itself: see `replay`'s live mode.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::replay::{ReplayTimeline, RunView};
use crate::engine::{Recorder, RunEnd, RunOutput, Span};
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::clock::{now_ms, sleep_ms};

/// The run's log, compared by identity.
#[derive(Clone)]
pub struct Live(pub Arc<Recorder>);

impl PartialEq for Live {
    fn eq(&self, o: &Live) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub live: Live,
    pub title: String,
    pub lang: Lang,
    /// The run is on process workers, whose spans arrive with each batch's reply.
    #[prop_or_default]
    pub by_batch: bool,
}

/// Reads the run's recorder every `pause_ms()` (asked again before each pause) with `read`,
/// from a timer on the page's event loop, until `live` changes or the component goes. Never
/// waits on the recorder; with no run (`None`) it does nothing.
#[hook]
pub fn use_recorder_poll(
    live: Option<Live>,
    pause_ms: impl Fn() -> f64 + 'static,
    read: impl FnMut(&Recorder) + 'static,
) {
    use_effect_with(live, move |live| {
        let stop = Rc::new(Cell::new(false));
        if let Some(Live(recorder)) = live.clone() {
            let stopped = stop.clone();
            spawn_local(async move {
                let mut read = read;
                while !stopped.get() {
                    sleep_ms(pause_ms()).await;
                    if !stopped.get() {
                        read(&recorder);
                    }
                }
            });
        }
        move || stop.set(true)
    });
}

/// The pause between two polls: at least 500 ms, and 40 times the last redraw's cost.
fn poll_ms(last_draw_ms: f64) -> f64 {
    (40.0 * last_draw_ms).clamp(500.0, 5_000.0)
}

#[function_component(LiveTimeline)]
pub fn live_timeline(props: &Props) -> Html {
    let output = use_state(|| {
        Rc::new(RunOutput {
            answer: Default::default(),
            end: RunEnd::Completed,
            wall_ms: 0.0,
            spans: Vec::new(),
            completion_order: Vec::new(),
            outcomes: Vec::new(),
        })
    });
    // When the last new spans were handed to the drawing, and what drawing them cost.
    let set_at = use_mut_ref(|| None::<f64>);
    let cost = use_mut_ref(|| 0.0_f64);
    {
        let (set_at, cost) = (set_at.clone(), cost.clone());
        use_effect(move || {
            if let Some(t) = set_at.borrow_mut().take() {
                *cost.borrow_mut() = now_ms() - t;
            }
        });
    }
    {
        let output = output.setter();
        let set_at = set_at.clone();
        let mut spans: Vec<Span> = Vec::new();
        use_recorder_poll(
            Some(props.live.clone()),
            move || poll_ms(*cost.borrow()),
            move |recorder| {
                let Some(new) = recorder.try_spans_since(spans.len()) else {
                    return;
                };
                if new.is_empty() {
                    return;
                }
                spans.extend(new);
                *set_at.borrow_mut() = Some(now_ms());
                output.set(Rc::new(RunOutput {
                    answer: Default::default(),
                    end: RunEnd::Completed,
                    wall_ms: 0.0,
                    spans: spans.clone(),
                    completion_order: Vec::new(),
                    outcomes: Vec::new(),
                }));
            },
        );
    }
    let runs = vec![RunView {
        key: "live",
        title: props.title.clone(),
        output: (*output).clone(),
        switch_ms: crate::engine::gil::SWITCH_INTERVAL_MS,
        frames: Rc::default(),
    }];
    html! {
        <div class="live-timeline" id="live-timeline" data-spans={output.spans.len().to_string()}>
            <h4>{ T::LiveTimeline.get(props.lang) }</h4>
            if props.by_batch {
                <p class="help" id="live-by-batch">{ T::LiveByBatch.get(props.lang) }</p>
            }
            <ReplayTimeline id="live" runs={runs} lang={props.lang} live=true />
        </div>
    }
}
