//! The page's start-up after the first render: the browser's facts, then the pool (whose workers
//! `pool::prestart` began before the render), each step reported as an action.

use yew::prelude::*;

use super::{browser, clock, clock_sync, pool};
use crate::app_state::{Action, AppState};
use crate::pool_state::{default_threads, pool_size, PoolState};

/// Reads the browser's facts and starts the pool, reporting each step as an action.
pub async fn boot(dispatch: UseReducerDispatcher<AppState>) {
    let isolated = browser::cross_origin_isolated();
    let hardware = browser::hardware_concurrency();
    dispatch.dispatch(Action::Environment {
        isolated,
        logical_processors: hardware.map(|n| n as usize),
        default_threads: default_threads(hardware),
    });
    if !isolated {
        dispatch.dispatch(Action::Pool(PoolState::NotIsolated));
        return;
    }
    let threads = pool_size(hardware);
    dispatch.dispatch(Action::Pool(PoolState::Starting { threads }));
    let state = match pool::start(threads).await {
        Ok(()) => {
            clock::mark("pool-ready");
            // One time line for every thread: each worker corrects its clock to the page's.
            clock_sync::align_workers().await;
            PoolState::Ready { threads }
        }
        Err(reason) => PoolState::Failed { reason },
    };
    dispatch.dispatch(Action::Pool(state));
}
