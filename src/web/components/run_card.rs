//! One execution mode: its Run button, and the last run's answer and wall time.

use yew::prelude::*;

use crate::app_state::{Mode, RunSlot};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: Mode,
    pub slot: RunSlot,
    pub enabled: bool,
    pub on_run: Callback<Mode>,
}

#[function_component(RunCard)]
pub fn run_card(props: &Props) -> Html {
    let mode = props.mode;
    let onclick = props.on_run.reform(move |_: MouseEvent| mode);
    let (title, note, button) = match mode {
        Mode::Main => (
            "主线程 · Main thread",
            "同步运行：运行期间页面会卡住，这是有意的。 · Runs synchronously: the page freezes while it runs, on purpose.",
            "在主线程运行 · Run on main thread",
        ),
        Mode::Pool => (
            "线程池 · Worker pool",
            "在 Web Worker 线程上并行运行：页面保持响应。 · Runs in parallel on Web Worker threads: the page stays responsive.",
            "在线程池运行 · Run on pool",
        ),
    };
    html! {
        <article class={classes!("run-card", mode.tag())} id={format!("run-{}", mode.tag())}
            data-state={props.slot.tag()}>
            <h3>{ title }</h3>
            <p class="note">{ note }</p>
            <button onclick={onclick} disabled={!props.enabled}>{ button }</button>
            { outcome(&props.slot) }
        </article>
    }
}

fn outcome(slot: &RunSlot) -> Html {
    match slot {
        RunSlot::Idle => html! { <p class="outcome idle">{ "尚未运行 · Not run yet" }</p> },
        RunSlot::Running { n } => html! {
            <p class="outcome running" aria-live="polite">{ format!("运行中 · Running (N = {n})…") }</p>
        },
        RunSlot::Done(r) => html! {
            <dl class="outcome done" aria-live="polite">
                <dt>{ "答案 · Answer" }</dt>
                <dd class="answer" data-value={r.answer.to_string()}>
                    { format!("{} primes below {}", r.answer, r.n) }
                </dd>
                <dt>{ "用时 · Wall time" }</dt>
                <dd class="wall-time" data-ms={format!("{:.3}", r.wall_ms)}>
                    { format!("{:.1} ms", r.wall_ms) }
                </dd>
                <dt>{ "线程 · Threads" }</dt>
                <dd class="threads">{ r.threads }</dd>
            </dl>
        },
        RunSlot::Failed(reason) => html! {
            <p class="outcome failed" role="alert">{ format!("运行失败 · Run failed: {reason}") }</p>
        },
    }
}
