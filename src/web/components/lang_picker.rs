//! 中文, English, or both side by side.

use yew::prelude::*;

use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[function_component(LangPicker)]
pub fn lang_picker(props: &Props) -> Html {
    let button = |lang: Lang, text: &'static str| {
        html! {
            <button class={classes!("lang", (props.lang == lang).then_some("active"))}
                id={format!("lang-{}", lang.tag())} aria-pressed={(props.lang == lang).to_string()}
                onclick={props.on_change.reform(move |_: MouseEvent| lang)}>{ text }</button>
        }
    };
    html! {
        <div class="lang-picker" role="group" aria-label={Ui::Language.get(Lang::Both)}>
            { button(Lang::Zh, "中文") }
            { button(Lang::En, "English") }
            { button(Lang::Both, "中 · En") }
        </div>
    }
}
