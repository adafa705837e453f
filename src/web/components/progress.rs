//! The run in progress: tasks done of total, elapsed time, Cancel, and the live timeline.
//!
//! The bar reads the run's recorder on its own timer and keeps what it read in its own state:
//! only this component re-renders while the run goes on. (Going through the page's state
//! would re-render the whole page at every reading, taking CPU from workers that may be using
//! every core.)

use yew::prelude::*;

use super::labels;
use super::live_timeline::{use_recorder_poll, Live, LiveTimeline};
use crate::app_state::Running;
use crate::i18n::results::RunText;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::clock::now_ms;

/// Runs shorter than this get no progress bar (it would only flash).
const SHOW_AFTER_MS: f64 = 300.0;
/// How often the bar reads the recorder.
const READ_EVERY_MS: f64 = 500.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub running: Running,
    pub on_cancel: Callback<()>,
    /// The run's log: its progress, and the live timeline. None while the page is frozen by
    /// a synchronous run (nothing could be shown).
    #[prop_or_default]
    pub live: Option<Live>,
    #[prop_or_default]
    pub lang: Lang,
}

/// What the bar last read: tasks done, and when.
#[derive(Clone, Copy, PartialEq)]
struct Reading {
    done: u32,
    at_ms: f64,
}

#[function_component(Progress)]
pub fn progress(props: &Props) -> Html {
    let r = &props.running;
    let reading = use_state(|| Reading {
        done: 0,
        at_ms: r.started_ms,
    });
    {
        let reading = reading.setter();
        use_recorder_poll(
            props.live.clone(),
            || READ_EVERY_MS,
            move |recorder| {
                reading.set(Reading {
                    done: recorder.progress().0,
                    at_ms: now_ms(),
                })
            },
        );
    }
    // A reading from before this run started belongs to the run before it.
    let (done, elapsed_ms) = if reading.at_ms >= r.started_ms {
        (reading.done.min(r.total), reading.at_ms - r.started_ms)
    } else {
        (0, 0.0)
    };
    let elapsed = elapsed_ms / 1e3;
    html! {
        <>
            <div class="progress" id="progress" data-executor={r.executor.tag()} aria-live="polite"
                data-shown={(elapsed_ms >= SHOW_AFTER_MS).to_string()}
                data-done={done.to_string()} data-total={r.total.to_string()}>
                <span>{ RunText::Running.fill(props.lang, &[&labels::executor(r.executor.tag(), props.lang)]) }</span>
                <progress max={r.total.to_string()} value={done.to_string()}
                    hidden={elapsed_ms < SHOW_AFTER_MS}></progress>
                <span class="count">{ RunText::Count.fill(props.lang, &[&done, &r.total, &format!("{elapsed:.1}")]) }</span>
                if !r.executor.freezes_page() {
                    <button id="cancel" onclick={props.on_cancel.reform(|_: MouseEvent| ())} disabled={r.cancelling}>
                        { if r.cancelling { RunText::Cancelling.get(props.lang) } else { RunText::Cancel.get(props.lang) } }
                    </button>
                }
            </div>
            if let Some(live) = props.live.clone() {
                <LiveTimeline {live} title={labels::executor(r.executor.tag(), props.lang).to_string()}
                    lang={props.lang} by_batch={r.executor.is_process()} />
            }
        </>
    }
}
