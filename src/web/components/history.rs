//! The history panel: kept runs (newest first) to reopen or pick for comparison, storage
//! notices, exports (history and the latest run's spans, as CSV and JSON), and "Clear all".

use std::collections::BTreeMap;

use yew::prelude::*;

use super::history_compare::HistoryCompare;
use super::labels;
use crate::app_state::RunRecord;
use crate::executor::Executor;
use crate::history::files::{file, Export, Source};
use crate::history::{Entry, History, HistoryAction, Notice, Outcome};
use crate::i18n::history::HistoryText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::web::history_store::download;

/// Rows shown until the learner asks for all: a long table costs the page memory and time on
/// every render, and the newest runs are the ones compared.
const SHOWN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub history: History,
    /// The latest run per executor for the current configuration (for its spans).
    pub results: BTreeMap<Executor, RunRecord>,
    pub workload: &'static str,
    /// The current configuration's link fragment.
    pub config: String,
    pub lang: Lang,
    pub on_action: Callback<HistoryAction>,
    /// Opens a kept configuration (a link fragment).
    pub on_reopen: Callback<String>,
    /// A run is in progress: reopening and clearing wait.
    pub busy: bool,
}

fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::Unavailable(why) => T::Unavailable.fill(lang, &[why]),
        Notice::Full { kept } => T::Full.fill(lang, &[kept]),
        Notice::Corrupted { dropped } => T::Corrupted.fill(lang, &[dropped]),
        Notice::Failed(why) => T::SaveFailed.fill(lang, &[why]),
    }
}

/// The entry's start in the reader's local time.
fn local_time(ms: f64, lang: Lang) -> String {
    let locale = if lang == Lang::En { "en" } else { "zh-CN" };
    js_sys::Date::new(&ms.into())
        .to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// One kept run: pick for comparison, what it was, and Reopen.
fn entry_row(e: &Entry, props: &Props) -> Html {
    let (lang, h) = (props.lang, &props.history);
    let id = e.id;
    let picked = h.picked.contains(&id);
    let on_pick = props
        .on_action
        .reform(move |_: Event| HistoryAction::TogglePick(id));
    let config = e.config.clone();
    let on_reopen = props.on_reopen.reform(move |_: MouseEvent| config.clone());
    let outcome = match &e.outcome {
        Outcome::Completed => html! {},
        Outcome::Cancelled => html! { <span class="badge">{ T::Cancelled.get(lang) }</span> },
        Outcome::Failed(why) => {
            html! { <span class="badge error">{ T::Failed.fill(lang, &[why]) }</span> }
        }
    };
    let env = [
        e.env.logical_processors.map(|n| T::Cores.fill(lang, &[&n])),
        e.env
            .isolated
            .map(|i| if i { T::Isolated } else { T::NotIsolated }.get(lang)),
        (!e.env.browser.is_empty()).then(|| e.env.browser.clone()),
    ];
    html! {
        <tr class="history-entry" id={format!("history-{id}")} data-id={id.to_string()}
            data-executor={e.executor.tag()} data-workload={e.workload.clone()}
            data-state={e.outcome.tag()} data-answer={e.answer.to_string()}
            data-ms={format!("{:.3}", e.wall_ms)}>
            <td><input type="checkbox" class="pick" checked={picked} onchange={on_pick}
                aria-label={format!("{} #{id}", T::Pick.get(lang))} /></td>
            <td class="when">{ format!("#{id} · {}", local_time(e.at_ms, lang)) }</td>
            <td>{ labels::workload(&e.workload, lang) }</td>
            <td>{ labels::executor(e.executor.tag(), lang) }<br/>
                <span class="help">{ T::Threads.fill(lang, &[&e.threads]) }</span></td>
            <td class="answer">{ e.answer_in(lang) } { outcome }</td>
            <td class="wall-time">{ format!("{:.1} ms", e.wall_ms) }</td>
            <td class="speedup">{ e.speedup.map(|s| format!("{s:.2}×")).unwrap_or_default() }</td>
            <td class="env help">{ env.into_iter().flatten().collect::<Vec<_>>().join(" · ") }</td>
            <td><button class="secondary reopen" onclick={on_reopen} disabled={props.busy}
                title={T::ReopenHelp.get(lang)}>{ T::Reopen.get(lang) }</button></td>
        </tr>
    }
}

/// What the history could not do (storage disabled, full, an entry dropped), with Dismiss.
fn notices_box(props: &Props) -> Option<Html> {
    let (lang, h) = (props.lang, &props.history);
    (!h.notices.is_empty()).then(|| {
        let dismiss = props
            .on_action
            .reform(|_: MouseEvent| HistoryAction::DismissNotices);
        html! {
            <div class="notice warn" id="history-notice" role="status"
                data-kinds={h.notices.iter().map(Notice::tag).collect::<Vec<_>>().join(" ")}>
                { for h.notices.iter().map(|n| html! { <p data-kind={n.tag()}>{ notice_text(n, lang) }</p> }) }
                <button class="secondary" id="history-notice-dismiss" onclick={dismiss}>{ T::Dismiss.get(lang) }</button>
            </div>
        }
    })
}

/// Clear, and its confirmation.
fn clear_box(props: &Props, confirming: bool, on_confirm: &Callback<bool>) -> Html {
    let (lang, h) = (props.lang, &props.history);
    if confirming {
        let clear = props
            .on_action
            .reform(|_: MouseEvent| HistoryAction::Clear {
                at_ms: js_sys::Date::now(),
            });
        let done = on_confirm.reform(|_: MouseEvent| false);
        html! {
            <p class="clear">
                <button class="danger" id="history-clear-confirm" onclick={Callback::from(move |e: MouseEvent| { done.emit(e.clone()); clear.emit(e) })}>
                    { T::ClearConfirm.fill(lang, &[&h.entries.len()]) }
                </button>
                <button class="secondary" id="history-clear-cancel" onclick={on_confirm.reform(|_: MouseEvent| false)}>{ T::ClearCancel.get(lang) }</button>
            </p>
        }
    } else {
        html! {
            <p class="clear">
                <button class="secondary" id="history-clear" disabled={h.entries.is_empty() || props.busy}
                    onclick={on_confirm.reform(|_: MouseEvent| true)}>{ T::Clear.get(lang) }</button>
            </p>
        }
    }
}

/// The kept runs, newest first (the newest few, or all on request).
fn table(props: &Props, show_all: &UseStateHandle<bool>) -> Html {
    let (lang, h) = (props.lang, &props.history);
    html! {
        <>
        <div class="history-scroll">
            <table id="history-table">
                <thead><tr>
                    <th>{ T::Pick.get(lang) }</th>
                    <th>{ T::When.get(lang) }</th>
                    <th>{ T::Workload.get(lang) }</th>
                    <th>{ T::Executor.get(lang) }</th>
                    <th>{ T::Outcome.get(lang) }</th>
                    <th>{ T::WallTime.get(lang) }</th>
                    <th>{ T::Speedup.get(lang) }</th>
                    <th>{ T::Environment.get(lang) }</th>
                    <th></th>
                </tr></thead>
                <tbody>{ for h.entries.iter().rev().take(if **show_all { usize::MAX } else { SHOWN }).map(|e| entry_row(e, props)) }</tbody>
            </table>
        </div>
        if h.entries.len() > SHOWN {
            <p><button class="secondary" id="history-show-all" onclick={{
                let show_all = show_all.clone();
                move |_: MouseEvent| show_all.set(!*show_all)
            }}>
                { if **show_all { T::ShowNewest.fill(lang, &[&SHOWN]) } else { T::ShowAll.fill(lang, &[&h.entries.len()]) } }
            </button></p>
        }
        </>
    }
}

#[function_component(HistoryPanel)]
pub fn history_panel(props: &Props) -> Html {
    let lang = props.lang;
    let confirming = use_state(|| false);
    let show_all = use_state(|| false);
    let download_error = use_state(|| None::<String>);
    // One handler for every export button: the file is made only when asked for.
    let on_export = {
        let download_error = download_error.clone();
        let src = Source {
            entries: props.history.entries.clone(),
            results: props.results.clone(),
            workload: props.workload,
            config: props.config.clone(),
        };
        Callback::from(move |what: Export| {
            if let Some(f) = file(&src, what) {
                download_error.set(download(&f.name, f.mime, &f.text).err());
            }
        })
    };
    let on_confirm = {
        let confirming = confirming.clone();
        Callback::from(move |ask: bool| confirming.set(ask))
    };
    let h = &props.history;
    let button = |id: &'static str, what: Export, label: &'static str, disabled: bool| {
        html! {
            <button class="secondary" {id} {disabled} onclick={on_export.reform(move |_: MouseEvent| what)}>{ label }</button>
        }
    };
    let empty = h.entries.is_empty();
    let latest = h
        .entries
        .last()
        .and_then(|e| props.results.get(&e.executor))
        .map(|r| labels::executor(r.executor.tag(), lang));
    let clear = clear_box(props, *confirming, &on_confirm);
    html! {
        <section class="history" id="history" data-count={h.entries.len().to_string()}>
            <h2>{ T::Title.get(lang) }</h2>
            <p class="help">{ T::Intro.get(lang) }</p>
            { for notices_box(props) }
            if let Some(error) = (*download_error).clone() {
                <p class="notice error" id="download-error" role="alert">{ T::DownloadFailed.fill(lang, &[&error]) }</p>
            }
            if h.entries.is_empty() {
                <p class="empty" id="history-empty">{ T::Empty.get(lang) }</p>
            } else {
                { table(props, &show_all) }
                if let Some((a, b)) = h.pair() {
                    <HistoryCompare a={a.clone()} b={b.clone()} {lang} />
                } else {
                    <p class="help" id="history-pick-two">{ T::PickTwo.get(lang) }</p>
                }
            }
            <p class="exports">
                { T::ExportHistory.get(lang) }
                { button("history-export-csv", Export::HistoryCsv, "CSV", empty) }
                { button("history-export-json", Export::HistoryJson, "JSON", empty) }
            </p>
            if let Some(executor) = latest {
                <p class="exports">
                    { T::ExportSpans.fill(lang, &[&executor]) }
                    { button("spans-export-csv", Export::SpansCsv, "CSV", false) }
                    { button("spans-export-json", Export::SpansJson, "JSON", false) }
                </p>
            }
            { clear }
        </section>
    }
}
