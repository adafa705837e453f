//! The lesson list in syllabus order, previous / next, and the free playground.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::lessons;
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The open lesson's id, or None on the playground.
    pub current: Option<String>,
    pub lang: Lang,
    /// Opens a lesson by id, or the playground (None).
    pub on_open: Callback<Option<&'static str>>,
    pub disabled: bool,
}

#[function_component(LessonNav)]
pub fn lesson_nav(props: &Props) -> Html {
    let all = lessons::all();
    let title = |l: &lessons::Lesson| match props.lang {
        Lang::Zh => l.source.zh.title.to_string(),
        Lang::En => l.source.en.title.to_string(),
        Lang::Both => format!("{} · {}", l.source.zh.title, l.source.en.title),
    };
    let onchange = props.on_open.reform(|e: Event| {
        let id = e.target_unchecked_into::<HtmlSelectElement>().value();
        lessons::by_id(&id).map(|l| l.id())
    });
    let current = props.current.as_deref().unwrap_or("");
    let (prev, next) = lessons::neighbours(current);
    let step = |lesson: Option<lessons::Lesson>, id: &'static str, text: &'static str| {
        let target = lesson.map(|l| l.id());
        html! {
            <button id={id} class="secondary" disabled={props.disabled || target.is_none()}
                onclick={props.on_open.reform(move |_: MouseEvent| target)}>{ text }</button>
        }
    };
    html! {
        <nav class="lesson-nav" aria-label="课程 · Lessons">
            { step(prev, "lesson-prev", "← 上一课 · Previous") }
            <select id="lesson" {onchange} disabled={props.disabled} aria-label="课程 · Lesson">
                <option value="" selected={current.is_empty()}>{ "游乐场（自由组合）· Playground" }</option>
                { for all.iter().map(|l| html! {
                    <option value={l.id()} selected={l.id() == current}>
                        { format!("{:02}. {}", l.number, title(l)) }
                    </option>
                }) }
            </select>
            { step(next, "lesson-next", "下一课 · Next →") }
        </nav>
    }
}
