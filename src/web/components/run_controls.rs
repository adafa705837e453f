//! The Run buttons, one per executor, and the pool run's thread count.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::labels;
use crate::executor::Executor;
use crate::i18n::procs::ProcsText;
use crate::i18n::{controls::Ui, Texts};
use crate::link::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub pool_ready: bool,
    pub busy: bool,
    pub threads: usize,
    pub max_threads: usize,
    pub logical_processors: Option<usize>,
    /// Estimated synchronous main-thread time (ms).
    pub estimate_ms: f64,
    pub on_run: Callback<Executor>,
    /// Runs the demo's executors one after another.
    pub on_run_all: Callback<()>,
    /// The demo's executors (shown first and run by "Run all").
    pub executors: Vec<Executor>,
    /// An injected panic is selected: only pool executors may run it.
    pub panic_fault: bool,
    pub on_threads: Callback<usize>,
    pub lang: Lang,
}

#[function_component(RunControls)]
pub fn run_controls(props: &Props) -> Html {
    let on_threads = props.on_threads.reform(|e: InputEvent| {
        e.target_unchecked_into::<HtmlInputElement>()
            .value()
            .parse::<usize>()
            .unwrap_or(1)
    });
    let lang = props.lang;
    let button = |executor: Executor| {
        let onclick = props.on_run.reform(move |_: MouseEvent| executor);
        let disabled = props.busy
            || (executor.needs_pool() && !props.pool_ready)
            || (props.panic_fault && !executor.on_workers());
        let note = match executor {
            Executor::Main => {
                Ui::NoteMain.fill(lang, &[&format!("{:.1}", props.estimate_ms / 1e3)])
            }
            Executor::Async => Ui::NoteAsync.get(lang),
            Executor::Pool if props.pool_ready => Ui::NotePool.fill(lang, &[&props.threads]),
            Executor::Gil if props.pool_ready => Ui::NoteGil.fill(lang, &[&props.threads]),
            Executor::Pool | Executor::Gil => Ui::NotePoolUnavailable.get(lang),
            Executor::Process => ProcsText::Reused.fill(lang, &[&props.threads]),
            Executor::ProcessFresh => ProcsText::Fresh.get(lang),
        };
        html! {
            <div class="run">
                <button id={format!("run-{}", executor.tag())} {onclick} {disabled}>
                    { labels::executor(executor.tag(), lang) }
                </button>
                <span class="help">{ note }</span>
            </div>
        }
    };
    let cores = props.logical_processors.map_or_else(String::new, |n| {
        format!(" · {}", Ui::LogicalProcessors.fill(lang, &[&n]))
    });
    html! {
        <div class="run-controls">
            <div class="field threads">
                <label for="threads">{ Ui::Threads.get(lang) }</label>
                <input id="threads" type="range" min="1" max={props.max_threads.to_string()}
                    value={props.threads.to_string()} oninput={on_threads} disabled={props.busy || !props.pool_ready}
                    aria-valuetext={Ui::ThreadsValue.fill(lang, &[&props.threads])} />
                <output for="threads" id="threads-value">{ props.threads }</output>
                <span class="help">{ format!("1 – {}{cores}", props.max_threads) }</span>
            </div>
            <div class="run run-all">
                <button id="run-all" onclick={props.on_run_all.reform(|_: MouseEvent| ())} disabled={props.busy}>
                    { Ui::RunAll.get(lang) }
                </button>
                <span class="help">{ Ui::RunAllHelp.fill(lang, &[
                    &props.executors.iter().map(|e| e.tag()).collect::<Vec<_>>().join(", ")
                ]) }</span>
            </div>
            // The demo's executors first, then the others.
            { for props.executors.iter().copied().map(&button) }
            { for Executor::ALL.into_iter().filter(|e| !props.executors.contains(e)).map(&button) }
        </div>
    }
}
