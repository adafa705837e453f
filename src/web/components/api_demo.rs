//! The Python API panel: pick the call (and its parameters) and see every run through it. (The
//! chunk-size sweep of the tiny-task workload is the chunk chart's, under the results.)

use std::collections::BTreeMap;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::api_outcome::ApiOutcome;
use crate::app_state::RunRecord;
use crate::executor::Executor;
use crate::i18n::pyapi::ApiText as T;
use crate::i18n::Texts;
use crate::link::Lang;
use crate::pyapi::wait::{ReturnWhen, WaitSpec};
use crate::pyapi::{ApiCall, TAGS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub api: ApiCall,
    pub results: BTreeMap<Executor, RunRecord>,
    /// Each task's asked wait (ms), when the workload has one.
    pub asked: Option<Vec<u64>>,
    /// (items, chunk size) when the workload's tasks are `imap` chunks.
    pub chunking: Option<(u64, u64)>,
    pub on_api: Callback<ApiCall>,
    pub disabled: bool,
}

fn call_label(tag: &str) -> T {
    match tag {
        "map" => T::CallMap,
        "wait" => T::CallWait,
        "event" => T::CallEvent,
        "join" => T::CallJoin,
        "daemon" => T::CallDaemon,
        "block" => T::CallBlock,
        _ => T::CallNone,
    }
}

/// The call's one number (ms), if it has exactly one.
fn single_ms(api: ApiCall) -> Option<(u32, T)> {
    match api {
        ApiCall::Event { set_ms } => Some((set_ms, T::SetMs)),
        ApiCall::Exit { main_ms, .. } => Some((main_ms, T::MainMs)),
        ApiCall::Block { busy_ms } => Some((busy_ms, T::BusyMs)),
        _ => None,
    }
}

/// `api` with its one number set from typed text (bounds applied by the link decoder).
fn with_ms(api: ApiCall, text: &str) -> ApiCall {
    let decoded = ApiCall::decode(&format!("{}:{}", api.tag(), text.trim()));
    decoded.unwrap_or_else(|used| used)
}

#[function_component(ApiDemo)]
pub fn api_demo(props: &Props) -> Html {
    let lang = props.lang;
    let api = props.api;
    let on_call = props.on_api.reform(|e: Event| {
        let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
        ApiCall::from_tag(&tag).unwrap_or_default()
    });
    let call_list = crate::web::select::use_select_value(api.tag());
    let when = match api {
        ApiCall::Wait(spec) => spec.when.tag(),
        _ => "",
    };
    let when_list = crate::web::select::use_select_value(when);
    let params = match api {
        ApiCall::Wait(spec) => wait_params(lang, spec, &props.on_api, props.disabled, when_list),
        _ => match single_ms(api) {
            Some((value, label)) => {
                let onchange = props.on_api.reform(move |e: Event| {
                    with_ms(api, &e.target_unchecked_into::<HtmlInputElement>().value())
                });
                html! {
                    <div class="field">
                        <label for="api-ms">{ label.get(lang) }</label>
                        <input id="api-ms" type="number" min="0" value={value.to_string()}
                               {onchange} disabled={props.disabled} />
                    </div>
                }
            }
            None => html! {},
        },
    };
    let outcomes = props.results.values().map(|record| {
        html! { <ApiOutcome {lang} {api} record={record.clone()} asked={props.asked.clone()} chunking={props.chunking} /> }
    });
    html! {
        <section class="api-demo" id="api-demo">
            <h3>{ T::Title.get(lang) }</h3>
            <p class="hint">{ T::Intro.get(lang) }</p>
            <div class="field">
                <label for="api-call">{ T::Call.get(lang) }</label>
                <select id="api-call" ref={call_list} onchange={on_call} disabled={props.disabled}>
                    { for TAGS.iter().map(|&tag| html! {
                        <option value={tag} selected={api.tag() == tag}>{ call_label(tag).get(lang) }</option>
                    }) }
                </select>
            </div>
            { params }
            <div class="api-outcomes">{ for outcomes }</div>
        </section>
    }
}

/// `when_list`: the `return_when` list's reference (its shown choice follows `spec.when`).
fn wait_params(
    lang: Lang,
    spec: WaitSpec,
    on_api: &Callback<ApiCall>,
    disabled: bool,
    when_list: NodeRef,
) -> Html {
    let on_when = on_api.reform(move |e: Event| {
        let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
        ApiCall::Wait(WaitSpec {
            when: ReturnWhen::from_tag(&tag).unwrap_or_default(),
            ..spec
        })
    });
    let on_timeout = on_api.reform(move |e: Event| {
        let text = e.target_unchecked_into::<HtmlInputElement>().value();
        let timeout = text
            .trim()
            .parse::<u64>()
            .unwrap_or(0)
            .min(crate::pyapi::MAX_MS as u64);
        ApiCall::Wait(WaitSpec {
            timeout_ms: (timeout > 0).then_some(timeout as u32),
            ..spec
        })
    });
    let on_cancel = on_api.reform(move |e: Event| {
        ApiCall::Wait(WaitSpec {
            cancel: e.target_unchecked_into::<HtmlInputElement>().checked(),
            ..spec
        })
    });
    html! {
        <div class="wait-params">
            <div class="field">
                <label for="api-when">{ T::When.get(lang) }</label>
                <select id="api-when" ref={when_list} onchange={on_when} {disabled}>
                    { for ReturnWhen::ALL.iter().map(|w| html! {
                        <option value={w.tag()} selected={*w == spec.when}>{ w.python() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="api-timeout">{ T::Timeout.get(lang) }</label>
                <input id="api-timeout" type="number" min="0"
                       value={spec.timeout_ms.unwrap_or(0).to_string()} onchange={on_timeout} {disabled} />
            </div>
            <div class="field">
                <label>
                    <input id="api-cancel" type="checkbox" checked={spec.cancel} onchange={on_cancel} {disabled} />
                    { T::Cancel.get(lang) }
                </label>
            </div>
        </div>
    }
}
