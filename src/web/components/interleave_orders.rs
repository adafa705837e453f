//! Every possible order of a scenario, as chips that replay it in the stepper, and the replay
//! itself: the order played back step by step through the stepper's link field.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::interleave::IlText as T;
use crate::i18n::Texts;
use crate::interleave::explore::{free_orders, Exploration};
use crate::interleave::scenario::Scenario;
use crate::link::Lang;
use crate::web::clock::now_ms;
use crate::web::export::reduced_motion;
use crate::web::ticker::Ticker;

/// Every order: how many, what they end in, how many break, and a chip for each.
pub fn all_orders(
    s: &'static Scenario,
    e: &Exploration,
    lang: Lang,
    on_replay: &Callback<Vec<usize>>,
) -> Html {
    let finals = e
        .finals
        .iter()
        .map(|(v, n)| {
            format!(
                "{} ×{n}",
                v.map_or_else(
                    || T::Stuck.get(lang),
                    |v| format!("{} = {v}", s.vars[s.expect.0].0)
                )
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let free = free_orders(&s.threads.iter().map(|t| t.steps.len()).collect::<Vec<_>>());
    let broken = match e.fewest_preemptions {
        Some(k) => T::Broken.fill(lang, &[&e.orders(), &e.broken, &k]),
        None => T::NoneBroken.fill(lang, &[&e.orders()]),
    };
    html! {
        <div class="il-all" data-orders={e.orders().to_string()} data-broken={e.broken.to_string()} data-deadlocks={e.deadlocks.to_string()}>
            <h4>{ T::AllOrders.get(lang) }</h4>
            <p>{ T::Orders.fill(lang, &[&e.orders(), &free, &finals]) }{ " " }{ broken }
                if e.deadlocks > 0 { { " " }{ T::Deadlocks.fill(lang, &[&e.deadlocks]) } }</p>
            <ol class="il-leaves">{ for e.leaves.iter().map(|l| {
                let text = crate::interleave::encode(s, &l.schedule);
                let schedule = l.schedule.clone();
                let label: String = l.schedule.iter().map(|&t| s.threads[t].name).collect();
                let end = l.value.map_or_else(|| T::Stuck.get(lang), |v| v.to_string());
                html! {
                    <li><button class={classes!("il-leaf", (!l.correct).then_some("broken"))} title={T::Replay.get(lang)}
                        data-schedule={text} onclick={on_replay.reform(move |_: MouseEvent| schedule.clone())}>
                        <code>{ label }</code>{ format!(" → {end}") }
                    </button></li>
                }
            }) }</ol>
        </div>
    }
}

/// Plays an order back step by step from the start (one step every 350 ms; at once when the
/// learner prefers reduced motion), through the same link field a click writes.
pub fn replayer(
    scenario: &'static Scenario,
    on_change: Callback<String>,
    ticker: Rc<RefCell<Option<Ticker>>>,
) -> Callback<Vec<usize>> {
    Callback::from(move |schedule: Vec<usize>| {
        let total = schedule.len();
        let encode = move |n: usize| crate::interleave::encode(scenario, &schedule[..n.min(total)]);
        if reduced_motion() {
            on_change.emit(encode(total));
            return;
        }
        let (on_change, start, mut shown) = (on_change.clone(), now_ms(), usize::MAX);
        *ticker.borrow_mut() = Some(Ticker::start(move || {
            let n = (((now_ms() - start) / STEP_MS) as usize).min(total);
            if n != shown {
                shown = n;
                on_change.emit(encode(n));
            }
            n < total
        }));
    })
}

/// Milliseconds between the steps of a replayed order.
const STEP_MS: f64 = 350.0;
