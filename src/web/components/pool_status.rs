//! The pool's state on screen: isolation (and how it was reached), logical processors, threads,
//! and — when the pool is unavailable — a banner that says what is missing and why it matters.

use yew::prelude::*;

use crate::i18n::pool_status::PoolText;
use crate::i18n::procs::ProcsText;
use crate::i18n::Texts;
use crate::isolation::Isolation;
use crate::link::Lang;
use crate::pool_state::PoolState;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub isolated: Option<bool>,
    pub logical_processors: Option<usize>,
    pub pool: PoolState,
    /// Threads a pool run uses by default.
    pub default_threads: usize,
    /// Workers lost to panicking tasks.
    pub lost_workers: usize,
    /// How the page became isolated, or why not.
    pub isolation: Isolation,
    pub lang: Lang,
}

#[function_component(PoolStatus)]
pub fn pool_status(props: &Props) -> Html {
    let lang = props.lang;
    let isolated = match (props.isolated, &props.isolation) {
        (None, _) => "…".to_string(),
        (Some(true), Isolation::ServiceWorker) => PoolText::ViaServiceWorker.get(lang),
        (Some(true), Isolation::Headers) => PoolText::ViaHeaders.get(lang),
        (Some(true), _) => PoolText::Yes.get(lang),
        (Some(false), _) => PoolText::No.get(lang),
    };
    let logical = props
        .logical_processors
        .map_or_else(|| PoolText::Unknown.get(lang), |n| n.to_string());
    let pool = match &props.pool {
        PoolState::Starting { threads } => PoolText::Starting.fill(lang, &[threads]),
        PoolState::Ready { threads } => {
            PoolText::Ready.fill(lang, &[threads, &props.default_threads])
        }
        PoolState::NotIsolated => PoolText::Unavailable.get(lang),
        PoolState::Failed { .. } => PoolText::Failed.get(lang),
    };
    html! {
        <section class="pool-status" id="pool-status" data-state={props.pool.tag()}
            data-threads={props.pool.threads().map(|t| t.to_string())}
            data-default-threads={props.default_threads.to_string()}
            data-isolated={props.isolated.map(|b| b.to_string())}
            data-isolation={props.isolation.tag()}>
            <dl>
                <dt>{ PoolText::Isolated.get(lang) }</dt>
                <dd id="isolated">{ isolated }</dd>
                <dt>{ PoolText::LogicalProcessors.get(lang) }</dt>
                <dd id="logical-processors">{ logical }</dd>
                <dt>{ PoolText::Pool.get(lang) }</dt>
                <dd id="pool-state">{ pool }</dd>
            </dl>
            if props.lost_workers > 0 {
                <p class="notice warn" id="lost-workers" data-lost={props.lost_workers.to_string()}>
                    { PoolText::LostWorkers.fill(lang, &[&props.lost_workers]) }
                </p>
            }
            { explanation(&props.pool, &props.isolation, lang) }
        </section>
    }
}

/// Why the page is not isolated, in the learner's words.
fn reason(isolation: &Isolation, lang: Lang) -> String {
    match isolation {
        Isolation::Unsupported => PoolText::ReasonUnsupported.get(lang),
        Isolation::Insecure => PoolText::ReasonInsecure.get(lang),
        Isolation::NoServiceWorker => PoolText::ReasonNoServiceWorker.get(lang),
        Isolation::Refused(why) => PoolText::ReasonRefused.fill(lang, &[why]),
        Isolation::NoEffect => PoolText::ReasonNoEffect.get(lang),
        Isolation::NoReload => PoolText::ReasonNoReload.get(lang),
        Isolation::Registering | Isolation::Reloading => PoolText::ReasonPending.get(lang),
        Isolation::Unknown | Isolation::Headers | Isolation::ServiceWorker => {
            PoolText::ReasonUnknown.get(lang)
        }
    }
}

fn explanation(pool: &PoolState, isolation: &Isolation, lang: Lang) -> Html {
    match pool {
        PoolState::NotIsolated => html! {
            <div class="notice warn" id="isolation-notice" role="alert" data-reason={isolation.tag()}>
                <p class="why">{ PoolText::Why.get(lang) }</p>
                <p class="reason" id="isolation-reason">{ reason(isolation, lang) }</p>
                <p class="consequence">{ PoolText::NoSharedMemory.get(lang) }</p>
                <p id="procs-without-isolation">{ ProcsText::NoIsolation.get(lang) }</p>
            </div>
        },
        PoolState::Failed { reason } => html! {
            <div class="notice error" id="pool-error" role="alert">
                <p>{ PoolText::FailedNotice.get(lang) }</p>
                <p><code>{ reason }</code></p>
            </div>
        },
        _ => html! {},
    }
}
