//! The lesson list in syllabus order with previous / next, the learner's progress on it (a tick
//! for each lesson opened, its demos run), and the way to the free playground.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::lesson_nav::NavText as T;
use crate::i18n::Texts;
use crate::lessons;
use crate::link::Lang;
use crate::progress::{Progress, ProgressNotice};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The open lesson's id, or None on the playground.
    pub current: Option<String>,
    pub lang: Lang,
    /// Opens a lesson by id, or the playground (None).
    pub on_open: Callback<Option<&'static str>>,
    pub disabled: bool,
    pub progress: Progress,
    pub notice: Option<ProgressNotice>,
    pub on_reset: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// A lesson's title in the page's language (both, side by side, in 中 · En).
fn title(l: &lessons::Lesson, lang: Lang) -> String {
    match lang {
        Lang::Zh => l.source.zh.title.to_string(),
        Lang::En => l.source.en.title.to_string(),
        Lang::Both => format!("{} · {}", l.source.zh.title, l.source.en.title),
    }
}

/// A lesson in the list: a tick once opened, its steps seen and demos run.
fn option(l: &lessons::Lesson, props: &Props, current: &str) -> Html {
    let (lang, progress) = (props.lang, &props.progress);
    let (opened, demos) = (progress.opened(l.id()), progress.demos(l.id()));
    let mut text = format!(
        "{} {:02}. {}",
        if opened { "✓" } else { "\u{2003}" },
        l.number,
        title(l, lang)
    );
    let (seen, steps) = (
        progress.steps_seen(l.id()),
        crate::course::steps(l.id()).len(),
    );
    let mut notes = Vec::new();
    if seen > 0 {
        notes.push(T::StepsSeen.fill(lang, &[&seen, &steps]));
    }
    if demos > 0 {
        notes.push(T::Runs.fill(lang, &[&demos]));
    }
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join(" · ")));
    }
    html! {
        <option value={l.id()} selected={l.id() == current}
            data-opened={opened.to_string()} data-demos={demos.to_string()} data-steps-seen={seen.to_string()}>{ text }</option>
    }
}

#[function_component(LessonNav)]
pub fn lesson_nav(props: &Props) -> Html {
    let lang = props.lang;
    let all = lessons::all();
    let onchange = props.on_open.reform(|e: Event| {
        let id = e.target_unchecked_into::<HtmlSelectElement>().value();
        lessons::by_id(&id).map(|l| l.id())
    });
    let current = props.current.as_deref().unwrap_or("");
    let on_playground = lessons::by_id(current).is_none();
    let list = crate::web::select::use_select_value(current);
    let (prev, next) = lessons::neighbours(current);
    let step = |lesson: Option<lessons::Lesson>, id: &'static str, text: T| {
        let target = lesson.map(|l| l.id());
        html! {
            <button id={id} class="secondary" disabled={props.disabled || target.is_none()}
                onclick={props.on_open.reform(move |_: MouseEvent| target)}>{ text.get(lang) }</button>
        }
    };
    let progress = &props.progress;
    let notice = props.notice.map(|n| match n {
        ProgressNotice::Reset => ("reset", T::CorruptReset),
        ProgressNotice::CannotSave => ("cannot-save", T::CannotSave),
    });
    html! {
        <nav class="lesson-nav" aria-label={T::Lessons.get(lang)}>
            { step(prev, "lesson-prev", T::Previous) }
            <select id="lesson" ref={list} {onchange} disabled={props.disabled} aria-label={T::Lesson.get(lang)}>
                <option value="" selected={current.is_empty()}>{ T::PlaygroundOption.get(lang) }</option>
                { for all.iter().map(|l| option(l, props, current)) }
            </select>
            { step(next, "lesson-next", T::Next) }
            <button id="nav-playground" class={classes!("secondary", on_playground.then_some("active"))}
                aria-pressed={on_playground.to_string()} disabled={props.disabled}
                onclick={props.on_open.reform(|_: MouseEvent| None)}>{ T::Playground.get(lang) }</button>
            <div class="lesson-progress" id="lesson-progress"
                data-opened={progress.opened_count().to_string()}
                data-demos={progress.demos_total().to_string()}>
                <span>{ T::Summary.fill(lang, &[&progress.opened_count(), &all.len(), &progress.demos_total()]) }</span>
                <button id="lesson-progress-reset" class="secondary small"
                    disabled={progress.is_empty()}
                    onclick={props.on_reset.reform(|_: MouseEvent| ())}>{ T::Reset.get(lang) }</button>
            </div>
            if let Some((kind, text)) = notice {
                <div class="notice" id="lesson-progress-notice" data-kind={kind} role="status">
                    <p>{ text.get(lang) }</p>
                    <button class="secondary small" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ T::Dismiss.get(lang) }</button>
                </div>
            }
        </nav>
    }
}
