//! One run seen through the chosen Python API call: what the call hands its caller, and when
//! (all derived in `pyapi` from the run's record). The raw spans ride along in `data-spans`
//! so end-to-end tests check shapes from the spans themselves.

use yew::prelude::*;

use super::api_views as views;
use super::labels;
use crate::app_state::RunRecord;
use crate::engine::{Lane, Span};
use crate::executor::Executor;
use crate::i18n::pyapi::ApiText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::pyapi::futures::{Completion, Record};
use crate::pyapi::ApiCall;

/// Spans beyond this many are left out of `data-spans` (a run of 10⁵ tiny tasks), and task
/// lists longer than this are left out of the other `data-` attributes.
const MAX_DATA_SPANS: usize = 4_000;
/// The most rows a list shows; the rest are counted.
pub(super) const MAX_ROWS: usize = 40;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub api: ApiCall,
    pub record: RunRecord,
    /// Each task's asked wait in ms, when the workload says (io).
    pub asked: Option<Vec<u64>>,
    /// (items, chunk size) when the tasks are `imap` chunks (squares).
    pub chunking: Option<(u64, u64)>,
}

pub(super) fn ms(v: f64) -> String {
    format!("{v:.0}")
}

pub(super) fn list(tasks: impl IntoIterator<Item = u32>) -> String {
    let all: Vec<String> = tasks.into_iter().map(|t| t.to_string()).collect();
    if all.len() > MAX_DATA_SPANS {
        return String::new();
    }
    all.join(",")
}

/// The first [`MAX_ROWS`] items as list rows, and a count of the rest.
pub(super) fn rows<T>(items: &[T], row: impl Fn(&T) -> Html) -> Html {
    let more = items.len().saturating_sub(MAX_ROWS);
    html! {
        <>
            { for items.iter().take(MAX_ROWS).map(row) }
            if more > 0 { <li class="more">{ format!("… +{more}") }</li> }
        </>
    }
}

fn lane(lang: Lang, lane: Option<Lane>) -> String {
    match lane {
        Some(Lane::Main) => T::Main.get(lang),
        Some(Lane::Worker(w)) => T::Worker.fill(lang, &[&w]),
        None => "?".into(),
    }
}

pub(super) fn value(lang: Lang, c: &Completion) -> String {
    match &c.result {
        Ok(v) => v.to_string(),
        Err(e) => format!("{} ({e})", T::Raised.get(lang)),
    }
}

/// The spans as compact JSON: `[task, kind, lane (-1 = main), start, end]`, ms from the start.
fn spans_json(spans: &[Span]) -> String {
    if spans.len() > MAX_DATA_SPANS {
        return "[]".into();
    }
    let rows: Vec<String> = spans
        .iter()
        .map(|s| {
            let lane = match s.lane {
                Lane::Main => -1,
                Lane::Worker(w) => i32::from(w),
            };
            format!(
                "[{},\"{}\",{lane},{:.3},{:.3}]",
                s.task,
                s.kind.tag(),
                s.start_ms,
                s.end_ms
            )
        })
        .collect();
    format!("[{}]", rows.join(","))
}

#[function_component(ApiOutcome)]
pub fn api_outcome(props: &Props) -> Html {
    let lang = props.lang;
    let executor: Executor = props.record.executor;
    // A run of 10⁵ tasks takes a moment to read: once per run, not once per render.
    let output = props.record.output.clone();
    let rec = use_memo(std::rc::Rc::as_ptr(&output) as usize, move |_| {
        Record::from_output(&output)
    });
    let rec: &Record = &rec;
    let id = format!("api-outcome-{}", executor.tag());
    let body = if rec.spans.is_empty() && rec.tasks > 0 {
        html! { <p>{ T::NoTimes.get(lang) }</p> }
    } else {
        details(lang, props, rec)
    };
    let callbacks = rows(rec.as_completed(), |c| {
        html! { <li>{ T::Callback.fill(lang, &[&c.task, &ms(c.at_ms), &lane(lang, c.lane)]) }</li> }
    });
    html! {
        <div class="api-outcome" {id} data-api={props.api.tag()}
             data-completed={list(rec.as_completed().iter().map(|c| c.task))}
             data-spans={spans_json(&rec.spans)}>
            <h4>{ T::Outcome.fill(lang, &[&labels::executor(executor.tag(), lang)]) }</h4>
            { body }
            <details class="callbacks">
                <summary>{ T::CallbacksHead.get(lang) }</summary>
                <ol>{ callbacks }</ol>
            </details>
        </div>
    }
}

fn details(lang: Lang, props: &Props, rec: &Record) -> Html {
    match props.api {
        ApiCall::None => html! {},
        ApiCall::Map => views::map_view(lang, props, rec),
        ApiCall::Wait(spec) => views::wait_view(lang, rec, spec),
        ApiCall::Event { set_ms } => views::event_view(lang, rec, set_ms),
        ApiCall::Exit { daemon, main_ms } => views::exit_view(lang, rec, daemon, main_ms),
        ApiCall::Block { .. } => views::block_view(lang, props, rec),
    }
}
