//! What an opened link did not carry as written, in words.

use yew::prelude::*;

use crate::i18n::{
    controls::{LinkNoticeText as T, Ui},
    Texts,
};
use crate::link::{Lang, Notice};
use crate::pyrun::code::Problem;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<()>,
    pub lang: Lang,
}

/// One notice in the reader's language. Text from the link is shown as text (Yew escapes it).
fn describe(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::TooLong { len } => T::TooLong.fill(lang, &[len]),
        Notice::NewerVersion(v) => T::NewerVersion.fill(lang, &[v]),
        Notice::UnknownField(k) => T::UnknownField.fill(lang, &[k]),
        Notice::Duplicate(k) => T::Duplicate.fill(lang, &[k]),
        Notice::UnknownWorkload(w) => T::UnknownWorkload.fill(lang, &[w]),
        Notice::UnknownExecutor(e) => T::UnknownExecutor.fill(lang, &[e]),
        Notice::Clamped { field, from, to } => T::Clamped.fill(lang, &[field, from, to]),
        Notice::NotANumber { field } => T::NotANumber.fill(lang, &[field]),
        Notice::BadValue { field, value } => T::BadValue.fill(lang, &[field, value]),
        Notice::BadLesson => T::BadLesson.get(lang),
        Notice::Omitted(n) => T::Omitted.fill(lang, &[n]),
        Notice::BadCode(problem) => match problem {
            Problem::TooLong(bytes) => T::CodeTooLong.fill(lang, &[bytes]),
            Problem::TooManyLines(lines) => T::CodeTooManyLines.fill(lang, &[lines]),
            Problem::ControlCharacter => T::CodeControl.get(lang),
            Problem::Empty => T::CodeEmpty.get(lang),
        },
        Notice::CodeWithoutLesson => T::CodeWithoutLesson.get(lang),
    }
}

#[function_component(LinkNotices)]
pub fn link_notices(props: &Props) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice warn" id="link-notices" role="status">
            <p>{ Ui::LinkNoticesHead.get(props.lang) }</p>
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ describe(n, props.lang) }</li> }) }
            </ul>
            <button class="secondary" id="link-notices-dismiss" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
                { Ui::Ok.get(props.lang) }
            </button>
        </div>
    }
}
