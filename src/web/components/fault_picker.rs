//! Inject a fault into the next runs: one task raises an error, or panics.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::fault::Fault;
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;

/// The task the fault hits: the second, so the first can finish and show what is kept.
const TARGET: u32 = 1;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub fault: Fault,
    pub on_change: Callback<Fault>,
    pub disabled: bool,
    pub lang: Lang,
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
    let option = |fault: Fault, text: Ui| {
        html! { <option value={fault.tag()} selected={props.fault.tag() == fault.tag()}>{ text.get(props.lang) }</option> }
    };
    let list = crate::web::select::use_select_value(props.fault.tag());
    html! {
        <div class="field">
            <label for="fault">{ Ui::Fault.get(props.lang) }</label>
            <select id="fault" ref={list} {onchange} disabled={props.disabled}>
                { option(Fault::None, Ui::FaultNone) }
                { option(Fault::Error(TARGET), Ui::FaultError) }
                { option(Fault::Panic(TARGET), Ui::FaultPanic) }
            </select>
            if matches!(props.fault, Fault::Panic(_)) {
                <p class="notice warn" id="panic-note">
                    { Ui::PanicNote.get(props.lang) }
                </p>
            }
        </div>
    }
}
