//! The course at a glance on the home page: the sixteen lessons, each with its steps seen, and
//! the way in to any of them.

use yew::prelude::*;

use crate::i18n::lesson_nav::NavText as N;
use crate::i18n::steps::StepText as T;
use crate::i18n::Texts;
use crate::lessons;
use crate::link::Lang;
use crate::progress::Progress;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub progress: Progress,
    /// Opens a lesson by id.
    pub on_open: Callback<&'static str>,
    pub disabled: bool,
}

#[function_component(LessonMap)]
pub fn lesson_map(props: &Props) -> Html {
    let lang = props.lang;
    html! {
        <section class="lesson-map" data-role="lesson-map" aria-labelledby="lesson-map-title">
            <h2 id="lesson-map-title">{ T::Course.get(lang) }</h2>
            <ol>
                { for lessons::all().into_iter().map(|l| {
                    let id = l.id();
                    let steps = crate::course::steps(id).len();
                    let seen = props.progress.steps_seen(id);
                    let title = l.note(lang).title;
                    let state = if steps > 0 && seen == steps { "done" } else if seen > 0 { "started" } else { "new" };
                    html! {
                        <li data-lesson={id} data-state={state}>
                            <button class="map-card" disabled={props.disabled}
                                onclick={props.on_open.reform(move |_: MouseEvent| id)}>
                                <span class="map-number">{ format!("{:02}", l.number) }</span>
                                <span class="map-title">{ title }</span>
                                <span class="map-steps">{ N::StepsSeen.fill(lang, &[&seen, &steps]) }</span>
                                <progress max={steps.max(1).to_string()} value={seen.to_string()}
                                    aria-label={N::StepsSeen.fill(lang, &[&seen, &steps])} />
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
