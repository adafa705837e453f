//! The pool's state on screen: isolation, logical processors, threads, and why when unavailable.

use yew::prelude::*;

use crate::i18n::Texts;
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
}

#[function_component(PoolStatus)]
pub fn pool_status(props: &Props) -> Html {
    let isolated = match props.isolated {
        None => "…",
        Some(true) => "是 · yes",
        Some(false) => "否 · no",
    };
    let logical = props
        .logical_processors
        .map_or_else(|| "? · unknown".to_string(), |n| n.to_string());
    let pool = match &props.pool {
        PoolState::Starting { threads } => format!("启动中 · starting {threads} workers…"),
        PoolState::Ready { threads } => format!(
            "就绪：{threads} 个 worker，默认每次用 {} 个 · ready: {threads} workers, runs use {} by default",
            props.default_threads, props.default_threads
        ),
        PoolState::NotIsolated => "不可用 · unavailable".to_string(),
        PoolState::Failed { .. } => "启动失败 · failed to start".to_string(),
    };
    html! {
        <section class="pool-status" id="pool-status" data-state={props.pool.tag()}
            data-threads={props.pool.threads().map(|t| t.to_string())}
            data-default-threads={props.default_threads.to_string()}
            data-isolated={props.isolated.map(|b| b.to_string())}>
            <dl>
                <dt>{ "跨源隔离 · Cross-origin isolated" }</dt>
                <dd id="isolated">{ isolated }</dd>
                <dt>{ "逻辑处理器 · Logical processors" }</dt>
                <dd id="logical-processors">{ logical }</dd>
                <dt>{ "线程池 · Worker pool" }</dt>
                <dd id="pool-state">{ pool }</dd>
            </dl>
            if props.lost_workers > 0 {
                <p class="notice warn" id="lost-workers" data-lost={props.lost_workers.to_string()}>
                    { format!("有 {n} 个 worker 因任务崩溃而停用；其余的照常工作。重新加载页面可恢复。 · {n} worker(s) stopped after a task panicked; the others carry on. Reload the page to get them back.", n = props.lost_workers) }
                </p>
            }
            { explanation(&props.pool) }
        </section>
    }
}

fn explanation(pool: &PoolState) -> Html {
    match pool {
        PoolState::NotIsolated => html! {
            <div class="notice warn" id="isolation-notice" role="alert">
                <p>
                    { "线程池需要“跨源隔离”。多个线程要共享同一块内存（SharedArrayBuffer），而浏览器只在服务器发送 \
                       Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp \
                       两个响应头时才提供它——这是为了防范 Spectre 一类的侧信道攻击。这个页面没有收到这两个响应头，\
                       所以线程池不可用；主线程模式照常可用。" }
                </p>
                <p class="en">
                    { "The worker pool needs cross-origin isolation. Its threads share one block of memory \
                       (SharedArrayBuffer), and browsers only allow that when the server sends \
                       Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, \
                       a defence against Spectre-style side channels. This page was served without those \
                       headers, so the pool is unavailable; the main-thread mode still works." }
                </p>
                <p id="procs-without-isolation">
                    { crate::i18n::procs::ProcsText::NoIsolation.get(crate::link::Lang::Both) }
                </p>
            </div>
        },
        PoolState::Failed { reason } => html! {
            <div class="notice error" id="pool-error" role="alert">
                <p>{ "线程池启动失败；主线程模式照常可用。 · The worker pool failed to start; the main-thread mode still works." }</p>
                <p><code>{ reason }</code></p>
            </div>
        },
        _ => html! {},
    }
}
