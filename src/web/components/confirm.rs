//! Asks before a run that would freeze the page for seconds.

use yew::prelude::*;

use crate::executor::Executor;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub executor: Executor,
    pub estimate_ms: f64,
    pub on_confirm: Callback<Executor>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Confirm)]
pub fn confirm(props: &Props) -> Html {
    let executor = props.executor;
    let secs = props.estimate_ms / 1e3;
    html! {
        <div class="notice warn confirm" id="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
                { format!("这次运行会让页面卡住大约 {secs:.0} 秒：期间无法点击、滚动或取消。要继续吗？") }
                <br/>
                <span class="en">{ format!("This run will freeze the page for about {secs:.0} s: no clicks, scrolling or cancelling until it ends. Run it anyway?") }</span>
            </p>
            <button id="confirm-run" onclick={props.on_confirm.reform(move |_: MouseEvent| executor)}>
                { "仍然运行 · Run anyway" }
            </button>
            { " " }
            <button id="confirm-dismiss" class="secondary" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
                { "不了 · Don't" }
            </button>
        </div>
    }
}
