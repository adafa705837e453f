//! The page state's Python-API part: the API call the demo shows.

use super::AppState;
use crate::pyapi::ApiCall;

/// What can happen to the Python-API part of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiAction {
    /// Show (and, for calls that act on the run, apply) this call on the next runs.
    Set(ApiCall),
}

impl AppState {
    pub(super) fn apply_api(&mut self, action: ApiAction) {
        match action {
            ApiAction::Set(call) => {
                if call != self.api {
                    self.api = call;
                    // Runs made under another call were shaped by it (held, cancelled, …).
                    self.results.clear();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, AppState};
    use super::*;
    use crate::engine::RunEnd;
    use crate::executor::Executor;
    use crate::pool_state::PoolState;

    fn finished(executor: Executor, end: RunEnd, wall_ms: f64) -> Action {
        let record = super::super::tests::record_of(executor, 2, Default::default(), wall_ms, end);
        Action::Finished(record)
    }

    fn ready() -> AppState {
        AppState::default().apply(Action::Pool(PoolState::Ready { threads: 2 }))
    }

    #[test]
    fn choosing_a_call_clears_results_and_goes_into_the_link() {
        let call = ApiCall::Event { set_ms: 250 };
        let s = ready()
            .apply(finished(Executor::Pool, RunEnd::Completed, 5.0))
            .apply(Action::Api(ApiAction::Set(call)));
        assert_eq!(s.api, call);
        assert!(s.results.is_empty());
        assert!(s.link_fragment().ends_with("&api=event:250"));
        let reopened =
            AppState::default().apply(Action::OpenLink(crate::link::decode(&s.link_fragment())));
        assert_eq!(reopened.api, call);
    }
}
