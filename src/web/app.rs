//! The root component: owns the one reducer, starts the pool, and wires runs to the core.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::components::{
    compare::Compare, pool_status::PoolStatus, run_card::RunCard, size_input::SizeInput,
};
use super::{browser, clock, pool};
use crate::app_state::{Action, AppState, Mode, RunResult};
use crate::pool_state::{default_threads, PoolState};
use crate::workload::primes;

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
    });
    if !isolated {
        dispatch.dispatch(Action::Pool(PoolState::NotIsolated));
        return;
    }
    let threads = default_threads(hardware);
    dispatch.dispatch(Action::Pool(PoolState::Starting { threads }));
    let state = match pool::start(threads).await {
        Ok(()) => PoolState::Ready { threads },
        Err(reason) => PoolState::Failed { reason },
    };
    dispatch.dispatch(Action::Pool(state));
}

/// Runs the prime count of size `n` in `mode`, timing it on the page's clock.
async fn run(mode: Mode, n: u64, threads: usize, dispatch: UseReducerDispatcher<AppState>) {
    let outcome = match mode {
        Mode::Main => {
            // Let "running…" reach the screen: the page is about to freeze on purpose.
            clock::after_next_paint().await;
            let t0 = clock::now_ms();
            let answer = primes::count_serial(n);
            Ok((answer, clock::now_ms() - t0))
        }
        Mode::Pool => {
            let t0 = clock::now_ms();
            pool::run(move || primes::count_parallel(n))
                .await
                .map(|answer| (answer, clock::now_ms() - t0))
        }
    };
    dispatch.dispatch(match outcome {
        Ok((answer, wall_ms)) => Action::Finished(
            mode,
            RunResult {
                n,
                answer,
                wall_ms,
                threads,
            },
        ),
        Err(reason) => Action::Failed(mode, reason),
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);

    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| spawn_local(boot(dispatch)));
    }

    let on_run = {
        let state = state.clone();
        Callback::from(move |mode: Mode| {
            if !state.can_run(mode) {
                return;
            }
            let threads = match mode {
                Mode::Main => 1,
                Mode::Pool => state.pool.threads().unwrap_or(1),
            };
            let n = state.limit.value();
            state.dispatch(Action::Started(mode));
            spawn_local(run(mode, n, threads, state.dispatcher()));
        })
    };
    let on_limit = {
        let dispatch = state.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(Action::EditLimit(text)))
    };

    html! {
        <main class="app">
            <header>
                <h1>{ "并发游乐场" }<span class="en">{ "Concurrency Playground" }</span></h1>
                <p class="lead">
                    { "同一个计算，分别在主线程和 Web Worker 线程池上运行，看看谁更快、页面会不会卡住。" }
                    <br/>
                    <span class="en">{ "The same computation on the main thread and on a Web Worker thread pool: which is faster, and does the page freeze?" }</span>
                </p>
            </header>
            <PoolStatus
                isolated={state.isolated}
                logical_processors={state.logical_processors}
                pool={state.pool.clone()}
            />
            <section class="workload">
                <h2>{ "数素数 · Count primes below N" }</h2>
                <SizeInput
                    param={primes::LIMIT}
                    text={state.limit_text.clone()}
                    parsed={state.limit}
                    on_change={on_limit}
                />
                <div class="runs">
                    <RunCard
                        mode={Mode::Main}
                        slot={state.main.clone()}
                        enabled={state.can_run(Mode::Main)}
                        on_run={on_run.clone()}
                    />
                    <RunCard
                        mode={Mode::Pool}
                        slot={state.pooled.clone()}
                        enabled={state.can_run(Mode::Pool)}
                        on_run={on_run}
                    />
                </div>
                <Compare speedup={state.speedup()} agree={state.answers_agree()} />
            </section>
        </main>
    }
}
