//! Lesson 16: the primes kernel in WebAssembly and in plain JavaScript on the main thread,
//! beside the native figures from the project's benchmark. A self-contained demo: its result
//! is its own state and never enters the run history.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::i18n::{lang_compare::CompareText as T, Texts};
use crate::lang_compare::{saved, Comparison, NativeFigures, Row};
use crate::link::Lang;
use crate::web::{clock, js_kernel};
use crate::workload::primes;

/// Primes below this: the native benchmark's size when it is saved, so the rows compare the
/// same work.
const DEFAULT_N: u64 = 5_000_000;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Another run holds the page.
    pub disabled: bool,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Running,
    /// The comparison and the (agreed) count.
    Done(Comparison, u64),
    Disagree(u64, u64),
}

#[function_component(LangCompare)]
pub fn lang_compare(props: &Props) -> Html {
    let native = use_memo((), |_| saved());
    let outcome = use_state(|| Outcome::Idle);
    let n = native.as_ref().as_ref().map_or(DEFAULT_N, |f| f.n);
    let lang = props.lang;
    let onclick = {
        let outcome = outcome.clone();
        let native = native.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            let native = native.clone();
            outcome.set(Outcome::Running);
            spawn_local(async move {
                // Let "Running…" reach the screen before the page freezes on purpose.
                clock::after_next_paint().await;
                let t0 = clock::now_ms();
                let wasm = primes::count_serial(n);
                let t1 = clock::now_ms();
                let js = js_kernel::count_primes(n);
                let t2 = clock::now_ms();
                outcome.set(if wasm == js {
                    Outcome::Done(
                        Comparison::new(n, t1 - t0, t2 - t1, native.as_ref().as_ref()),
                        wasm,
                    )
                } else {
                    Outcome::Disagree(wasm, js)
                });
            });
        })
    };
    let running = *outcome == Outcome::Running;
    html! {
        <section class="lang-compare" id="lang-compare">
            <h3>{ T::Heading.get(lang) }</h3>
            <p>{ T::Intro.fill(lang, &[&n, &"1"]) }</p>
            <button id="lang-compare-run" {onclick} disabled={props.disabled || running}>
                { if running { T::Running.get(lang) } else { T::Run.get(lang) } }
            </button>
            { result(&outcome, native.as_ref().as_ref(), lang) }
        </section>
    }
}

fn result(outcome: &Outcome, native: Option<&NativeFigures>, lang: Lang) -> Html {
    let source = match native {
        Some(f) => T::NativeFrom.fill(lang, &[&f.measured]),
        None => T::NoNative.get(lang),
    };
    match outcome {
        Outcome::Idle | Outcome::Running => html! { <p class="help">{ source }</p> },
        Outcome::Disagree(a, b) => html! {
            <p class="notice error" role="alert">{ T::Disagree.fill(lang, &[a, b]) }</p>
        },
        Outcome::Done(c, count) => {
            let threads = native.map_or(0, |f| f.threads);
            html! {
                <>
                    <p id="lang-compare-answer">{ T::Answer.fill(lang, &[count]) }</p>
                    <table class="lang-compare-table" id="lang-compare-result" data-n={c.n.to_string()}>
                        <tbody>
                            { for c.rows.iter().map(|&(row, ms)| bar(c, row, ms, threads, lang)) }
                        </tbody>
                    </table>
                    <p class="help">{ source }</p>
                </>
            }
        }
    }
}

fn bar(c: &Comparison, row: Row, ms: f64, threads: u32, lang: Lang) -> Html {
    let (tag, name) = match row {
        Row::Wasm => ("wasm", T::Wasm.get(lang)),
        Row::Js => ("js", T::Js.get(lang)),
        Row::NativeSerial => ("native-serial", T::NativeSerial.get(lang)),
        Row::NativeParallel => ("native-parallel", T::NativeParallel.fill(lang, &[&threads])),
    };
    let width = if c.max_ms() > 0.0 {
        100.0 * ms / c.max_ms()
    } else {
        0.0
    };
    let relative = c
        .relative(row)
        .filter(|_| row != Row::Wasm)
        .map(|r| T::Relative.fill(lang, &[&format!("{r:.2}")]))
        .unwrap_or_default();
    html! {
        <tr data-row={tag} data-ms={format!("{ms:.3}")}>
            <th scope="row">{ name }</th>
            <td class="bar-cell">
                // An SVG rect, not a styled span: the page's CSP allows no inline styles.
                <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <rect class={classes!("bar", tag)} width={format!("{width:.1}")} height="10" />
                </svg>
            </td>
            <td class="num">{ format!("{ms:.1} ms") }</td>
            <td class="help">{ relative }</td>
        </tr>
    }
}
