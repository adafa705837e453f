//! One lesson: its note (中文, English or both side by side), the Python it mirrors, and the
//! demos to run.

use yew::prelude::*;
use yew::virtual_dom::VNode;

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
}

/// The note's HTML comes from our own Markdown, rendered by `build.rs` with any raw HTML in it
/// escaped: it is the one place the page takes HTML as is.
fn note(note: &'static Note, lang: &'static str) -> Html {
    html! {
        <article class="note" lang={lang}>
            <h2>{ note.title }</h2>
            { VNode::from_html_unchecked(note.html.into()) }
        </article>
    }
}

#[function_component(LessonView)]
pub fn lesson_view(props: &Props) -> Html {
    let source = props.lesson.source;
    let notes = match props.lang {
        Lang::Zh => html! { note(&source.zh, "zh-CN") },
        Lang::En => html! { note(&source.en, "en") },
        Lang::Both => html! { <>{ note(&source.zh, "zh-CN") }{ note(&source.en, "en") }</> },
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
                <pre class="code" lang="en"><code>{ VNode::from_html_unchecked(source.snippet_html.into()) }</code></pre>
            </details>
        </section>
    }
}
