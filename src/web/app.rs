//! The root component: owns the one reducer, starts the pool, and wires runs to the engine.

use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::components::chunk_chart::ChunkChart;
use super::components::{
    confirm::Confirm, fault_picker::FaultPicker, lang_picker::LangPicker, lesson_nav::LessonNav,
    lesson_view::LessonView, link_notices::LinkNotices, params_form::ParamsForm,
    pool_status::PoolStatus, progress::Progress, results::Results, run_controls::RunControls,
    share::Share, sweep_chart::SweepChart, workload_picker::WorkloadPicker,
};
use super::{address, browser, pool, prefs, runner};
use crate::app_state::{Action, AppState, Decision};
use crate::engine::fault::inject;
use crate::engine::Recorder;
use crate::executor::Executor;
use crate::link;
use crate::pool_state::{default_threads, pool_size, PoolState};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// Reads the browser's facts and starts the pool, reporting each step as an action.
async fn boot(dispatch: UseReducerDispatcher<AppState>) {
    let isolated = browser::cross_origin_isolated();
    let hardware = browser::hardware_concurrency();
    dispatch.dispatch(Action::Environment {
        isolated,
        logical_processors: hardware.map(|n| n as usize),
        default_threads: default_threads(hardware),
    });
    if !isolated {
        dispatch.dispatch(Action::Pool(PoolState::NotIsolated));
        return;
    }
    let threads = pool_size(hardware);
    dispatch.dispatch(Action::Pool(PoolState::Starting { threads }));
    let state = match pool::start(threads).await {
        Ok(()) => PoolState::Ready { threads },
        Err(reason) => PoolState::Failed { reason },
    };
    dispatch.dispatch(Action::Pool(state));
}

#[function_component(App)]
pub fn app() -> Html {
    // A link in the address bar sets the first state up (it never starts a run).
    let state = use_reducer(|| {
        let fragment = address::fragment();
        let state = AppState::default();
        if fragment.is_empty() {
            // No link: the language chosen last time, else the browser's.
            let lang = prefs::stored_lang().unwrap_or_else(prefs::browser_lang);
            state.apply(Action::SetLang(lang))
        } else {
            state.apply(Action::OpenLink(link::decode(&fragment)))
        }
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
            spawn_local(boot(dispatch));
        });
    }
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
                    spawn_local(runner::run(
                        executor,
                        plan,
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
    let lesson = state.lesson.as_deref().and_then(crate::lessons::by_id);
    let busy = state.running.is_some();
    let on_threads = {
        let dispatch = state.dispatcher();
        Callback::from(move |n| dispatch.dispatch(Action::SetThreads(n)))
    };

    html! {
        <main class="app">
            <header class="top">
                <h1>{ "并发游乐场" }<span class="en">{ "Concurrency Playground" }</span></h1>
                <p class="lead">
                    { "同一个工作负载，在主线程上同步运行、作为协作式异步任务运行、或在 Web Worker 线程池上并行运行：比较用时，看页面会不会卡住。" }
                    <br/>
                    <span class="en">{ "One workload, run synchronously on the main thread, as cooperative async tasks, or in parallel on a Web Worker pool: compare the times, and see whether the page freezes." }</span>
                </p>
            </header>
            <LangPicker lang={state.lang} on_change={on_lang} />
            <LessonNav current={state.lesson.clone()} lang={state.lang} on_open={on_lesson} disabled={busy} />
            if let Some(lesson) = lesson {
                <LessonView {lesson} lang={state.lang} on_preset={on_preset} disabled={busy} />
            }
            <LinkNotices notices={state.link_notices.clone()} on_dismiss={on_dismiss_notices} />
            <Share {fragment} />
            <PoolStatus
                isolated={state.isolated}
                logical_processors={state.logical_processors}
                pool={state.pool.clone()}
                default_threads={state.threads}
                lost_workers={state.lost_workers}
            />
            <section class="workload">
                <WorkloadPicker current={state.workload.id} on_select={on_select} disabled={state.running.is_some()} />
                <ParamsForm
                    params={state.workload.params}
                    values={state.values.clone()}
                    inputs={state.inputs.clone()}
                    on_edit={on_edit}
                    disabled={state.running.is_some()}
                />
                <FaultPicker fault={state.fault} on_change={on_fault} disabled={state.running.is_some()} />
                <RunControls
                    pool_ready={state.pool.is_ready()}
                    busy={state.running.is_some()}
                    threads={state.threads}
                    max_threads={state.max_threads()}
                    logical_processors={state.logical_processors}
                    estimate_ms={state.main_thread_estimate_ms()}
                    on_run={on_run}
                    on_run_all={on_run_all}
                    executors={state.executors.clone()}
                    panic_fault={matches!(state.fault, crate::engine::fault::Fault::Panic(_))}
                    on_threads={on_threads}
                />
                if let Some((executor, estimate_ms)) = state.confirm {
                    <Confirm {executor} {estimate_ms} on_confirm={on_confirm} on_dismiss={on_dismiss} />
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
            </section>
        </main>
    }
}
