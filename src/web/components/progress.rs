//! The run in progress: tasks done of total, elapsed time, Cancel, and the live timeline.

use yew::prelude::*;

use super::labels;
use super::live_timeline::{Live, LiveTimeline};
use crate::app_state::Running;
use crate::i18n::results::RunText;
use crate::i18n::Texts;
use crate::link::Lang;

/// Runs shorter than this get no progress bar (it would only flash).
const SHOW_AFTER_MS: f64 = 300.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub running: Running,
    pub on_cancel: Callback<()>,
    /// The run's log, for the live timeline.
    #[prop_or_default]
    pub live: Option<Live>,
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(Progress)]
pub fn progress(props: &Props) -> Html {
    let r = &props.running;
    let elapsed_ms = (r.now_ms - r.started_ms).max(0.0);
    let elapsed = elapsed_ms / 1e3;
    html! {
        <>
            <div class="progress" id="progress" data-executor={r.executor.tag()} aria-live="polite"
                data-shown={(elapsed_ms >= SHOW_AFTER_MS).to_string()}>
                <span>{ RunText::Running.fill(props.lang, &[&labels::executor(r.executor.tag(), props.lang)]) }</span>
                <progress max={r.total.to_string()} value={r.done.to_string()}
                    hidden={elapsed_ms < SHOW_AFTER_MS}></progress>
                <span class="count">{ RunText::Count.fill(props.lang, &[&r.done, &r.total, &format!("{elapsed:.1}")]) }</span>
                if !r.executor.freezes_page() {
                    <button id="cancel" onclick={props.on_cancel.reform(|_: MouseEvent| ())} disabled={r.cancelling}>
                        { if r.cancelling { RunText::Cancelling.get(props.lang) } else { RunText::Cancel.get(props.lang) } }
                    </button>
                }
            </div>
            if let Some(live) = props.live.clone() {
                <LiveTimeline {live} title={labels::executor(r.executor.tag(), props.lang).to_string()} lang={props.lang} />
            }
        </>
    }
}
