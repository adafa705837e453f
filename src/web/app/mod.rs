//! The root component: the page's one reducer, its effects, and the page's sections. What a
//! run does is core logic (`run`); what the page keeps is `AppState::apply`.

mod effects;
mod lesson_area;
mod runs;
mod send;
mod steps;
mod workbench;

use std::rc::Rc;

use yew::prelude::*;

use super::components::{
    history::HistoryPanel, lang_picker::LangPicker, lesson_nav::LessonNav,
    link_notices::LinkNotices, pool_status::PoolStatus, share::Share,
};
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
    let history = html! {
        // Reopening a kept run is opening its link, in the learner's current language.
        <HistoryPanel
            history={state.history.clone()}
            results={state.results.clone()}
            workload={state.workload.id}
            config={fragment.clone()}
            lang={state.lang}
            on_action={send(&d, Action::History)}
            on_reopen={send(&d, Action::OpenPreset)}
            busy={busy}
        />
    };
    let pool_status = html! {
        <PoolStatus
            isolated={state.isolated}
            logical_processors={state.logical_processors}
            pool={state.pool.clone()}
            default_threads={state.threads}
            lost_workers={state.lost_workers}
            isolation={state.isolation.clone()}
            lang={state.lang}
        />
    };
    let notices = html! {
        <>
            <LinkNotices notices={state.link_notices.clone()} lang={state.lang}
                on_dismiss={send(&d, |_| Action::DismissLinkNotices)} />
            <Share fragment={fragment.clone()} lang={state.lang} />
        </>
    };
    let body = match (lesson, stage) {
        // A lesson as steps: the stage up front, the instrument panel in its drawer.
        (Some(lesson), Some(stage)) => html! {
            <>
                <LinkNotices notices={state.link_notices.clone()} lang={state.lang}
                    on_dismiss={send(&d, |_| Action::DismissLinkNotices)} />
                { steps::view(&state, &runs, &progress, lesson, html! { <Share fragment={fragment.clone()} lang={state.lang} /> }, html! { <>
                    { lesson_area::view(&state, Some(lesson), &p, true, None, &progress.progress) }
                    { pool_status }
                    { workbench::view(&state, &runs, Some(stage)) }
                    { history }
                </> }) }
            </>
        },
        _ => html! {
            <>
                { lesson_area::view(&state, lesson, &p, false, progress.progress.continue_at(), &progress.progress) }
                { notices }
                { pool_status }
                { workbench::view(&state, &runs, None) }
                { history }
            </>
        },
    };
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
