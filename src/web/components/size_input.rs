//! The workload-size box: text in, and a notice when the text was clamped or not a number.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::param::{Param, Parsed};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub param: Param,
    pub text: String,
    pub parsed: Parsed,
    pub on_change: Callback<String>,
}

#[function_component(SizeInput)]
pub fn size_input(props: &Props) -> Html {
    // DOM event → typed value at the edge: the rest of the app only sees the text.
    let oninput = props
        .on_change
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let Param { min, max, .. } = props.param;
    let notice = match props.parsed {
        Parsed::Exact(_) => None,
        Parsed::Clamped(v) => Some(format!(
            "超出范围，改用 {v} · Out of range ({min}–{max}): using {v}"
        )),
        Parsed::Invalid(v) => Some(format!("不是数字，改用 {v} · Not a number: using {v}")),
    };
    html! {
        <div class="size-input">
            <label for="limit">{ "N（上限 · upper bound）" }</label>
            <input id="limit" type="text" inputmode="numeric" autocomplete="off"
                value={props.text.clone()} {oninput}
                aria-describedby="limit-help" />
            <span id="limit-help" class="help">{ format!("{min} – {max}") }</span>
            if let Some(text) = notice {
                <p class="notice warn" id="limit-notice" role="status">{ text }</p>
            }
        </div>
    }
}
