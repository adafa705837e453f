//! The bank scene (lessons 03 and 04): pick one of the four ways to wait, run it for real on
//! the page's event loop (`web::bank_run`), watch it live, replay it from the recorded events,
//! and compare the ways' counts.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::bank_bars::BankBars;
use super::bank_picture::BankPicture;
use crate::bank_scene::view::{scene_at, CALL_MS};
use crate::bank_scene::{Mode, RunLog, PLAN};
use crate::engine::frames::FrameStats;
use crate::i18n::bank_scene::SceneText as T;
use crate::i18n::Texts;
use crate::link::{self, Lang, LinkConfig};
use crate::web::bank_run;
use crate::web::clock::now_ms;
use crate::web::ticker::Ticker;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: Mode,
    pub lang: Lang,
    /// The page's configuration, for each mode's link.
    pub config: LinkConfig,
    pub on_mode: Callback<Mode>,
    /// A visit finished (a demo run, for the progress record).
    pub on_ran: Callback<()>,
    /// A visit started (true) or ended (false): the page runs nothing else meanwhile.
    pub on_busy: Callback<bool>,
    /// Another run is in progress.
    pub disabled: bool,
}

/// A finished visit.
#[derive(Debug, Clone, PartialEq)]
struct Visit {
    log: RunLog,
    frames: FrameStats,
}

fn name(mode: Mode) -> T {
    match mode {
        Mode::SyncBlocking => T::SyncBlocking,
        Mode::SyncPolling => T::SyncPolling,
        Mode::AsyncBlocking => T::AsyncBlocking,
        Mode::AsyncCallback => T::AsyncCallback,
    }
}

fn how(mode: Mode, lang: Lang) -> String {
    match mode {
        Mode::SyncBlocking => T::HowSyncBlocking.fill(lang, &[&(PLAN.service_ms / 1e3)]),
        Mode::SyncPolling => T::HowSyncPolling.fill(lang, &[&PLAN.poll_every_ms]),
        Mode::AsyncBlocking => T::HowAsyncBlocking.get(lang),
        Mode::AsyncCallback => T::HowAsyncCallback.get(lang),
    }
}

fn ms(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{x:.0} ms"))
}

/// The scene's own state: the visits so far, the one running, its live log, the moment shown
/// and the ticker that moves it, and whether a replay is on.
#[derive(Clone)]
struct Hooks {
    visits: UseStateHandle<BTreeMap<Mode, Rc<Visit>>>,
    running: UseStateHandle<Option<Mode>>,
    live: Rc<RefCell<RunLog>>,
    at: UseStateHandle<f64>,
    ticker: Rc<RefCell<Option<Ticker>>>,
    replaying: UseStateHandle<bool>,
}

/// Run: a visit on the page's event loop, drawn live, kept when it ends.
fn run_callback(
    h: &Hooks,
    mode: Mode,
    on_ran: Callback<()>,
    on_busy: Callback<bool>,
) -> Callback<MouseEvent> {
    let h = h.clone();
    Callback::from(move |_: MouseEvent| {
        if h.running.is_some() {
            return;
        }
        on_busy.emit(true);
        // Shown from the first painted frame (before a freeze, that frame is all there is).
        *h.live.borrow_mut() = RunLog::new(mode, PLAN, now_ms());
        h.running.set(Some(mode));
        h.replaying.set(false);
        let tick = h.at.clone();
        *h.ticker.borrow_mut() = Some(Ticker::start(move || {
            tick.set(now_ms());
            true
        }));
        let (h, on_ran, on_busy) = (h.clone(), on_ran.clone(), on_busy.clone());
        spawn_local(async move {
            let frames = bank_run::run(mode, PLAN, h.live.clone()).await;
            h.ticker.borrow_mut().take();
            let log = h.live.borrow().clone();
            let mut all = (*h.visits).clone();
            h.at.set(log.result_ms.unwrap_or_else(now_ms));
            all.insert(mode, Rc::new(Visit { log, frames }));
            h.visits.set(all);
            h.running.set(None);
            on_busy.emit(false);
            on_ran.emit(());
        });
    })
}

/// Replay: the mode's last visit again, at its own pace.
fn replay_callback(h: &Hooks, mode: Mode) -> Callback<MouseEvent> {
    let h = h.clone();
    Callback::from(move |_: MouseEvent| {
        let Some(visit) = h.visits.get(&mode).cloned() else {
            return;
        };
        let log = &visit.log;
        let end = log.result_ms.unwrap_or(log.start_ms) + CALL_MS;
        let offset = log.start_ms - now_ms();
        h.replaying.set(true);
        let (tick, done) = (h.at.clone(), h.replaying.clone());
        *h.ticker.borrow_mut() = Some(Ticker::start(move || {
            let t = (now_ms() + offset).min(end);
            tick.set(t);
            if t >= end {
                done.set(false);
            }
            t < end
        }));
    })
}

/// The four ways to wait, one button each.
fn mode_buttons(props: &Props, busy: bool) -> Html {
    let (lang, mode) = (props.lang, props.mode);
    html! {
        <div class="scene-modes" role="group" aria-label={T::Way.get(lang)}>
            { for Mode::ALL.into_iter().map(|m| html! {
                <button id={format!("scene-mode-{}", m.tag())}
                    class={classes!("secondary", (m == mode).then_some("active"))}
                    aria-pressed={(m == mode).to_string()} disabled={busy}
                    onclick={props.on_mode.reform(move |_: MouseEvent| m)}>
                    { name(m).get(lang) }
                </button>
            }) }
        </div>
    }
}

#[function_component(BankScene)]
pub fn bank_scene(props: &Props) -> Html {
    let lang = props.lang;
    let mode = props.mode;
    let h = Hooks {
        visits: use_state(BTreeMap::<Mode, Rc<Visit>>::new),
        running: use_state(|| None::<Mode>),
        live: use_mut_ref(|| RunLog::empty(mode, PLAN)),
        // The moment shown, on the page's clock; a ticker moves it while live or replaying.
        at: use_state(|| 0.0f64),
        ticker: use_mut_ref(|| None::<Ticker>),
        replaying: use_state(|| false),
    };
    let on_run = run_callback(&h, mode, props.on_ran.clone(), props.on_busy.clone());
    let on_replay = replay_callback(&h, mode);
    let Hooks {
        visits,
        running,
        live,
        at,
        replaying,
        ..
    } = h;

    // What to draw: the live visit, else this mode's last visit, else a visit not started.
    let shown_log = match *running {
        Some(m) if m == mode => live.borrow().clone(),
        _ => visits
            .get(&mode)
            .map(|v| v.log.clone())
            .unwrap_or_else(|| RunLog::empty(mode, PLAN)),
    };
    let shown_at = if running.is_some() || *replaying || visits.contains_key(&mode) {
        *at
    } else {
        0.0
    };
    let snapshot = scene_at(&shown_log, shown_at);
    let busy = running.is_some();
    let link_for = |m: Mode| {
        let config = LinkConfig {
            scene: Some(m),
            ..props.config.clone()
        };
        format!("#{}", link::encode(&config))
    };
    let state = if busy {
        "running"
    } else if visits.contains_key(&mode) {
        "done"
    } else {
        "idle"
    };

    html! {
        <section class="bank-scene" id="scene" data-mode={mode.tag()} data-state={state}>
            <h3>{ T::Title.get(lang) }</h3>
            <p class="help">{ T::Intro.get(lang) }</p>
            { mode_buttons(props, busy) }
            <p class="scene-how">{ how(mode, lang) }</p>
            if mode == Mode::SyncBlocking {
                <p class="notice" id="scene-freeze">{ T::Freeze.fill(lang, &[&(PLAN.service_ms / 1e3)]) }</p>
            }
            <div class="scene-actions">
                <button id="scene-run" onclick={on_run} disabled={busy || props.disabled}>
                    { if busy { T::Running.get(lang) } else { T::Run.get(lang) } }
                </button>
                <button id="scene-replay" class="secondary" onclick={on_replay}
                    disabled={busy || *replaying || !visits.contains_key(&mode)}>{ T::Replay.get(lang) }</button>
                <a id="scene-link" href={link_for(mode)}>{ T::Link.get(lang) }</a>
                if props.disabled && !busy {
                    <span class="help">{ T::Busy.get(lang) }</span>
                }
            </div>
            <BankPicture {mode} {snapshot} {lang} />
            <BankBars log={shown_log} at_ms={shown_at} {lang} />
            { counts(&visits, mode, lang) }
        </section>
    }
}

/// The last visit of each way, side by side.
fn counts(visits: &BTreeMap<Mode, Rc<Visit>>, current: Mode, lang: Lang) -> Html {
    if visits.is_empty() {
        return html! { <p class="help" id="scene-none">{ T::NotRun.get(lang) }</p> };
    }
    html! {
        <table class="scene-counts">
            <thead>
                <tr>
                    <th>{ T::Way.get(lang) }</th>
                    <th>{ T::Polls.get(lang) }</th>
                    <th>{ T::Jobs.get(lang) }</th>
                    <th>{ T::TimeToResult.get(lang) }</th>
                    <th>{ T::Pickup.get(lang) }</th>
                    <th>{ T::FrameGap.get(lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for visits.iter().map(|(&m, v)| {
                    let log = &v.log;
                    html! {
                        <tr id={format!("scene-row-{}", m.tag())}
                            class={classes!((m == current).then_some("current"))}
                            data-polls={log.polls.len().to_string()}
                            data-jobs={log.jobs.len().to_string()}
                            data-result-ms={log.time_to_result_ms().unwrap_or(-1.0).to_string()}
                            data-pickup-ms={log.pickup_delay_ms().unwrap_or(-1.0).to_string()}
                            data-gap-ms={v.frames.longest_gap_ms.to_string()}
                            data-frames={v.frames.frames.to_string()}>
                            <th scope="row">{ name(m).get(lang) }</th>
                            <td class="polls">{ log.polls.len() }</td>
                            <td class="jobs">
                                { log.jobs.len() }
                                if !log.jobs.is_empty() {
                                    <span class="detail">{ " " }{ T::Found.fill(lang, &[&log.found()]) }</span>
                                }
                            </td>
                            <td>{ ms(log.time_to_result_ms()) }</td>
                            <td>{ ms(log.pickup_delay_ms()) }</td>
                            <td>{ format!("{:.0} ms", v.frames.longest_gap_ms) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
