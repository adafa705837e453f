//! Inject a fault into the next runs: one task raises an error, or panics.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::fault::Fault;

/// The task the fault hits: the second, so the first can finish and show what is kept.
const TARGET: u32 = 1;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub fault: Fault,
    pub on_change: Callback<Fault>,
    pub disabled: bool,
}

#[function_component(FaultPicker)]
pub fn fault_picker(props: &Props) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        match e
            .target_unchecked_into::<HtmlSelectElement>()
            .value()
            .as_str()
        {
            "error" => Fault::Error(TARGET),
            "panic" => Fault::Panic(TARGET),
            _ => Fault::None,
        }
    });
    let option = |fault: Fault, text: &'static str| {
        html! { <option value={fault.tag()} selected={props.fault.tag() == fault.tag()}>{ text }</option> }
    };
    html! {
        <div class="field">
            <label for="fault">{ "故障注入 · Fault" }</label>
            <select id="fault" {onchange} disabled={props.disabled}>
                { option(Fault::None, "无 · none") }
                { option(Fault::Error(TARGET), "任务 1 抛出错误 · task 1 raises an error") }
                { option(Fault::Panic(TARGET), "任务 1 崩溃（panic）· task 1 panics") }
            </select>
            if matches!(props.fault, Fault::Panic(_)) {
                <p class="notice warn" id="panic-note">
                    { "崩溃只在线程池上演示：在页面自己的线程上，Rust 的 panic 会让整个页面停止运行（这个 WebAssembly 版本无法展开栈）。 · Panics run on the pool executors only: on the page's own thread a Rust panic would stop the whole page (this WebAssembly build cannot unwind)." }
                </p>
            }
        </div>
    }
}
