//! Asks before a run that would freeze the page for seconds.

use yew::prelude::*;

use crate::executor::Executor;
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub executor: Executor,
    pub estimate_ms: f64,
    pub on_confirm: Callback<Executor>,
    pub on_dismiss: Callback<()>,
    pub lang: Lang,
}

#[function_component(Confirm)]
pub fn confirm(props: &Props) -> Html {
    let executor = props.executor;
    let secs = props.estimate_ms / 1e3;
    html! {
        <div class="notice warn confirm" id="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
                { Ui::ConfirmText.fill(props.lang, &[&format!("{secs:.0}")]) }
            </p>
            <button id="confirm-run" onclick={props.on_confirm.reform(move |_: MouseEvent| executor)}>
                { Ui::ConfirmRun.get(props.lang) }
            </button>
            { " " }
            <button id="confirm-dismiss" class="secondary" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
                { Ui::ConfirmDismiss.get(props.lang) }
            </button>
        </div>
    }
}
