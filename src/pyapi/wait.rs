//! `concurrent.futures.wait(fs, timeout, return_when)` (and `asyncio.wait`): when the call
//! returns and its `(done, pending)` sets, computed from a run's completion times.
//!
//! The lesson of the notes: a timeout, or `FIRST_COMPLETED`, only ends the *waiting*. The
//! pending tasks keep running to the end and finish later — unless the caller cancels them,
//! which (for running work) only works cooperatively: see [`super::lens`], which sets the
//! engine's cancel flag when the wait returns, and tasks stop at their next check.

use super::futures::Record;

/// `return_when`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReturnWhen {
    /// `ALL_COMPLETED` (the default).
    #[default]
    All,
    /// `FIRST_COMPLETED`: the first task to finish, with a value or an exception.
    FirstCompleted,
    /// `FIRST_EXCEPTION`: the first task to raise; if none raises, when all are done.
    FirstException,
}

impl ReturnWhen {
    pub const ALL: [ReturnWhen; 3] = [
        ReturnWhen::All,
        ReturnWhen::FirstCompleted,
        ReturnWhen::FirstException,
    ];

    pub fn tag(self) -> &'static str {
        match self {
            ReturnWhen::All => "all",
            ReturnWhen::FirstCompleted => "first",
            ReturnWhen::FirstException => "error",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.tag() == tag)
    }

    /// Python's constant.
    pub fn python(self) -> &'static str {
        match self {
            ReturnWhen::All => "ALL_COMPLETED",
            ReturnWhen::FirstCompleted => "FIRST_COMPLETED",
            ReturnWhen::FirstException => "FIRST_EXCEPTION",
        }
    }

    /// Whether a wait with this condition returns now, given the outcomes seen so far
    /// (`failed` of `finished`, out of `tasks`).
    pub fn met(self, finished: usize, failed: usize, tasks: usize) -> bool {
        match self {
            ReturnWhen::All => finished >= tasks,
            ReturnWhen::FirstCompleted => finished > 0 || tasks == 0,
            ReturnWhen::FirstException => failed > 0 || finished >= tasks,
        }
    }
}

/// A `wait` call: its condition, its timeout, and whether the caller then cancels the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WaitSpec {
    pub when: ReturnWhen,
    pub timeout_ms: Option<u32>,
    /// Cancel the pending tasks as soon as the wait returns (cooperatively).
    pub cancel: bool,
}

/// Why the wait returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returned {
    /// Its `return_when` condition was met.
    Condition,
    /// The timeout ran out first.
    Timeout,
    /// The run ended (cancelled) with the condition never met and no timeout.
    RunEnded,
}

/// What became of a task still pending when the wait returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// It kept running and finished this many ms after the run's start.
    FinishedLater { at_ms: f64, ok: bool },
    /// It never finished: cancelled.
    Cancelled,
}

/// The wait's result.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitResult {
    /// Ms after the run's start.
    pub returned_at_ms: f64,
    pub by: Returned,
    /// Finished by then (in completion order).
    pub done: Vec<u32>,
    /// Not finished by then (in task order), and what became of each.
    pub pending: Vec<(u32, Fate)>,
}

/// Evaluates `spec` over a finished run. The wait started with the run.
pub fn wait(rec: &Record, spec: WaitSpec) -> WaitResult {
    let (mut finished, mut failed) = (0, 0);
    let mut condition_at = None;
    if spec.when.met(0, 0, rec.tasks) {
        condition_at = Some(0.0);
    }
    for c in &rec.completions {
        if condition_at.is_some() {
            break;
        }
        finished += 1;
        failed += usize::from(c.result.is_err());
        if spec.when.met(finished, failed, rec.tasks) {
            condition_at = Some(c.at_ms);
        }
    }
    let timeout = spec.timeout_ms.map(f64::from);
    let (returned_at_ms, by) = match (condition_at, timeout) {
        (Some(c), Some(t)) if t < c => (t, Returned::Timeout),
        (Some(c), _) => (c, Returned::Condition),
        (None, Some(t)) => (t, Returned::Timeout),
        (None, None) => (
            rec.completions.last().map_or(0.0, |c| c.at_ms),
            Returned::RunEnded,
        ),
    };
    let done: Vec<u32> = rec
        .completions
        .iter()
        .filter(|c| c.at_ms <= returned_at_ms)
        .map(|c| c.task)
        .collect();
    let pending = (0..rec.tasks as u32)
        .filter(|&t| rec.completion(t).is_none_or(|c| c.at_ms > returned_at_ms))
        .map(|t| {
            let fate = match rec.completion(t) {
                Some(c) => Fate::FinishedLater {
                    at_ms: c.at_ms,
                    ok: c.result.is_ok(),
                },
                None => Fate::Cancelled,
            };
            (t, fate)
        })
        .collect();
    WaitResult {
        returned_at_ms,
        by,
        done,
        pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyapi::futures::tests::run;

    fn rec(ends: &[Option<f64>], failed: &[u32]) -> Record {
        Record::from_output(&run(ends, failed))
    }

    fn spec(when: ReturnWhen, timeout_ms: Option<u32>) -> WaitSpec {
        WaitSpec {
            when,
            timeout_ms,
            cancel: false,
        }
    }

    // Relative to the run start (spans start at 100): tasks end at 300, 50, 200, 400 ms.
    const ENDS: [Option<f64>; 4] = [Some(400.0), Some(150.0), Some(300.0), Some(500.0)];

    #[test]
    fn all_completed_waits_for_the_last() {
        let r = wait(&rec(&ENDS, &[]), spec(ReturnWhen::All, None));
        assert_eq!((r.returned_at_ms, r.by), (400.0, Returned::Condition));
        assert_eq!(r.done, vec![1, 2, 0, 3]);
        assert!(r.pending.is_empty());
    }

    #[test]
    fn first_completed_returns_with_the_rest_pending_and_still_running() {
        let r = wait(&rec(&ENDS, &[]), spec(ReturnWhen::FirstCompleted, None));
        assert_eq!((r.returned_at_ms, r.by), (50.0, Returned::Condition));
        assert_eq!(r.done, vec![1]);
        assert_eq!(
            r.pending,
            vec![
                (
                    0,
                    Fate::FinishedLater {
                        at_ms: 300.0,
                        ok: true
                    }
                ),
                (
                    2,
                    Fate::FinishedLater {
                        at_ms: 200.0,
                        ok: true
                    }
                ),
                (
                    3,
                    Fate::FinishedLater {
                        at_ms: 400.0,
                        ok: true
                    }
                ),
            ]
        );
    }

    #[test]
    fn first_exception_returns_at_the_first_failure_or_when_all_are_done() {
        let r = wait(&rec(&ENDS, &[2]), spec(ReturnWhen::FirstException, None));
        assert_eq!(r.returned_at_ms, 200.0);
        assert_eq!(r.done, vec![1, 2]);
        assert_eq!(r.pending.len(), 2);
        let none_fail = wait(&rec(&ENDS, &[]), spec(ReturnWhen::FirstException, None));
        assert_eq!(none_fail.returned_at_ms, 400.0);
    }

    #[test]
    fn a_timeout_returns_early_and_does_not_stop_the_pending_tasks() {
        let r = wait(&rec(&ENDS, &[]), spec(ReturnWhen::All, Some(250)));
        assert_eq!((r.returned_at_ms, r.by), (250.0, Returned::Timeout));
        assert_eq!(r.done, vec![1, 2]);
        assert!(r
            .pending
            .iter()
            .all(|(_, f)| matches!(f, Fate::FinishedLater { .. })));
        // A timeout later than the condition changes nothing.
        let r = wait(
            &rec(&ENDS, &[]),
            spec(ReturnWhen::FirstCompleted, Some(250)),
        );
        assert_eq!((r.returned_at_ms, r.by), (50.0, Returned::Condition));
    }

    #[test]
    fn cancelled_tasks_are_pending_for_good() {
        let r = wait(
            &rec(&[Some(400.0), Some(150.0), None, None], &[]),
            spec(ReturnWhen::All, Some(250)),
        );
        assert_eq!(r.by, Returned::Timeout);
        assert_eq!(r.done, vec![1]);
        assert_eq!(
            r.pending,
            vec![
                (
                    0,
                    Fate::FinishedLater {
                        at_ms: 300.0,
                        ok: true
                    }
                ),
                (2, Fate::Cancelled),
                (3, Fate::Cancelled)
            ]
        );
        let r = wait(&rec(&[Some(150.0), None], &[]), spec(ReturnWhen::All, None));
        assert_eq!((r.returned_at_ms, r.by), (50.0, Returned::RunEnded));
    }

    #[test]
    fn an_empty_run_returns_at_once() {
        let r = wait(&rec(&[], &[]), spec(ReturnWhen::FirstCompleted, None));
        assert_eq!(
            (r.returned_at_ms, r.by, r.done.len()),
            (0.0, Returned::Condition, 0)
        );
    }
}
