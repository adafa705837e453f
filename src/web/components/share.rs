//! Copy the link that opens exactly the current demo.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;
use crate::web::address;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The current fragment: re-rendering on change keeps the shown link fresh.
    pub fragment: String,
    pub lang: Lang,
}

#[function_component(Share)]
pub fn share(props: &Props) -> Html {
    // None: not tried yet; Some(ok): the last copy's outcome.
    let copied = use_state(|| None::<bool>);
    {
        let copied = copied.clone();
        use_effect_with(props.fragment.clone(), move |_| copied.set(None));
    }
    let onclick = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            spawn_local(async move {
                copied.set(Some(address::copy_to_clipboard(&address::href()).await));
            });
        })
    };
    let status = match *copied {
        None => html! {},
        Some(true) => {
            html! { <span class="help" id="share-status" data-ok="true">{ Ui::Copied.get(props.lang) }</span> }
        }
        Some(false) => html! {
            <span class="help" id="share-status" data-ok="false">
                { Ui::CopyFailed.get(props.lang) }
            </span>
        },
    };
    html! {
        <div class="share" id="share" data-fragment={props.fragment.clone()}>
            <button id="copy-link" class="secondary" {onclick}>{ Ui::CopyLink.get(props.lang) }</button>
            { status }
        </div>
    }
}
