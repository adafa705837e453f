//! The page's sections below the lesson list: a lesson as steps (the stage up front, the
//! instrument panel in its Details drawer), or the home page and Playground (everything open).

use yew::prelude::*;

use super::runs::Runs;
use super::send::send;
use super::{lesson_area, steps, workbench};
use crate::app_state::{Action, AppState};
use crate::lessons::steps::Figure;
use crate::lessons::Lesson;
use crate::progress::ProgressState;
use crate::web::components::{
    history::HistoryPanel, link_notices::LinkNotices, pool_status::PoolStatus, share::Share,
};

/// What the sections are drawn from.
pub struct Parts<'a> {
    pub state: &'a UseReducerHandle<AppState>,
    pub runs: &'a Runs,
    pub progress: &'a UseReducerHandle<ProgressState>,
    /// The link to what is on screen.
    pub fragment: &'a str,
    pub lesson: Option<Lesson>,
    /// The figure of the step on screen, if the page is on a lesson's step.
    pub stage: Option<Figure>,
}

/// Reopening a kept run is opening its link, in the learner's current language.
fn history(parts: &Parts) -> Html {
    let state = parts.state;
    let d = state.dispatcher();
    html! {
        <HistoryPanel
            history={state.history.clone()}
            results={state.results.clone()}
            workload={state.workload.id}
            config={parts.fragment.to_string()}
            lang={state.lang}
            on_action={send(&d, Action::History)}
            on_reopen={send(&d, Action::OpenPreset)}
            busy={state.running.is_some() || state.scene_running}
        />
    }
}

fn pool_status(state: &AppState) -> Html {
    html! {
        <PoolStatus
            isolated={state.isolated}
            logical_processors={state.logical_processors}
            pool={state.pool.clone()}
            default_threads={state.threads}
            lost_workers={state.lost_workers}
            isolation={state.isolation.clone()}
            lang={state.lang}
        />
    }
}

fn notices(state: &UseReducerHandle<AppState>) -> Html {
    let d = state.dispatcher();
    html! {
        <LinkNotices notices={state.link_notices.clone()} lang={state.lang}
            on_dismiss={send(&d, |_| Action::DismissLinkNotices)} />
    }
}

pub fn body(parts: &Parts) -> Html {
    let (state, progress) = (parts.state, parts.progress);
    let p = progress.dispatcher();
    let share = html! { <Share fragment={parts.fragment.to_string()} lang={state.lang} /> };
    match (parts.lesson, parts.stage) {
        (Some(lesson), Some(stage)) => {
            let drawer = html! { <>
                { lesson_area::view(state, Some(lesson), &p, true, None, &progress.progress) }
                { pool_status(state) }
                { workbench::view(state, parts.runs, Some(stage)) }
                { history(parts) }
            </> };
            html! { <>
                { notices(state) }
                { steps::view(state, parts.runs, progress, lesson, share, drawer) }
            </> }
        }
        _ => html! { <>
            { lesson_area::view(state, parts.lesson, &p, false, progress.progress.continue_at(), &progress.progress) }
            { notices(state) }
            { share }
            { pool_status(state) }
            { workbench::view(state, parts.runs, None) }
            { history(parts) }
        </> },
    }
}
