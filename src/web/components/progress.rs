//! The run in progress: tasks done of total, elapsed time, and Cancel.

use yew::prelude::*;

use super::labels;
use crate::app_state::Running;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub running: Running,
    pub on_cancel: Callback<()>,
}

#[function_component(Progress)]
pub fn progress(props: &Props) -> Html {
    let r = &props.running;
    let elapsed = (r.now_ms - r.started_ms).max(0.0) / 1e3;
    html! {
        <div class="progress" id="progress" data-executor={r.executor.tag()} aria-live="polite">
            <span>{ format!("运行中 · Running: {}", labels::executor(r.executor.tag(), crate::link::Lang::Both)) }</span>
            <progress max={r.total.to_string()} value={r.done.to_string()}></progress>
            <span class="count">{ format!("{} / {} tasks · {elapsed:.1} s", r.done, r.total) }</span>
            if !r.executor.freezes_page() {
                <button id="cancel" onclick={props.on_cancel.reform(|_: MouseEvent| ())} disabled={r.cancelling}>
                    { if r.cancelling { "取消中… · Cancelling…" } else { "取消 · Cancel" } }
                </button>
            }
        </div>
    }
}
