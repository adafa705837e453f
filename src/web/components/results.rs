//! The latest run per executor, side by side: answer, wall time, speedup, what the page felt.

use std::collections::{BTreeMap, BTreeSet};

use yew::prelude::*;

use super::labels;
use super::replay::{ReplayTimeline, RunView};
use super::wall_chart::WallChart;
use crate::app_state::RunRecord;
use crate::engine::analysis::{max_overlap, WORKING};
use crate::engine::{Lane, RunEnd, SpanKind};
use crate::executor::Executor;
use crate::i18n::answers::detail_label;
use crate::i18n::history::HistoryText as H;
use crate::i18n::results::RunText as R;
use crate::i18n::visuals::VisualsText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::trace::chrome_trace;
use crate::web::history_store::download;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: BTreeMap<Executor, RunRecord>,
    pub main_ms: Option<f64>,
    pub agree: Option<bool>,
    #[prop_or_default]
    pub lang: Lang,
}

fn fmt_ms(ms: f64) -> String {
    format!("{ms:.1}")
}

/// A run's title: its executor and wall time (the timeline's and the trace's).
fn run_title(r: &RunRecord, lang: Lang) -> String {
    format!(
        "{} · {} ms",
        labels::executor(r.executor.tag(), lang),
        fmt_ms(r.output.wall_ms)
    )
}

/// The timeline's rows for these runs.
pub fn run_views<'a>(runs: impl Iterator<Item = &'a RunRecord>, lang: Lang) -> Vec<RunView> {
    runs.map(|r| RunView {
        key: r.executor.tag(),
        title: run_title(r, lang),
        output: r.output.clone(),
        switch_ms: r
            .switch_ms
            .unwrap_or(crate::engine::gil::SWITCH_INTERVAL_MS),
        frames: r.frame_stamps.clone(),
    })
    .collect()
}

/// Which runs the timelines compare: a box per run.
fn compare_runs(props: &Props, hidden: &UseStateHandle<BTreeSet<Executor>>) -> Html {
    html! {
            <fieldset class="compare-runs">
                <legend>{ T::Compare.get(props.lang) }</legend>
                { for props.results.keys().map(|&e| {
                    let shown = !hidden.contains(&e);
                    let hidden = hidden.clone();
                    let onchange = Callback::from(move |_: Event| {
                        let mut set = (*hidden).clone();
                        if !set.remove(&e) {
                            set.insert(e);
                        }
                        hidden.set(set);
                    });
                    html! {
                        <label>
                            <input type="checkbox" id={format!("show-{}", e.tag())} checked={shown} {onchange} />
                            { labels::executor(e.tag(), props.lang) }
                        </label>
                    }
                }) }
            </fieldset>
    }
}

#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    // Runs the learner unticked in the comparison.
    let hidden = use_state(BTreeSet::<Executor>::new);
    let trace_error = use_state(|| None::<String>);
    // A run's trace file, made only when asked for.
    let on_trace = {
        let trace_error = trace_error.clone();
        let results = props.results.clone();
        let lang = props.lang;
        Callback::from(move |e: Executor| {
            if let Some(r) = results.get(&e) {
                let text = chrome_trace(r, &run_title(r, lang));
                let name = format!("trace-{}.json", e.tag());
                trace_error.set(download(&name, "application/json", &text).err());
            }
        })
    };
    let runs = run_views(
        props
            .results
            .values()
            .filter(|r| !hidden.contains(&r.executor)),
        props.lang,
    );
    if props.results.is_empty() {
        return html! { <p class="empty" id="results-empty">{ R::NoRuns.get(props.lang) }</p> };
    }
    html! {
        <section class="results">
            <table>
                <thead>
                    <tr>
                        <th>{ R::Executor.get(props.lang) }</th>
                        <th>{ R::Answer.get(props.lang) }</th>
                        <th>{ R::WallTime.get(props.lang) }</th>
                        <th>{ R::Speedup.get(props.lang) }</th>
                        <th>{ R::FramesDropped.get(props.lang) }</th>
                        <th>{ R::Tasks.get(props.lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.results.values().map(|r| row(r, props.main_ms, props.lang)) }
                </tbody>
            </table>
            { agreement(props.agree, props.lang) }
            <div class="export trace-export" id="trace-downloads">
                { for props.results.keys().map(|&e| html! {
                    <button class="secondary" data-role="download-trace" data-executor={e.tag()}
                        title={T::TraceHelp.get(props.lang)} onclick={on_trace.reform(move |_: MouseEvent| e)}>
                        { T::DownloadTrace.fill(props.lang, &[&labels::executor(e.tag(), props.lang)]) }
                    </button>
                }) }
                <span class="help">{ T::TraceHelp.get(props.lang) }</span>
            </div>
            if let Some(error) = (*trace_error).clone() {
                <p class="notice error" id="trace-download-error" role="alert">{ H::DownloadFailed.fill(props.lang, &[&error]) }</p>
            }
            <WallChart results={props.results.clone()} lang={props.lang} />
            <h3>{ T::Timelines.get(props.lang) }</h3>
            { compare_runs(props, &hidden) }
            if !runs.is_empty() {
                <ReplayTimeline id="timeline" runs={runs} lang={props.lang} />
            }
        </section>
    }
}

fn row(r: &RunRecord, main_ms: Option<f64>, lang: Lang) -> Html {
    let out = &r.output;
    let (state, status) = match &out.end {
        RunEnd::Completed => ("completed", html! {}),
        RunEnd::Cancelled => (
            "cancelled",
            html! { <span class="badge">{ R::Cancelled.get(lang) }</span> },
        ),
        RunEnd::Failed(e) => (
            "failed",
            html! { <span class="badge error" role="alert">{ R::Failed.fill(lang, &[e]) }</span> },
        ),
    };
    let speedup = main_ms
        .filter(|_| r.executor != Executor::Main && out.wall_ms > 0.0)
        .map(|m| format!("{:.2}×", m / out.wall_ms));
    let lanes = {
        let mut lanes: Vec<Lane> = out.spans.iter().map(|s| s.lane).collect();
        lanes.sort();
        lanes.dedup();
        lanes.len()
    };
    let finished = out.completion_order.len();
    // How many tasks really computed at once, and how many waits on IO overlapped.
    let working = max_overlap(&out.spans, &WORKING);
    let io = max_overlap(&out.spans, &[SpanKind::Io]);
    let frames = r.frames.map_or_else(String::new, |f| {
        R::Frames.fill(lang, &[&f.dropped, &format!("{:.0}", f.longest_gap_ms)])
    });
    html! {
        <tr id={format!("result-{}", r.executor.tag())} data-state={state}>
            <th scope="row">{ labels::executor(r.executor.tag(), lang) }<br/><span class="help">{ R::Threads.fill(lang, &[&r.threads]) }</span></th>
            <td class="answer" data-value={out.answer.value.to_string()}>
                { out.answer.in_lang(lang) } { status }
                { for out.answer.details.iter().map(|(k, v)| html! {
                    <div class="detail" data-key={*k} data-value={v.clone()}>{ format!("{}: {v}", detail_label(k, lang)) }</div>
                }) }
            </td>
            <td class="wall-time" data-ms={format!("{:.3}", out.wall_ms)}>{ format!("{:.1} ms", out.wall_ms) }</td>
            <td class="speedup">{ speedup.unwrap_or_default() }</td>
            <td class="frames" data-dropped={r.frames.map(|f| f.dropped.to_string())}>{ frames }</td>
            <td class="tasks" data-finished={finished.to_string()} data-spans={out.spans.len().to_string()} data-lanes={lanes.to_string()}
                data-max-working={working.to_string()} data-max-io={io.to_string()}>
                { R::Finished.fill(lang, &[&finished, &out.spans.len(), &lanes]) }
                <div class="help">{ R::AtOnce.fill(lang, &[&working, &io]) }</div>
                <div class="order help">{ order_text(&out.completion_order, lang) }</div>
            </td>
        </tr>
    }
}

fn order_text(order: &[u32], lang: Lang) -> String {
    const SHOWN: usize = 12;
    let mut text: Vec<String> = order.iter().take(SHOWN).map(u32::to_string).collect();
    if order.len() > SHOWN {
        text.push("…".into());
    }
    R::Order.fill(lang, &[&text.join(", ")])
}

fn agreement(agree: Option<bool>, lang: Lang) -> Html {
    match agree {
        None => html! {},
        Some(true) => {
            html! { <p class="compare" id="compare" data-agree="true">{ R::Agree.get(lang) }</p> }
        }
        Some(false) => {
            html! { <p class="compare" id="compare" data-agree="false" role="alert">{ R::Differ.get(lang) }</p> }
        }
    }
}
