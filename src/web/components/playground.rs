//! The free playground's heading: the page without a lesson, where any workload, size and
//! executor can be combined.

use yew::prelude::*;

use crate::i18n::lesson_nav::NavText as T;
use crate::i18n::Texts;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[function_component(Playground)]
pub fn playground(props: &Props) -> Html {
    html! {
        <section class="playground" id="playground">
            <h2>{ T::PlaygroundTitle.get(props.lang) }</h2>
            <p class="help">{ T::PlaygroundIntro.get(props.lang) }</p>
        </section>
    }
}
