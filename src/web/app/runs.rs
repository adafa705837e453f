//! Starting, queueing and cancelling runs from the page: the core decides (`run::request`,
//! `run::queue`) and runs (`run::run`) them; this hook wires clicks to it.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app_state::{Action, AppState, Decision};
use crate::engine::Recorder;
use crate::executor::Executor;
use crate::run::{self, Ask};
use crate::web::components::live_timeline::Live;
use crate::web::platform::WebPlatform;

/// What the run controls need.
pub struct Runs {
    pub on_run: Callback<Executor>,
    pub on_confirm: Callback<Executor>,
    pub on_cancel: Callback<()>,
    /// The run's log for the live timeline (a pool or cooperative run; a synchronous one
    /// freezes the page, so nothing could be drawn).
    pub live: Option<Live>,
}

#[hook]
pub fn use_runs(state: &UseReducerHandle<AppState>) -> Runs {
    // The run in progress, for Cancel: a handle, not data to show, so not in the state.
    let current = use_mut_ref(|| None::<Arc<Recorder>>);
    let start = starter(state, &current);
    // "Run all" and the sweeps: start the next queued run whenever the page is free.
    {
        let start = start.clone();
        let dispatch = state.dispatcher();
        use_effect_with(run::queue::next(state), move |next| {
            if let Some(job) = *next {
                dispatch.dispatch(Action::TakePending);
                start(job.into());
            }
        });
    }
    let live = current
        .borrow()
        .clone()
        .filter(|_| {
            state
                .running
                .as_ref()
                .is_some_and(|r| !r.executor.freezes_page())
        })
        .map(Live);
    let on_cancel = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            if let Some(recorder) = current.borrow().as_ref() {
                recorder.cancel();
                dispatch.dispatch(Action::Cancelling);
            }
        })
    };
    Runs {
        on_run: {
            let start = start.clone();
            Callback::from(move |executor| start(Ask::new(executor)))
        },
        on_confirm: Callback::from(move |executor| {
            start(Ask {
                confirmed: true,
                ..Ask::new(executor)
            })
        }),
        on_cancel,
        live,
    }
}

/// A click, a confirmation or the queue asks for a run; the core says whether it starts.
fn starter(
    state: &UseReducerHandle<AppState>,
    current: &Rc<RefCell<Option<Arc<Recorder>>>>,
) -> impl Fn(Ask) + Clone + 'static {
    let state = state.clone();
    let current = current.clone();
    move |ask: Ask| match run::request(&state, ask) {
        Ok(request) => {
            let recorder = Arc::new(Recorder::new(request.plan.tasks.len(), true));
            *current.borrow_mut() = Some(recorder.clone());
            // `run` reports Started at once: the next render already sees the run.
            spawn_local(run::run(
                WebPlatform::new(state.dispatcher()),
                request,
                recorder,
            ));
        }
        Err(Decision::Confirm { estimate_ms }) => {
            state.dispatch(Action::AskConfirm(ask.executor, estimate_ms))
        }
        Err(_) => {}
    }
}
