//! The timeline of the run in progress: bars appear as the lanes hand their spans over (every
//! ~30 ms, see `engine::recorder`). It polls the run's log without ever waiting on it
//! (`try_spans_since`), and polls less often as the run grows, so drawing stays a small
//! fraction of the page's time.

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
use crate::web::clock::sleep_ms;

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
}

/// The pause between two polls: 250 ms, plus 1 ms per 100 spans already drawn (a 100k-span
/// run redraws once a second).
fn poll_ms(spans: usize) -> f64 {
    250.0 + spans as f64 / 100.0
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
    {
        let output = output.setter();
        use_effect_with(props.live.clone(), move |live| {
            let stop = Rc::new(Cell::new(false));
            let recorder = live.0.clone();
            let stopped = stop.clone();
            spawn_local(async move {
                let mut spans: Vec<Span> = Vec::new();
                while !stopped.get() {
                    sleep_ms(poll_ms(spans.len())).await;
                    if stopped.get() {
                        break;
                    }
                    let Some(new) = recorder.try_spans_since(spans.len()) else {
                        continue;
                    };
                    if new.is_empty() {
                        continue;
                    }
                    spans.extend(new);
                    output.set(Rc::new(RunOutput {
                        answer: Default::default(),
                        end: RunEnd::Completed,
                        wall_ms: 0.0,
                        spans: spans.clone(),
                        completion_order: Vec::new(),
                        outcomes: Vec::new(),
                    }));
                }
            });
            move || stop.set(true)
        });
    }
    let runs = vec![RunView {
        key: "live",
        title: props.title.clone(),
        output: (*output).clone(),
        frames: Rc::default(),
    }];
    html! {
        <div class="live-timeline" id="live-timeline" data-spans={output.spans.len().to_string()}>
            <h4>{ T::LiveTimeline.get(props.lang) }</h4>
            <ReplayTimeline id="live" runs={runs} lang={props.lang} live=true />
        </div>
    }
}
