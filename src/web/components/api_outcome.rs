//! One run seen through the chosen Python API call: what the call hands its caller, and when
//! (all derived in `pyapi` from the run's record). The raw spans ride along in `data-spans`
//! so end-to-end tests check shapes from the spans themselves.

use yew::prelude::*;

use super::labels;
use crate::app_state::RunRecord;
use crate::asyncio::blocking;
use crate::engine::{Lane, Span};
use crate::executor::Executor;
use crate::i18n::pyapi::ApiText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::pyapi::exit::{exit, ThreadEnd};
use crate::pyapi::futures::{Completion, Record, Stop};
use crate::pyapi::wait::{wait, Fate, Returned};
use crate::pyapi::{event, ApiCall};

/// Spans beyond this many are left out of `data-spans` (a run of 10⁵ tiny tasks), and task
/// lists longer than this are left out of the other `data-` attributes.
const MAX_DATA_SPANS: usize = 4_000;
/// The most rows a list shows; the rest are counted.
const MAX_ROWS: usize = 40;

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

fn ms(v: f64) -> String {
    format!("{v:.0}")
}

fn list(tasks: impl IntoIterator<Item = u32>) -> String {
    let all: Vec<String> = tasks.into_iter().map(|t| t.to_string()).collect();
    if all.len() > MAX_DATA_SPANS {
        return String::new();
    }
    all.join(",")
}

/// The first [`MAX_ROWS`] items as list rows, and a count of the rest.
fn rows<T>(items: &[T], row: impl Fn(&T) -> Html) -> Html {
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

fn value(lang: Lang, c: &Completion) -> String {
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
    let asked = props.asked.as_deref();
    match props.api {
        ApiCall::None => html! {},
        ApiCall::Map => {
            let (delivered, stop) = rec.map();
            let row = |c: &Completion| {
                html! {
                    <li>{ T::Row.fill(lang, &[&c.task, &value(lang, c), &ms(c.at_ms)]) }</li>
                }
            };
            let stop = match stop {
                Some(Stop::Raised(t)) => T::MapStopRaised.fill(lang, &[&t]),
                Some(Stop::NeverFinished(t)) => T::MapStopNever.fill(lang, &[&t]),
                None => String::new(),
            };
            let gather = match rec.gather() {
                (at, Ok(_)) => T::GatherOk.fill(lang, &[&ms(at)]),
                (at, Err((task, _))) => T::GatherErr.fill(lang, &[&ms(at), &task]),
            };
            html! {
                <div class="side-by-side">
                    <div class="map" data-order={list(delivered.iter().map(|c| c.task))}>
                        <h5>{ T::MapHead.get(lang) }</h5>
                        <ol>{ rows(&delivered, row) }</ol>
                        <p>{ stop }</p>
                        <p class="gather">{ gather }</p>
                        { for props.chunking.map(|(n, size)| imap(lang, rec, n, size)) }
                    </div>
                    <div class="as-completed" data-order={list(rec.as_completed().iter().map(|c| c.task))}>
                        <h5>{ T::CompletedHead.get(lang) }</h5>
                        <ol>{ rows(rec.as_completed(), row) }</ol>
                    </div>
                </div>
            }
        }
        ApiCall::Wait(spec) => {
            let r = wait(rec, spec);
            let by = match r.by {
                Returned::Condition => T::ByCondition,
                Returned::Timeout => T::ByTimeout,
                Returned::RunEnded => T::ByRunEnded,
            };
            let fates = rows(&r.pending, |(t, fate)| match fate {
                Fate::FinishedLater { at_ms, .. } => html! {
                    <li class="later">{ T::Later.fill(lang, &[t, &ms(*at_ms)]) }</li>
                },
                Fate::Cancelled => html! {
                    <li class="cancelled">{ T::CancelledTask.fill(lang, &[t]) }</li>
                },
            });
            let fate_tags = r
                .pending
                .iter()
                .map(|(_, f)| match f {
                    Fate::FinishedLater { .. } => "later",
                    Fate::Cancelled => "cancelled",
                })
                .collect::<Vec<_>>()
                .join(",");
            let none = || T::NoneLeft.get(lang);
            // A task that raised is done too: say so, it is why FIRST_EXCEPTION returned.
            let done = if r.done.is_empty() {
                none()
            } else {
                r.done
                    .iter()
                    .take(MAX_ROWS)
                    .map(|&t| match rec.completion(t).map(|c| c.result.is_err()) {
                        Some(true) => format!("{t} ({})", T::Raised.get(lang)),
                        _ => t.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let pending = if r.pending.is_empty() {
                none()
            } else {
                list(r.pending.iter().map(|p| p.0))
            };
            html! {
                <div class="wait" data-done={list(r.done.iter().copied())}
                     data-pending={list(r.pending.iter().map(|p| p.0))}
                     data-fates={fate_tags} data-returned-at={ms(r.returned_at_ms)}>
                    <p>{ T::WaitReturned.fill(lang, &[&ms(r.returned_at_ms), &by.get(lang)]) }
                       { format!(" · {}", spec.when.python()) }</p>
                    <p>{ T::Done.fill(lang, &[&done]) }</p>
                    <p>{ T::Pending.fill(lang, &[&pending]) }</p>
                    <ul>{ fates }</ul>
                </div>
            }
        }
        ApiCall::Event { set_ms } => {
            let held = event::held(rec);
            let rows = rows(&held, |h| {
                let until = h.held.map_or("-".into(), |(_, to)| ms(to));
                let work = h.first_work_ms.map_or("-".into(), ms);
                html! { <li>{ T::HeldRow.fill(lang, &[&h.task, &until, &work]) }</li> }
            });
            html! {
                <div class="event" data-held={held.iter().filter(|h| h.held.is_some()).count().to_string()}>
                    <p>{ T::EventSet.fill(lang, &[&set_ms]) }</p>
                    <ul>{ rows }</ul>
                </div>
            }
        }
        ApiCall::Exit { daemon, main_ms } => {
            let view = exit(rec, daemon, main_ms);
            let abandoned = view
                .threads
                .iter()
                .filter(|(_, e)| *e == ThreadEnd::Abandoned)
                .map(|(t, _)| *t);
            let rows = rows(&view.threads, |(t, end)| match end {
                ThreadEnd::Finished(at) => {
                    html! { <li>{ T::ThreadFinished.fill(lang, &[t, &ms(*at)]) }</li> }
                }
                ThreadEnd::Abandoned => {
                    html! { <li class="abandoned">{ T::ThreadAbandoned.fill(lang, &[t]) }</li> }
                }
            });
            html! {
                <div class="exit" data-abandoned={list(abandoned)} data-program-end={ms(view.program_end_ms)}>
                    <p>{ T::ProgramEnd.fill(lang, &[&ms(view.program_end_ms)]) }</p>
                    <ul>{ rows }</ul>
                </div>
            }
        }
        ApiCall::Block { .. } => {
            let Some(view) = blocking::view(&rec.spans, rec.tasks, asked) else {
                return html! {};
            };
            let busy = view.busy.map(|(a, b)| {
                html! { <p>{ T::Busy.fill(lang, &[&view.blocker, &ms(a), &ms(b)]) }</p> }
            });
            let rows = rows(&view.others, |w| {
                let late = w
                    .late_ms
                    .map(|l| T::LateBy.fill(lang, &[&ms(l)]))
                    .unwrap_or_default();
                html! { <li>{ T::Wake.fill(lang, &[&w.task, &ms(w.io.0), &ms(w.io.1)]) }{ late }</li> }
            });
            html! {
                <div class="block">
                    { for busy }
                    <ul>{ rows }</ul>
                </div>
            }
        }
    }
}

/// The tasks as `imap` chunks: which items reach the caller when.
fn imap(lang: Lang, rec: &Record, n: u64, size: u64) -> Html {
    let count = crate::pyapi::chunks::chunks(n, size).len();
    if count != rec.tasks {
        // A run of other sizes (a chunk sweep moves on before the next run).
        return html! {};
    }
    let deliveries = crate::pyapi::chunks::imap_deliveries(rec, n, size);
    html! {
        <div class="imap" data-chunks={count.to_string()}>
            <h5>{ T::ImapHead.fill(lang, &[&size, &n, &count]) }</h5>
            <ol>{ rows(&deliveries, |(lo, hi, at)| html! {
                <li>{ T::ImapRow.fill(lang, &[lo, &(hi - 1), &ms(*at)]) }</li>
            }) }</ol>
        </div>
    }
}
