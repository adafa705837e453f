//! The root component: the page's one reducer, its effects, and the page's sections. What a
//! run does is core logic (`run`); what the page keeps is `AppState::apply`.

mod effects;
mod lesson_area;
mod page;
mod runs;
mod send;
mod steps;
mod workbench;

use std::rc::Rc;

use yew::prelude::*;

use super::components::{lang_picker::LangPicker, lesson_nav::LessonNav};
use super::prefs;
use super::progress_store::use_progress;
use crate::app_state::{Action, AppState};
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;
use crate::progress::ProgressAction;
use send::send;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // A link in the address bar sets the first state up (it never starts a run).
    let state = use_reducer(effects::first_state);
    effects::use_page_events(state.dispatcher());
    let fragment = effects::use_kept_in_step(&state);
    let runs = runs::use_runs(&state);
    let lesson = state.lesson.as_deref().and_then(crate::lessons::by_id);
    let busy = state.running.is_some() || state.scene_running;
    // The learner's progress, kept in the browser.
    let progress = use_progress(lesson.map(|l| l.id().to_string()), state.finished_runs);
    let d = state.dispatcher();
    let on_lang = {
        let d = d.clone();
        Callback::from(move |lang| {
            prefs::store_lang(lang);
            d.dispatch(Action::SetLang(lang))
        })
    };
    let p = progress.dispatcher();
    steps::use_step_progress(&state, &progress);
    steps::use_step_keys(&state, &progress);
    let stage = steps::stage_figure(&state, lesson);
    let body = page::body(&page::Parts {
        state: &state,
        runs: &runs,
        progress: &progress,
        fragment: &fragment,
        lesson,
        stage,
    });
    html! {
        // The pool's state on the page's root: tests and scripts wait on it whatever is open.
        <main class={classes!("app", stage.is_some().then_some("wide"))} data-pool={state.pool.tag()}>
            <header class="top">
                <h1>{ Ui::Title.get(Lang::Zh) }<span class="en">{ Ui::Title.get(Lang::En) }</span></h1>
                <p class="lead">{ Ui::Lead.get(state.lang) }</p>
            </header>
            <LangPicker lang={state.lang} on_change={on_lang} />
            <LessonNav current={state.lesson.clone()} lang={state.lang} on_open={send(&d, Action::OpenLesson)}
                disabled={busy} progress={progress.progress.clone()} notice={progress.notice}
                on_reset={send(&p, |_| ProgressAction::Reset)}
                on_dismiss={send(&p, |_| ProgressAction::DismissNotice)} />
            { body }
        </main>
    }
}
