//! Runs one visit to the bank (see `bank_scene`) for real on the page's main-thread event
//! loop, recording each event's time into a shared log that the scene animates from.
//!
//! The teller is a `setTimeout`; its callback is the ticket's call in the async modes. Polling
//! sleeps on timers between glances; side jobs are real computations with a turn of the event
//! loop after each; the synchronous blocking customer spins on the clock, so the page really
//! freezes for the service time (the scene says so before it starts).

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::{closure::Closure, JsCast};

use super::clock::{after_next_paint, now_ms, sleep_ms, yield_now};
use super::frames::FrameWatch;
use crate::bank_scene::{side_job, Mode, Next, Plan, RunLog};
use crate::engine::frames::FrameStats;

/// Runs `mode` to the end and returns the page's frames during the visit; `log` holds the
/// visit as it happens (readers borrow it between the loop's turns only).
pub async fn run(mode: Mode, plan: Plan, log: Rc<RefCell<RunLog>>) -> FrameStats {
    let watch = FrameWatch::start();
    // The "running" state (and, before a freeze, its warning) reaches the screen first.
    after_next_paint().await;
    *log.borrow_mut() = RunLog::new(mode, plan, now_ms());

    // The ticket's callback: the teller's timer calls it when the service is done.
    let (call, called) = oneshot::channel::<()>();
    if mode != Mode::SyncBlocking {
        let log = log.clone();
        set_timeout(plan.service_ms, move || {
            let at = now_ms();
            let mut log = log.borrow_mut();
            // Done when due; the page only learns it now (a busy loop delays the callback).
            let due = log.service_due_ms();
            log.service_done(due.min(at));
            if !mode.is_sync() {
                log.called(at);
                let _ = call.send(());
            }
        });
    }
    let mut called = Some(called);
    loop {
        let next = log.borrow().next(now_ms());
        match next {
            Next::Done => break,
            Next::SpinUntil(until) => {
                // On purpose: a synchronous wait that holds the page's only thread.
                while now_ms() < until {}
                log.borrow_mut().spun(now_ms());
            }
            Next::PollIn(ms) => {
                sleep_ms(ms).await;
                log.borrow_mut().poll(now_ms());
            }
            Next::SideJob => {
                let start = now_ms();
                let k = log.borrow().jobs.len() as u64;
                let found = side_job(k, plan.job_numbers);
                log.borrow_mut().job(start, now_ms(), found);
                // The callback can only run when the loop is free: give it a turn.
                yield_now().await;
            }
            Next::AwaitCall => match called.take() {
                Some(called) => {
                    let _ = called.await;
                }
                // Only after a lost call: sit out the deadline without spinning.
                None => sleep_ms(100.0).await,
            },
        }
    }
    // A frame that was due during a freeze is painted right after it with the timestamp it
    // was due at; the freeze shows as a gap only once the frame after it is recorded too.
    after_next_paint().await;
    after_next_paint().await;
    watch.stop().await
}

/// `setTimeout(f, ms)` with a Rust closure, called once.
fn set_timeout(ms: f64, f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let f = Closure::once_into_js(f);
        let delay = ms.clamp(0.0, i32::MAX as f64) as i32;
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), delay);
    }
}
