//! The root component: owns the one reducer, starts the pool, and wires runs to the engine.

use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::components::api_demo::ApiDemo;
use super::components::chunk_chart::ChunkChart;
use super::components::lang_compare::LangCompare;
use super::components::{bank_scene::BankScene, playground::Playground};
use super::components::{
    confirm::Confirm, fault_picker::FaultPicker, history::HistoryPanel, lang_picker::LangPicker,
    lesson_nav::LessonNav, lesson_view::LessonView, link_notices::LinkNotices,
    params_form::ParamsForm, pool_status::PoolStatus, progress::Progress, results::Results,
    run_controls::RunControls, share::Share, sweep_chart::SweepChart,
    workload_picker::WorkloadPicker,
};
use super::progress_store::use_progress;
use super::{address, boot, browser, history_store, prefs, runner};
use crate::app_state::{Action, ApiAction, AppState, Decision};
use crate::engine::fault::inject;
use crate::engine::Recorder;
use crate::executor::Executor;
use crate::history::HistoryAction;
use crate::i18n::{controls::Ui, Texts};
use crate::link::{self, Lang};

/// The lesson that shows the WebAssembly / JavaScript / native comparison.
const LANG_COMPARE_LESSON: &str = "16-language-matters";

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // A link in the address bar sets the first state up (it never starts a run).
    let state = use_reducer(|| {
        let fragment = address::fragment();
        let state = AppState::default();
        let state = if fragment.is_empty() {
            // No link: the language chosen last time, else the browser's.
            let lang = prefs::stored_lang().unwrap_or_else(prefs::browser_lang);
            state.apply(Action::SetLang(lang))
        } else {
            state.apply(Action::OpenLink(link::decode(&fragment)))
        };
        // The kept runs (or why storage cannot be read), and how isolation went so far.
        state
            .apply(Action::History(HistoryAction::Opened {
                stored: history_store::load(),
                browser: crate::history::browser_name(&browser::user_agent()),
            }))
            .apply(Action::Isolation(browser::isolation()))
    });
    // The run in progress, for Cancel. Not part of the state: it is a handle, not data to show.
    let current = use_mut_ref(|| None::<Arc<Recorder>>);

    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            // A link edited by hand in the address bar opens like a new one.
            let on_link = dispatch.clone();
            address::on_hash_change(move |fragment| {
                on_link.dispatch(Action::OpenLink(link::decode(&fragment)));
            });
            let on_isolation = dispatch.clone();
            browser::on_isolation_change(move || {
                on_isolation.dispatch(Action::Isolation(browser::isolation()))
            });
            // Another tab's runs join this tab's history instead of being written over.
            let on_history = dispatch.clone();
            history_store::on_other_tab_change(move |stored| {
                on_history.dispatch(Action::History(HistoryAction::Synced(stored)))
            });
            spawn_local(boot::boot(dispatch));
        });
    }
    // Every change of the history is saved; a failure becomes a notice, never an error.
    {
        let dispatch = state.dispatcher();
        let entries = state.history.entries.clone();
        let since = state.history.since;
        use_effect_with(state.history.revision, move |_| {
            let saved = history_store::save(&entries, since);
            dispatch.dispatch(Action::History(HistoryAction::Saved(saved)));
        });
    }
    // The page's language, on <html> too.
    use_effect_with(state.lang, |lang| browser::show_lang(*lang));
    // The address bar always holds the link to what is on screen.
    let fragment = state.link_fragment();
    use_effect_with(fragment.clone(), |fragment| {
        address::replace_fragment(fragment)
    });

    let start = {
        let state = state.clone();
        let current = current.clone();
        move |executor: Executor, confirmed: bool, threads: Option<usize>, chunk: Option<u64>| {
            match state.decide(executor, confirmed) {
                Decision::Start => {
                    // A chunk-size sweep's point runs with its own chunk.
                    let values = match chunk {
                        Some(c) => state
                            .values
                            .clone()
                            .with(&crate::workload::squares::CHUNK, c),
                        None => state.values.clone(),
                    };
                    let plan = inject((state.workload.plan)(&values), state.fault);
                    let recorder = Arc::new(Recorder::new(plan.tasks.len(), true));
                    *current.borrow_mut() = Some(recorder.clone());
                    let threads = threads.map_or_else(
                        || state.threads_for(executor),
                        |t| t.clamp(1, state.max_threads()),
                    );
                    // What the plan is (for process workers that rebuild it in their own
                    // memory) and the Python API call that acts on it (see `pyapi::lens`).
                    let job = crate::engine::process::JobSpec {
                        api: state.api,
                        ..crate::engine::process::JobSpec::new(state.workload, values, state.fault)
                    };
                    spawn_local(runner::run(
                        executor,
                        plan,
                        job,
                        threads,
                        recorder,
                        state.dispatcher(),
                    ));
                }
                Decision::Confirm { estimate_ms } => {
                    state.dispatch(Action::AskConfirm(executor, estimate_ms))
                }
                Decision::Busy | Decision::NoPool | Decision::PanicOnMainThread => {}
            }
        }
    };
    let on_run = {
        let start = start.clone();
        Callback::from(move |executor| start(executor, false, None, None))
    };
    // "Run all": start the next queued executor whenever the page is free.
    {
        let start = start.clone();
        let dispatch = state.dispatcher();
        let next = (state.running.is_none() && state.confirm.is_none())
            .then(|| state.pending.first().copied())
            .flatten();
        use_effect_with(next, move |next| {
            if let Some(job) = *next {
                dispatch.dispatch(Action::TakePending);
                start(job.executor, false, job.threads, job.chunk);
            }
        });
    }
    let on_sweep = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::StartSweep))
    };
    let on_chunk_sweep = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::StartChunkSweep))
    };
    let on_run_all = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::RunAll))
    };
    let on_confirm = Callback::from(move |executor| start(executor, true, None, None));
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissConfirm))
    };
    // The run's log for the live timeline (a pool or cooperative run; a synchronous one
    // freezes the page, so nothing could be drawn).
    let live = current
        .borrow()
        .clone()
        .filter(|_| {
            state
                .running
                .as_ref()
                .is_some_and(|r| !r.executor.freezes_page())
        })
        .map(super::components::live_timeline::Live);
    let on_cancel = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            if let Some(recorder) = current.borrow().as_ref() {
                recorder.cancel();
                dispatch.dispatch(Action::Cancelling);
            }
        })
    };
    let on_select = {
        let dispatch = state.dispatcher();
        Callback::from(move |id| dispatch.dispatch(Action::SelectWorkload(id)))
    };
    let on_edit = {
        let dispatch = state.dispatcher();
        Callback::from(move |(name, text)| dispatch.dispatch(Action::EditParam(name, text)))
    };
    let on_fault = {
        let dispatch = state.dispatcher();
        Callback::from(move |f| dispatch.dispatch(Action::SetFault(f)))
    };
    let on_dismiss_notices = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissLinkNotices))
    };
    let on_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |lang| {
            prefs::store_lang(lang);
            dispatch.dispatch(Action::SetLang(lang))
        })
    };
    let on_lesson = {
        let dispatch = state.dispatcher();
        Callback::from(move |id| dispatch.dispatch(Action::OpenLesson(id)))
    };
    let on_preset = {
        let dispatch = state.dispatcher();
        Callback::from(move |fragment| dispatch.dispatch(Action::OpenPreset(fragment)))
    };
    let on_history = {
        let dispatch = state.dispatcher();
        Callback::from(move |action| dispatch.dispatch(Action::History(action)))
    };
    // Reopening a kept run is opening its link, in the learner's current language.
    let on_reopen = {
        let dispatch = state.dispatcher();
        Callback::from(move |fragment| dispatch.dispatch(Action::OpenPreset(fragment)))
    };
    let lesson = state.lesson.as_deref().and_then(crate::lessons::by_id);
    let busy = state.running.is_some() || state.scene_running;
    // The learner's progress, kept in the browser.
    let progress = use_progress(lesson.map(|l| l.id().to_string()), state.finished_runs);
    let on_reset_progress = {
        let dispatch = progress.dispatcher();
        Callback::from(move |_| dispatch.dispatch(crate::progress::ProgressAction::Reset))
    };
    let on_dismiss_progress = {
        let dispatch = progress.dispatcher();
        Callback::from(move |_| dispatch.dispatch(crate::progress::ProgressAction::DismissNotice))
    };
    // The bank scene: lessons 03 and 04, or any page a link opened it on.
    let scene = crate::bank_scene::shown(state.lesson.as_deref(), state.scene);
    let on_scene_mode = {
        let dispatch = state.dispatcher();
        Callback::from(move |mode| dispatch.dispatch(Action::SetScene(mode)))
    };
    let on_scene_busy = {
        let dispatch = state.dispatcher();
        Callback::from(move |on| dispatch.dispatch(Action::SceneRunning(on)))
    };
    let on_scene_ran = {
        let dispatch = progress.dispatcher();
        let lesson = lesson.map(|l| l.id().to_string());
        Callback::from(move |_| {
            if let Some(id) = &lesson {
                dispatch.dispatch(crate::progress::ProgressAction::Ran(id.clone()));
            }
        })
    };
    let on_api = {
        let dispatch = state.dispatcher();
        Callback::from(move |call| dispatch.dispatch(Action::Api(ApiAction::Set(call))))
    };
    let on_threads = {
        let dispatch = state.dispatcher();
        Callback::from(move |n| dispatch.dispatch(Action::SetThreads(n)))
    };

    html! {
        <main class="app">
            <header class="top">
                <h1>{ Ui::Title.get(Lang::Zh) }<span class="en">{ Ui::Title.get(Lang::En) }</span></h1>
                <p class="lead">{ Ui::Lead.get(state.lang) }</p>
            </header>
            <LangPicker lang={state.lang} on_change={on_lang} />
            <LessonNav current={state.lesson.clone()} lang={state.lang} on_open={on_lesson} disabled={busy}
                progress={progress.progress.clone()} notice={progress.notice}
                on_reset={on_reset_progress} on_dismiss={on_dismiss_progress} />
            if let Some(lesson) = lesson {
                <LessonView {lesson} lang={state.lang} on_preset={on_preset} disabled={busy} />
                if lesson.id() == LANG_COMPARE_LESSON {
                    <LangCompare lang={state.lang} disabled={busy} />
                }
            } else {
                <Playground lang={state.lang} />
            }
            if let Some(mode) = scene {
                <BankScene {mode} lang={state.lang} config={state.link_config()}
                    on_mode={on_scene_mode} on_ran={on_scene_ran} on_busy={on_scene_busy}
                    disabled={state.running.is_some()} />
            }
            <LinkNotices notices={state.link_notices.clone()} on_dismiss={on_dismiss_notices} lang={state.lang} />
            <Share fragment={fragment.clone()} lang={state.lang} />
            <PoolStatus
                isolated={state.isolated}
                logical_processors={state.logical_processors}
                pool={state.pool.clone()}
                default_threads={state.threads}
                lost_workers={state.lost_workers}
                isolation={state.isolation.clone()}
                lang={state.lang}
            />
            <section class="workload">
                <WorkloadPicker current={state.workload.id} on_select={on_select} disabled={state.running.is_some()} lang={state.lang} />
                <ParamsForm
                    params={state.workload.params}
                    values={state.values.clone()}
                    inputs={state.inputs.clone()}
                    on_edit={on_edit}
                    disabled={state.running.is_some()}
                    lang={state.lang}
                />
                <FaultPicker fault={state.fault} on_change={on_fault} disabled={state.running.is_some()} lang={state.lang} />
                <RunControls
                    pool_ready={state.pool.is_ready()}
                    busy={busy}
                    threads={state.threads}
                    max_threads={state.max_threads()}
                    logical_processors={state.logical_processors}
                    estimate_ms={state.main_thread_estimate_ms()}
                    on_run={on_run}
                    on_run_all={on_run_all}
                    executors={state.executors.clone()}
                    panic_fault={matches!(state.fault, crate::engine::fault::Fault::Panic(_))}
                    on_threads={on_threads}
                    lang={state.lang}
                />
                if let Some((executor, estimate_ms)) = state.confirm {
                    <Confirm {executor} {estimate_ms} on_confirm={on_confirm} on_dismiss={on_dismiss} lang={state.lang} />
                }
                if let Some(running) = state.running.clone() {
                    <Progress {running} on_cancel={on_cancel} live={live} lang={state.lang} />
                }
                <SweepChart
                    sweep={state.sweep.clone().unwrap_or_else(|| crate::sweep::Sweep::new(Executor::Pool, state.max_threads()))}
                    logical_processors={state.logical_processors}
                    on_start={on_sweep}
                    disabled={busy || !state.pool.is_ready()}
                    lang={state.lang}
                />
                if state.workload.id == crate::workload::squares::DEF.id {
                    <ChunkChart
                        sweep={state.chunk_sweep.clone()}
                        on_start={on_chunk_sweep}
                        disabled={busy || !state.pool.is_ready()}
                        lang={state.lang}
                    />
                }
                <Results
                    results={state.results.clone()}
                    main_ms={state.results.get(&Executor::Main).map(|r| r.output.wall_ms)}
                    agree={state.answers_agree()}
                    lang={state.lang}
                />
                <ApiDemo
                    lang={state.lang}
                    api={state.api}
                    results={state.results.clone()}
                    asked={(state.workload.id == "io").then(|| crate::workload::io::waits(&state.values))}
                    chunking={(state.workload.id == "squares").then(|| (
                        state.values.get(&crate::workload::squares::N),
                        state.values.get(&crate::workload::squares::CHUNK),
                    ))}
                    {on_api}
                    disabled={busy}
                />
            </section>
            <HistoryPanel
                history={state.history.clone()}
                results={state.results.clone()}
                workload={state.workload.id}
                config={fragment.clone()}
                lang={state.lang}
                on_action={on_history}
                on_reopen={on_reopen}
                busy={busy}
            />
        </main>
    }
}
