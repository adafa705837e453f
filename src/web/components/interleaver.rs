//! The interleaving stepper: the learner picks which thread takes the next atomic step, sees
//! each thread's local, the shared state and the locks, undoes without limit, and below, every
//! possible order with what it ends in — any of them replayed here. The state is the `il=` link
//! field; what happens is `interleave::Machine`'s.

use yew::prelude::*;

use super::interleave_orders::all_orders;
use crate::i18n::interleave::IlText as T;
use crate::i18n::Texts;
use crate::interleave::explore::explore;
use crate::interleave::machine::{Blocked, Machine, Outcome};
use crate::interleave::scenario::{Op, Scenario};
use crate::link::Lang;
use crate::web::ticker::Ticker;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The scenario and schedule, as the link carries them.
    pub value: String,
    /// A new schedule (or scenario) in the same form.
    pub on_change: Callback<String>,
    /// (threads, updates lost, updates made) in the real run of the step, if there was one.
    pub real: Option<(usize, u64, u64)>,
}

fn scenario_name(key: &str) -> T {
    match key {
        "lost-update" => T::LostUpdate,
        "with-lock" => T::WithLock,
        "deadlock" => T::Deadlock,
        "lock-order" => T::LockOrder,
        _ => T::EventScenario,
    }
}

fn op_text(s: &Scenario, op: Op, lang: Lang) -> String {
    let var = |v: usize| s.vars.get(v).map_or("?", |x| x.0);
    let lock = |l: usize| s.locks.get(l).copied().unwrap_or("?");
    let event = |e: usize| s.events.get(e).copied().unwrap_or("?");
    match op {
        Op::Load(v) => T::OpLoad.fill(lang, &[&var(v)]),
        Op::Add(n) => T::OpAdd.fill(lang, &[&format!("{n:+}")]),
        Op::Store(v) => T::OpStore.fill(lang, &[&var(v)]),
        Op::Put(v, n) => T::OpPut.fill(lang, &[&var(v), &n]),
        Op::Acquire(l) => T::OpAcquire.fill(lang, &[&lock(l)]),
        Op::Release(l) => T::OpRelease.fill(lang, &[&lock(l)]),
        Op::Wait(e) => T::OpWait.fill(lang, &[&event(e)]),
        Op::Set(e) => T::OpSet.fill(lang, &[&event(e)]),
        Op::Nop => T::OpNop.get(lang),
    }
}

fn blocked_text(s: &Scenario, t: usize, b: Blocked, lang: Lang) -> String {
    let name = s.threads[t].name;
    match b {
        Blocked::Lock { lock, holder } => {
            T::BlockedLock.fill(lang, &[&name, &s.locks[lock], &s.threads[holder].name])
        }
        Blocked::Event { event } => T::BlockedEvent.fill(lang, &[&name, &s.events[event]]),
    }
}

/// What the last steps did, in one sentence.
fn message(m: &Machine, lang: Lang) -> String {
    let s = m.scenario();
    let (var, want) = s.expect;
    match m.outcome() {
        Outcome::Deadlock(stuck) => {
            let cycle = stuck
                .iter()
                .filter_map(|&(t, b)| match b {
                    Blocked::Lock { lock, .. } => {
                        let held = (0..s.locks.len()).find(|&l| m.holders[l] == Some(t))?;
                        Some(
                            T::Holds
                                .fill(lang, &[&s.threads[t].name, &s.locks[held], &s.locks[lock]]),
                        )
                    }
                    Blocked::Event { .. } => None,
                })
                .collect::<Vec<_>>()
                .join(if lang == Lang::En { "; " } else { "；" });
            T::DeadlockNow.fill(lang, &[&cycle])
        }
        Outcome::Finished { correct } => {
            let lost = m
                .lost
                .last()
                .map(|l| T::Lost.fill(lang, &[&l.read, &s.threads[l.writer].name]) + " ");
            let end = if correct {
                T::FinishedOk.fill(lang, &[&s.vars[var].0, &m.vars[var]])
            } else {
                T::FinishedWrong.fill(lang, &[&s.vars[var].0, &m.vars[var], &want])
            };
            lost.unwrap_or_default() + &end
        }
        Outcome::Running => {
            if let Some(l) = m.lost.last() {
                return T::Lost.fill(lang, &[&l.read, &s.threads[l.writer].name]);
            }
            let stale = (0..s.threads.len()).find_map(|t| {
                let (read, v, now) = m.stale(t)?;
                Some(T::Stale.fill(lang, &[&s.threads[t].name, &read, &s.vars[v].0, &now]))
            });
            if let Some(text) = stale {
                return text;
            }
            let blocked = (0..s.threads.len())
                .find_map(|t| m.blocked(t).map(|b| blocked_text(s, t, b, lang)));
            match blocked {
                Some(text) => text,
                None if m.schedule.is_empty() => T::Start.get(lang),
                None => String::new(),
            }
        }
    }
}

fn thread_column(m: &Machine, t: usize, props: &Props, on_step: &Callback<usize>) -> Html {
    let lang = props.lang;
    let s = m.scenario();
    let th = &s.threads[t];
    let pc = m.pc(t);
    let line = th.steps.get(pc).map(|st| st.line);
    let state = if m.done(t) {
        "done"
    } else if m.blocked(t).is_some() {
        "blocked"
    } else {
        "runnable"
    };
    html! {
        <div class="il-thread" data-thread={t.to_string()} data-state={state}>
            <h4>{ T::Thread.fill(lang, &[&th.name]) }</h4>
            <pre class="il-code">{ for th.code.iter().enumerate().map(|(i, c)| html! {
                <span class={classes!("il-line", (Some(i) == line).then_some("current"))}>{ format!("{c}\n") }</span>
            }) }</pre>
            <ol class="il-steps">{ for th.steps.iter().enumerate().map(|(i, st)| html! {
                <li class={classes!((i < pc).then_some("taken"), (i == pc).then_some("next"))}>{ op_text(s, st.op, lang) }</li>
            }) }</ol>
            <p class="il-local">{ m.local(t).map_or_else(|| T::NoLocal.get(lang), |v| T::Local.fill(lang, &[&v])) }</p>
            <button data-role="il-step" data-thread={t.to_string()} disabled={!m.can_step(t)}
                onclick={on_step.reform(move |_: MouseEvent| t)}>
                { if m.done(t) { T::Done.get(lang) } else { T::StepThread.fill(lang, &[&th.name, &(t + 1)]) } }
            </button>
        </div>
    }
}

fn shared(m: &Machine, lang: Lang) -> Html {
    let s = m.scenario();
    let vars = s
        .vars
        .iter()
        .zip(&m.vars)
        .map(|((n, _), v)| format!("{n} = {v}"));
    let locks = s.locks.iter().zip(&m.holders).map(|(l, h)| match h {
        Some(t) => T::Holder.fill(lang, &[l, &s.threads[*t].name]),
        None => T::Free.fill(lang, &[l]),
    });
    let events = s.events.iter().zip(&m.set).map(|(e, set)| {
        if *set {
            T::IsSet.fill(lang, &[e])
        } else {
            T::NotSet.fill(lang, &[e])
        }
    });
    html! {
        <p class="il-shared" data-role="il-shared">{ vars.chain(locks).chain(events).collect::<Vec<_>>().join(" · ") }</p>
    }
}

/// 1, 2, 3 step that thread; U or Backspace undoes.
fn keys(
    m: &Machine,
    on_step: Callback<usize>,
    on_change: Callback<String>,
    undo: String,
) -> Callback<KeyboardEvent> {
    let m = m.clone();
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "u" | "U" | "Backspace" => {
            e.prevent_default();
            on_change.emit(undo.clone());
        }
        k => {
            if let Some(t) = k
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&t| m.can_step(t))
            {
                on_step.emit(t);
            }
        }
    })
}

#[function_component(Interleaver)]
pub fn interleaver(props: &Props) -> Html {
    let lang = props.lang;
    let (scenario, schedule) = crate::interleave::decode(&props.value)
        .unwrap_or((&crate::interleave::SCENARIOS[0], Vec::new()));
    let m = Machine::replay(scenario, &schedule);
    // What the learner does by hand stops a replay under way.
    let ticker_ref = use_mut_ref(|| None::<Ticker>);
    let on_change = {
        let (ticker, on_change) = (ticker_ref.clone(), props.on_change.clone());
        Callback::from(move |v: String| {
            ticker.borrow_mut().take();
            on_change.emit(v)
        })
    };
    let to = |schedule: &[usize]| crate::interleave::encode(scenario, schedule);
    let on_step = {
        let (on_change, schedule) = (on_change.clone(), schedule.clone());
        Callback::from(move |t: usize| {
            let mut next = schedule.clone();
            next.push(t);
            on_change.emit(crate::interleave::encode(scenario, &next));
        })
    };
    let undo = to(&schedule[..schedule.len().saturating_sub(1)]);
    let on_replay =
        super::interleave_orders::replayer(scenario, props.on_change.clone(), ticker_ref.clone());
    let on_key = keys(&m, on_step.clone(), on_change.clone(), undo.clone());
    let outcome = match m.outcome() {
        Outcome::Running => "running",
        Outcome::Finished { correct: true } => "correct",
        Outcome::Finished { correct: false } => "wrong",
        Outcome::Deadlock(_) => "deadlock",
    };
    html! {
        <section class="interleaver" id="interleaver" tabindex="0" onkeydown={on_key}
            data-scenario={scenario.key} data-steps={schedule.len().to_string()} data-outcome={outcome}>
            <h3>{ T::Title.get(lang) }</h3>
            <p class="help">{ T::Intro.get(lang) }</p>
            <div class="il-scenarios" role="group" aria-label={T::Scenario.get(lang)}>
                { for crate::interleave::family(scenario.key).iter().map(|&k| html! {
                    <button class={classes!("secondary", (k == scenario.key).then_some("active"))}
                        data-scenario={k} aria-pressed={(k == scenario.key).to_string()}
                        onclick={on_change.reform(move |_: MouseEvent| format!("{k}:"))}>{ scenario_name(k).get(lang) }</button>
                }) }
            </div>
            <div class="il-threads">{ for (0..scenario.threads.len()).map(|t| thread_column(&m, t, props, &on_step)) }</div>
            { shared(&m, lang) }
            <div class="il-actions">
                <button class="secondary" data-role="il-undo" disabled={schedule.is_empty()}
                    onclick={on_change.reform(move |_: MouseEvent| undo.clone())}>{ T::Undo.get(lang) }</button>
                <button class="secondary" data-role="il-reset" disabled={schedule.is_empty()}
                    onclick={on_change.reform(move |_: MouseEvent| format!("{}:", scenario.key))}>{ T::Reset.get(lang) }</button>
            </div>
            <p class="il-message" data-role="il-message" aria-live="polite">{ message(&m, lang) }</p>
            if let Some((threads, lost, made)) = props.real {
                <p class="il-real" data-role="il-real">{ T::Real.fill(lang, &[&threads, &lost, &made]) }</p>
            }
            { match explore(scenario) {
                Ok(e) => all_orders(scenario, &e, lang, &on_replay),
                Err(too) => html! { <p class="help">{ T::TooMany.fill(lang, &[&too.limit]) }</p> },
            } }
        </section>
    }
}
