//! One lesson: its note (中文, English or both side by side), the Python it mirrors (to run
//! and edit, see `py_runner`), and the demos to run.

use yew::prelude::*;

use super::fetched_html::FetchedHtml;
use super::py_runner::PyRunner;
use crate::i18n::{controls::Ui, Texts};
use crate::lessons::{Lesson, Note};
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: Lesson,
    pub lang: Lang,
    /// Opens a preset's link fragment.
    pub on_preset: Callback<String>,
    pub disabled: bool,
    /// The learner's edit of the snippet, and where a change goes (see [`PyRunner`]).
    pub code: Option<String>,
    pub on_edit: Callback<Option<String>>,
}

/// A note: its title from the page, its body fetched (see [`FetchedHtml`]).
fn note(
    lesson: &Lesson,
    note: &'static Note,
    tag: &str,
    lang_attr: &'static str,
    lang: Lang,
) -> Html {
    html! {
        <article class="note" lang={lang_attr}>
            <h2>{ note.title }</h2>
            <FetchedHtml url={lesson.note_url(tag)} {lang} />
        </article>
    }
}

#[function_component(LessonView)]
pub fn lesson_view(props: &Props) -> Html {
    let source = props.lesson.source;
    let notes = match props.lang {
        Lang::Zh => note(&props.lesson, &source.zh, "zh", "zh-CN", props.lang),
        Lang::En => note(&props.lesson, &source.en, "en", "en", props.lang),
        Lang::Both => html! { <>
            { note(&props.lesson, &source.zh, "zh", "zh-CN", props.lang) }
            { note(&props.lesson, &source.en, "en", "en", props.lang) }
        </> },
    };
    let label = |zh: &str, en: &str| match props.lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
        Lang::Both => format!("{zh} · {en}"),
    };
    html! {
        <section class="lesson" id="lesson-view" data-lesson={props.lesson.id()}>
            <div class={classes!("notes", (props.lang == Lang::Both).then_some("side-by-side"))}>
                { notes }
            </div>
            <div class="presets">
                <h3>{ Ui::RunThis.get(props.lang) }</h3>
                { for props.lesson.presets().into_iter().enumerate().map(|(i, p)| {
                    let fragment = p.fragment.clone();
                    html! {
                        <button class="preset" id={format!("preset-{i}")} disabled={props.disabled}
                            data-fragment={p.fragment.clone()}
                            onclick={props.on_preset.reform(move |_: MouseEvent| fragment.clone())}>
                            { label(&p.label_zh, &p.label_en) }
                        </button>
                    }
                }) }
            </div>
            <details class="snippet" open=true>
                <summary>{ Ui::Snippet.get(props.lang) }</summary>
                // Keyed by lesson: another lesson's runner starts afresh.
                <PyRunner key={props.lesson.id()} lesson={props.lesson} lang={props.lang}
                    code={props.code.clone()} on_edit={props.on_edit.clone()}>
                    <FetchedHtml url={props.lesson.snippet_url()} lang={props.lang} />
                </PyRunner>
            </details>
        </section>
    }
}
