//! Choose the workload.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::labels;
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;
use crate::workload::ALL;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub current: &'static str,
    pub on_select: Callback<&'static str>,
    pub disabled: bool,
    pub lang: Lang,
}

#[function_component(WorkloadPicker)]
pub fn workload_picker(props: &Props) -> Html {
    let onchange = props.on_select.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        ALL.iter()
            .find(|w| w.id == value)
            .map_or("primes", |w| w.id)
    });
    let list = crate::web::select::use_select_value(props.current);
    html! {
        <div class="picker">
            <label for="workload">{ Ui::Workload.get(props.lang) }</label>
            <select id="workload" ref={list} {onchange} disabled={props.disabled}>
                { for ALL.iter().map(|w| html! {
                    <option value={w.id} selected={w.id == props.current}>{ labels::workload(w.id, props.lang) }</option>
                }) }
            </select>
        </div>
    }
}
