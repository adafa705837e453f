//! A lesson as steps: the step the page is on, its stage from the core, its figure, and the
//! learner's guesses and progress wired to the reducers.

use yew::prelude::*;

use super::runs::Runs;
use super::send::send;
use crate::app_state::{Action, ApiAction, AppState};
use crate::course::stage::{self, Phase};
use crate::course::Step;
use crate::lessons::steps::{Action as StepAction, Figure};
use crate::lessons::Lesson;
use crate::progress::{ProgressAction, ProgressState};
use crate::web::components::{
    api_demo::ApiDemo, bank_scene::BankScene, chunk_chart::ChunkChart, confirm::Confirm,
    interleaver::Interleaver, lang_compare::LangCompare, progress::Progress,
    replay::ReplayTimeline, results::run_views, step_view::StepView, sweep_chart::SweepChart,
    wall_chart::WallChart,
};
use crate::web::keys::StepKey;
use crate::workload::{io, squares};

/// The step's figure, or the run in progress (with its live timeline and Stop), or the
/// question before a long freeze.
fn figure(
    state: &UseReducerHandle<AppState>,
    runs: &Runs,
    step: &Step,
    on_scene_ran: Callback<()>,
) -> Html {
    let d = state.dispatcher();
    let lang = state.lang;
    let busy = state.running.is_some() || state.scene_running;
    if let Some((executor, estimate_ms)) = state.confirm {
        return html! { <Confirm {executor} {estimate_ms} on_confirm={runs.on_confirm.clone()}
        on_dismiss={send(&d, |_| Action::DismissConfirm)} {lang} /> };
    }
    if let Some(running) = state.running.clone() {
        if matches!(step.plan.action, StepAction::Run) {
            return html! { <Progress {running} on_cancel={runs.on_cancel.clone()} live={runs.live.clone()} {lang} /> };
        }
    }
    match step.plan.figure {
        Figure::Timeline => {
            let views = run_views(state.results.values(), lang);
            if views.is_empty() {
                return html! {};
            }
            html! { <ReplayTimeline id="step" runs={views} {lang} /> }
        }
        Figure::Bars if !state.results.is_empty() => {
            html! { <WallChart results={state.results.clone()} {lang} id="step-wall-chart" /> }
        }
        Figure::Api => html! {
            <ApiDemo {lang} api={state.api} results={state.results.clone()}
                asked={(state.workload.id == io::DEF.id).then(|| io::waits(&state.values))}
                chunking={(state.workload.id == squares::DEF.id).then(|| (
                    state.values.get(&squares::N), state.values.get(&squares::CHUNK)))}
                on_api={send(&d, |call| Action::Api(ApiAction::Set(call)))} disabled={busy} />
        },
        Figure::Sweep => html! {
            <SweepChart
                sweep={state.sweep.clone().unwrap_or_else(|| crate::sweep::Sweep::new(crate::executor::Executor::Pool, state.max_threads()))}
                logical_processors={state.logical_processors}
                on_start={send(&d, |_| Action::StartSweep)} start_button=false
                disabled={busy || !state.pool.is_ready()} {lang} />
        },
        Figure::Chunks => html! {
            <ChunkChart sweep={state.chunk_sweep.clone()} on_start={send(&d, |_| Action::StartChunkSweep)} start_button=false
                disabled={busy || !state.pool.is_ready()} {lang} />
        },
        Figure::Scene => match crate::bank_scene::shown(state.lesson.as_deref(), state.scene) {
            Some(mode) => html! {
                <BankScene {mode} {lang} config={state.link_config()}
                    on_mode={send(&d, Action::SetScene)} on_ran={on_scene_ran}
                    on_busy={send(&d, Action::SceneRunning)} disabled={state.running.is_some()} />
            },
            None => html! {},
        },
        Figure::Compare => html! { <LangCompare {lang} disabled={busy} /> },
        Figure::Interleave => {
            let value = state.interleave.clone().unwrap_or_else(|| {
                format!("{}:", step.plan.scenario.as_deref().unwrap_or_default())
            });
            // Each teller deposits and withdraws once a round: two updates.
            let made = state.values.get(&crate::workload::bank::TASKS)
                * state.values.get(&crate::workload::bank::ROUNDS)
                * 2;
            let real = state
                .results
                .get(&crate::executor::Executor::Pool)
                .and_then(|r| {
                    Some((
                        r.threads,
                        r.output.answer.figure("lost_updates")? as u64,
                        made,
                    ))
                });
            html! { <Interleaver {lang} {value} {real} on_change={send(&d, Action::SetInterleave)} /> }
        }
        Figure::Bars | Figure::None => html! {},
    }
}

/// The step's Run: its demo set up afresh, then its runs queued.
fn run_step(d: &UseReducerDispatcher<AppState>, index: usize, action: StepAction) -> Callback<()> {
    let d = d.clone();
    Callback::from(move |_| {
        d.dispatch(Action::OpenStep(index));
        // Side by side the whole step fits; in one column the learner has read the note
        // above, and the stage is where the run shows.
        let one_column = crate::web::browser::viewport_width() < 1024.0;
        crate::web::browser::scroll_to(if one_column {
            "step-stage"
        } else {
            "step-view"
        });
        match action {
            StepAction::Run => d.dispatch(Action::RunAll),
            StepAction::Sweep => d.dispatch(Action::StartSweep),
            StepAction::Chunks => d.dispatch(Action::StartChunkSweep),
            StepAction::Scene | StepAction::Compare => {}
        }
    })
}

/// Moving to step n: its demo set up, and the page scrolled to it.
fn go_to(d: &UseReducerDispatcher<AppState>) -> Callback<usize> {
    let d = d.clone();
    Callback::from(move |n| {
        d.dispatch(Action::OpenStep(n));
        crate::web::browser::scroll_to("step-view");
    })
}

/// ← and → move between the steps, Enter runs the step (when its Run button would).
#[hook]
pub fn use_step_keys(
    state: &UseReducerHandle<AppState>,
    progress: &UseReducerHandle<ProgressState>,
) {
    let handler = {
        let d = state.dispatcher();
        let lesson = state.lesson.clone().unwrap_or_default();
        let steps = crate::course::steps(&lesson);
        let index = crate::course::index_of(&lesson, state.step.as_deref());
        let busy = state.running.is_some() || state.scene_running || !state.pending.is_empty();
        let runnable = steps.get(index).is_some_and(|step| {
            let guess = progress.progress.step(&lesson, step.key()).guess;
            step.plan.run.is_some()
                && matches!(
                    step.plan.action,
                    StepAction::Run | StepAction::Sweep | StepAction::Chunks
                )
                && stage::stage(state, &lesson, step, guess, state.lang).phase != Phase::Ask
        });
        let run = steps.get(index).map(|s| run_step(&d, index, s.plan.action));
        let count = steps.len();
        Callback::from(move |key: StepKey| match key {
            _ if busy || count == 0 => {}
            StepKey::Prev if index > 0 => go_to(&d).emit(index - 1),
            StepKey::Next if index + 1 < count => go_to(&d).emit(index + 1),
            StepKey::Run if runnable => {
                if let Some(run) = &run {
                    run.emit(());
                }
            }
            _ => {}
        })
    };
    let current = use_mut_ref(|| handler.clone());
    *current.borrow_mut() = handler;
    use_effect_with((), move |_| {
        crate::web::keys::on_step_key(move |key| current.borrow().emit(key));
    });
}

/// The figure the open step's stage shows, if the page is on a step.
pub fn stage_figure(state: &AppState, lesson: Option<Lesson>) -> Option<Figure> {
    let id = lesson?.id();
    let steps = crate::course::steps(id);
    let step = steps.get(crate::course::index_of(id, state.step.as_deref()))?;
    Some(step.plan.figure)
}

pub fn view(
    state: &UseReducerHandle<AppState>,
    runs: &Runs,
    progress: &UseReducerHandle<ProgressState>,
    lesson: Lesson,
    share: Html,
    drawer: Html,
) -> Html {
    let id = lesson.id();
    let steps = crate::course::steps(id);
    let index = crate::course::index_of(id, state.step.as_deref());
    let Some(step) = steps.get(index) else {
        return drawer;
    };
    let d = state.dispatcher();
    let p = progress.dispatcher();
    let key = step.key().to_string();
    let guess = progress.progress.step(id, &key).guess;
    let stage = stage::stage(state, id, step, guess, state.lang);
    let on_guess = {
        let key = key.clone();
        send(&p, move |g| {
            ProgressAction::Guessed(id.into(), key.clone(), g)
        })
    };
    let on_run = run_step(&d, index, step.plan.action);
    let on_next_lesson = crate::lessons::neighbours(id)
        .1
        .map(|next| send(&d, move |_| Action::OpenLesson(Some(next.id()))));
    let seen = steps
        .iter()
        .map(|s| progress.progress.step(id, s.key()).seen)
        .collect::<Vec<_>>();
    let busy = state.running.is_some() || state.scene_running || !state.pending.is_empty();
    html! {
        <StepView {lesson} {index} lang={state.lang} stage={stage.clone()} {guess} {busy} {seen}
            figure={figure(state, runs, step, send(&p, move |_| ProgressAction::Ran(id.into())))}
            {on_guess} {on_run} on_step={go_to(&d)} {on_next_lesson}
            drawer_open={state.step.is_none()} {share}>
            { drawer }
        </StepView>
    }
}

/// Keeps the progress record in step with the steps: a step shown is seen, a step whose
/// evidence came in was run.
#[hook]
pub fn use_step_progress(
    state: &UseReducerHandle<AppState>,
    progress: &UseReducerHandle<ProgressState>,
) {
    let lesson = state
        .lesson
        .clone()
        .filter(|l| !crate::course::steps(l).is_empty());
    let key = lesson.as_ref().and_then(|l| {
        crate::course::steps(l)
            .get(crate::course::index_of(l, state.step.as_deref()))
            .map(|s| s.key().to_string())
    });
    let ran = match (&lesson, &key) {
        (Some(l), Some(k)) => {
            let step = &crate::course::steps(l)[crate::course::index_of(l, Some(k))];
            stage::ran(state, l, step)
        }
        _ => false,
    };
    let p = progress.dispatcher();
    use_effect_with((lesson, key, ran), move |(lesson, key, ran)| {
        if let (Some(l), Some(k)) = (lesson, key) {
            p.dispatch(ProgressAction::StepSeen(l.clone(), k.clone()));
            if *ran {
                p.dispatch(ProgressAction::StepRan(l.clone(), k.clone()));
                // In one column the evidence came in below the fold: bring the stage up.
                if crate::web::browser::viewport_width() < 1024.0 {
                    crate::web::browser::scroll_to("step-stage");
                }
            }
        }
    });
}
