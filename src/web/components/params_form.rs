//! The workload's parameters: one box each, with bounds and a notice when a value was changed.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::labels;
use crate::app_state::Input;
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;
use crate::param::{Param, Parsed, Values};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub params: &'static [Param],
    pub values: Values,
    pub inputs: BTreeMap<&'static str, Input>,
    pub on_edit: Callback<(&'static str, String)>,
    pub disabled: bool,
    pub lang: Lang,
}

#[function_component(ParamsForm)]
pub fn params_form(props: &Props) -> Html {
    html! {
        <div class="params">
            { for props.params.iter().map(|p| field(p, props)) }
        </div>
    }
}

fn field(param: &'static Param, props: &Props) -> Html {
    let name = param.name;
    // DOM event → typed value at the edge: the rest of the app only sees (name, text).
    let oninput = props
        .on_edit
        .reform(move |e: InputEvent| (name, e.target_unchecked_into::<HtmlInputElement>().value()));
    let input = props.inputs.get(name);
    let value = props.values.get(param);
    let text = input.map_or_else(|| props.values.get(param).to_string(), |i| i.text.clone());
    let Param { min, max, .. } = *param;
    let notice = input.and_then(|i| match i.parsed {
        Parsed::Exact(_) => None,
        Parsed::Clamped(v) => Some(Ui::OutOfRange.fill(props.lang, &[&min, &max, &v])),
        Parsed::Invalid(v) => Some(Ui::NotANumber.fill(props.lang, &[&v])),
    });
    let id = format!("param-{name}");
    html! {
        <div class="field">
            <label for={id.clone()}>{ labels::param(name, props.lang) }</label>
            <input id={id.clone()} type="text" inputmode="numeric" autocomplete="off"
                value={text} {oninput} disabled={props.disabled}
                aria-describedby={format!("{id}-help")} />
            <span class="stepper">
                <button type="button" class="secondary" data-role="nudge-down" aria-label={format!("{name} −")}
                    disabled={props.disabled || value <= min}
                    onclick={props.on_edit.reform(move |_: MouseEvent| (name, param.nudge(value, false).to_string()))}>{ "−" }</button>
                <button type="button" class="secondary" data-role="nudge-up" aria-label={format!("{name} +")}
                    disabled={props.disabled || value >= max}
                    onclick={props.on_edit.reform(move |_: MouseEvent| (name, param.nudge(value, true).to_string()))}>{ "+" }</button>
            </span>
            <span id={format!("{id}-help")} class="help">{ format!("{min} – {max}") }</span>
            if let Some(text) = notice {
                <p class="notice warn" id={format!("{id}-notice")} role="status">{ text }</p>
            }
        </div>
    }
}
