//! The page state's side of the local history: a finished run becomes an entry.

use super::{AppState, RunRecord};
use crate::executor::Executor;
use crate::history::{Entry, RunFacts};

impl AppState {
    /// Keeps `record` (just added to `results`) in the history: every finished run, completed,
    /// cancelled or failed. `started_ms` is the run's start on the page's clock (ms since the
    /// epoch); a run the page did not see start is kept with its end as its time.
    pub(super) fn keep_in_history(&mut self, record: &RunRecord, started_ms: Option<f64>) {
        // The configuration as it ran: the link, with the threads the pool really used.
        let mut config = self.link_config();
        // The history keeps runs, not the lesson's edited Python.
        config.code = None;
        if record.executor.needs_pool() {
            config.threads = Some(record.threads);
        }
        let speedup = (record.executor != Executor::Main)
            .then(|| self.speedup(record.executor))
            .flatten();
        let facts = RunFacts {
            at_ms: started_ms.unwrap_or(0.0),
            config: crate::link::encode(&config),
            workload: self.workload.id,
            executor: record.executor,
            threads: record.threads,
            speedup,
            logical_processors: self.logical_processors,
            isolated: self.isolated,
        };
        self.history.push(Entry::new(facts, &record.output));
    }
}

#[cfg(test)]
mod tests {

    use super::super::{Action, AppState};
    use crate::engine::{Answer, RunEnd};
    use crate::executor::Executor;
    use crate::history::Outcome;
    use crate::pool_state::PoolState;

    fn finish(
        state: AppState,
        executor: Executor,
        threads: usize,
        end: RunEnd,
        wall_ms: f64,
    ) -> AppState {
        state
            .apply(Action::Started {
                executor,
                threads,
                total: 4,
                now_ms: 1_000.0,
            })
            .apply(Action::Finished(super::super::tests::record_of(
                executor,
                threads,
                Answer {
                    value: 9592,
                    summary: "9592 primes".into(),
                    ..Answer::default()
                },
                wall_ms,
                end,
            )))
    }

    #[test]
    fn every_finished_run_is_kept_however_it_ended() {
        let s = AppState::default()
            .apply(Action::Environment {
                isolated: true,
                logical_processors: Some(4),
                default_threads: 4,
            })
            .apply(Action::Pool(PoolState::Ready { threads: 8 }));
        let s = finish(s, Executor::Main, 1, RunEnd::Completed, 400.0);
        let s = finish(s, Executor::Pool, 3, RunEnd::Completed, 100.0);
        let s = finish(s, Executor::Async, 1, RunEnd::Cancelled, 50.0);
        let s = finish(s, Executor::Gil, 2, RunEnd::Failed("panicked".into()), 70.0);
        let e = &s.history.entries;
        assert_eq!(e.len(), 4);
        assert_eq!(e[0].speedup, None, "the main run is the baseline");
        assert_eq!(e[1].speedup, Some(4.0));
        assert_eq!((e[1].at_ms, e[1].threads), (1_000.0, 3));
        assert!(
            e[1].config.contains("&t=3&"),
            "reopens with the threads it used: {}",
            e[1].config
        );
        assert!(
            !e[2].config.contains("&t="),
            "main-thread runs keep the chosen threads"
        );
        assert_eq!(e[2].outcome, Outcome::Cancelled);
        assert_eq!(e[3].outcome, Outcome::Failed("panicked".into()));
        assert_eq!(e[3].env.logical_processors, Some(4));
        assert_eq!(e[3].env.isolated, Some(true));
        assert!(s.running.is_none());
    }

    #[test]
    fn reopening_an_entry_restores_its_configuration() {
        let s = AppState::default().apply(Action::Pool(PoolState::Ready { threads: 8 }));
        let s = s.apply(Action::EditParam("n", "12345".into()));
        let s = finish(s, Executor::Pool, 5, RunEnd::Completed, 10.0);
        let config = s.history.entries[0].config.clone();
        let other = s.apply(Action::EditParam("n", "777".into()));
        let reopened = other.apply(Action::OpenPreset(config));
        assert_eq!(reopened.values.get(&reopened.workload.params[0]), 12345);
        assert_eq!(reopened.threads, 5);
        assert_eq!(
            reopened.history.entries.len(),
            1,
            "reopening keeps the history"
        );
    }
}
