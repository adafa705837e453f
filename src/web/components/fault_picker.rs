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
        </div>
    }
}
