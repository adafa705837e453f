//! What each Python API call hands over from one run, drawn: `map` beside `as_completed`,
//! `wait`'s done and pending, the `Event`'s held tasks, join vs daemon, the blocking coroutine.

use yew::prelude::*;

use super::api_outcome::{list, ms, rows, value, Props, MAX_ROWS};
use crate::asyncio::blocking;
use crate::i18n::pyapi::ApiText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::pyapi::event;
use crate::pyapi::exit::{exit, ThreadEnd};
use crate::pyapi::futures::{Completion, Record, Stop};
use crate::pyapi::wait::{wait, Fate, Returned, WaitSpec};

pub fn map_view(lang: Lang, props: &Props, rec: &Record) -> Html {
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

pub fn wait_view(lang: Lang, rec: &Record, spec: WaitSpec) -> Html {
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

pub fn event_view(lang: Lang, rec: &Record, set_ms: u32) -> Html {
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

pub fn exit_view(lang: Lang, rec: &Record, daemon: bool, main_ms: u32) -> Html {
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

pub fn block_view(lang: Lang, props: &Props, rec: &Record) -> Html {
    let Some(view) = blocking::view(&rec.spans, rec.tasks, props.asked.as_deref()) else {
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
