//! The lesson's part of the page (its note and demos, lesson 16's comparison, the bank
//! scene), or the playground's introduction.

use yew::prelude::*;

use super::send::send;
use crate::app_state::{Action, AppState, PyAction};
use crate::i18n::{steps::StepText, Texts};
use crate::lessons::Lesson;
use crate::progress::{ProgressAction, ProgressState};
use crate::web::components::{
    bank_scene::BankScene, lang_compare::LangCompare, lesson_map::LessonMap,
    lesson_view::LessonView, playground::Playground, welcome::Welcome,
};

/// The lesson that shows the WebAssembly / JavaScript / native comparison.
const LANG_COMPARE_LESSON: &str = "16-language-matters";

/// `in_drawer`: the lesson's steps show the scene and the comparison on their stage; the
/// drawer keeps the full note, its demos and its snippet.
/// Opens lesson `id` on its step `step`.
fn go_on(
    d: &UseReducerDispatcher<AppState>,
    id: &'static str,
    step: usize,
) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_| {
        d.dispatch(Action::OpenLesson(Some(id)));
        d.dispatch(Action::OpenStep(step));
    })
}

/// The learner edited lesson `id`'s Python (`None`: back to the lesson's own).
fn on_edit(d: &UseReducerDispatcher<AppState>, id: &'static str) -> Callback<Option<String>> {
    send(d, move |code| {
        Action::Python(PyAction::Edit {
            lesson: id.to_owned(),
            code,
        })
    })
}

pub fn view(
    state: &UseReducerHandle<AppState>,
    lesson: Option<Lesson>,
    progress: &UseReducerDispatcher<ProgressState>,
    in_drawer: bool,
    continue_at: Option<(&'static str, usize)>,
    course: &crate::progress::Progress,
) -> Html {
    let d = state.dispatcher();
    let busy = state.running.is_some() || state.scene_running;
    // The bank scene: lessons 03 and 04, or any page a link opened it on.
    let scene =
        crate::bank_scene::shown(state.lesson.as_deref(), state.scene).filter(|_| !in_drawer);
    let on_scene_ran = {
        let (progress, lesson) = (progress.clone(), lesson.map(|l| l.id().to_string()));
        Callback::from(move |_| {
            if let Some(id) = &lesson {
                progress.dispatch(ProgressAction::Ran(id.clone()));
            }
        })
    };
    // The first visit's demo: its configuration, then every executor of it, one after another.
    let on_welcome = {
        let d = d.clone();
        Callback::from(move |_| {
            d.dispatch(Action::OpenPreset(crate::welcome::FRAGMENT.into()));
            d.dispatch(Action::RunAll);
        })
    };
    html! {
        <>
            if let Some(lesson) = lesson {
                <LessonView {lesson} lang={state.lang} on_preset={send(&d, Action::OpenPreset)} disabled={busy}
                    code={state.code().map(str::to_owned)} on_edit={on_edit(&d, lesson.id())} />
                if lesson.id() == LANG_COMPARE_LESSON && !in_drawer {
                    <LangCompare lang={state.lang} disabled={busy} />
                }
            } else {
                if let Some((id, step)) = continue_at {
                    <p class="continue">
                        <button data-role="continue" data-lesson={id} disabled={busy}
                            onclick={go_on(&d, id, step)}>
                            { StepText::Continue.fill(state.lang, &[&id.get(..2).unwrap_or(id), &(step + 1)]) }
                        </button>
                    </p>
                }
                <Welcome outcome={crate::welcome::outcome(state)} on_run={on_welcome} disabled={busy} lang={state.lang} />
                <LessonMap lang={state.lang} progress={course.clone()} disabled={busy}
                    on_open={send(&d, |id| Action::OpenLesson(Some(id)))} />
                <Playground lang={state.lang} />
            }
            if let Some(mode) = scene {
                <BankScene {mode} lang={state.lang} config={state.link_config()}
                    on_mode={send(&d, Action::SetScene)} on_ran={on_scene_ran}
                    on_busy={send(&d, Action::SceneRunning)}
                    disabled={state.running.is_some()} />
            }
        </>
    }
}
