//! What `concurrent.futures` hands its caller, read from a finished run: every task's
//! completion with its time and thread (the done-callbacks' log), results in submission order
//! (`map`, `imap`, `gather`) and in completion order (`as_completed`, `imap_unordered`).
//!
//! Times come from the spans, on the run's own clock: a lane closes a task's last span at the
//! instant it records the task finished, so the task's last span end is when its future
//! completed; `0` is the run's first span start. A task that left no span (a step too short
//! for the clock to see) is given the time of the completion before it.

use crate::engine::{Lane, RunOutput, Span, TaskOutcome};

/// One finished task: what a done-callback receives, and when and where it ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub task: u32,
    /// Ms since the run's start.
    pub at_ms: f64,
    /// The thread the task finished on (where a thread pool runs its done-callbacks).
    pub lane: Option<Lane>,
    /// The value, or the exception's text.
    pub result: Result<i128, String>,
}

/// A run as the futures API sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    /// How many tasks were submitted.
    pub tasks: usize,
    /// Finished tasks, in the order they finished.
    pub completions: Vec<Completion>,
    /// The run's first span start, on the run's clock (ms since the epoch).
    pub t0_ms: f64,
    /// The run's spans with times made relative to `t0_ms`.
    pub spans: Vec<Span>,
    /// Each task's index in `completions`: runs may have 10⁵ tasks, so no linear searches.
    by_task: Vec<Option<usize>>,
}

impl Record {
    pub fn from_output(out: &RunOutput) -> Record {
        let t0 = out
            .spans
            .iter()
            .map(|s| s.start_ms)
            .min_by(f64::total_cmp)
            .unwrap_or(0.0);
        let mut last: Vec<Option<&Span>> = vec![None; out.outcomes.len()];
        for s in &out.spans {
            if let Some(slot) = last.get_mut(s.task as usize) {
                if slot.is_none_or(|l| s.end_ms >= l.end_ms) {
                    *slot = Some(s);
                }
            }
        }
        let mut prev = 0.0_f64;
        let completions: Vec<Completion> = out
            .completion_order
            .iter()
            .filter_map(|&task| {
                let result = match out.outcomes.get(task as usize)? {
                    TaskOutcome::Done(v) => Ok(*v),
                    TaskOutcome::Failed(e) => Err(e.clone()),
                    TaskOutcome::Cancelled => return None,
                };
                let span = last.get(task as usize).copied().flatten();
                let at = span.map_or(prev, |s| (s.end_ms - t0).max(prev));
                prev = at;
                Some(Completion {
                    task,
                    at_ms: at,
                    lane: span.map(|s| s.lane),
                    result,
                })
            })
            .collect();
        let mut by_task = vec![None; out.outcomes.len()];
        for (i, c) in completions.iter().enumerate() {
            by_task[c.task as usize] = Some(i);
        }
        let spans = out
            .spans
            .iter()
            .map(|s| Span {
                start_ms: s.start_ms - t0,
                end_ms: s.end_ms - t0,
                ..*s
            })
            .collect();
        Record {
            tasks: out.outcomes.len(),
            completions,
            t0_ms: t0,
            spans,
            by_task,
        }
    }

    /// The completion of `task`, if it finished.
    pub fn completion(&self, task: u32) -> Option<&Completion> {
        let i = (*self.by_task.get(task as usize)?)?;
        self.completions.get(i)
    }

    /// `as_completed` / `imap_unordered` / the done-callbacks: completion order, with times.
    pub fn as_completed(&self) -> &[Completion] {
        &self.completions
    }

    /// `map` / `imap`: results in submission order. The caller gets result `i` only once
    /// tasks `0..=i` have all finished, so each delivery's time is the latest of those; the
    /// iteration raises at the first failed task and stops at the first that never finished
    /// (cancelled), returning what it delivered and why it stopped.
    pub fn map(&self) -> (Vec<Completion>, Option<Stop>) {
        let mut out = Vec::new();
        let mut at = 0.0_f64;
        for task in 0..self.tasks as u32 {
            let Some(c) = self.completion(task) else {
                return (out, Some(Stop::NeverFinished(task)));
            };
            at = at.max(c.at_ms);
            out.push(Completion {
                at_ms: at,
                ..c.clone()
            });
            if c.result.is_err() {
                return (out, Some(Stop::Raised(task)));
            }
        }
        (out, None)
    }

    /// `asyncio.gather(*tasks)`: when it returns (ms) and with what — every value in argument
    /// order, or the first exception to happen (the others go on; they are not cancelled).
    pub fn gather(&self) -> (f64, Result<Vec<i128>, (u32, String)>) {
        if let Some(c) = self.completions.iter().find(|c| c.result.is_err()) {
            let e = c.result.clone().err().unwrap_or_default();
            return (c.at_ms, Err((c.task, e)));
        }
        let (delivered, stop) = self.map();
        let at = delivered.last().map_or(0.0, |c| c.at_ms);
        match stop {
            Some(Stop::NeverFinished(t) | Stop::Raised(t)) => {
                (at, Err((t, "cancelled".to_string())))
            }
            None => (
                at,
                Ok(delivered
                    .iter()
                    .filter_map(|c| c.result.clone().ok())
                    .collect()),
            ),
        }
    }
}

/// Why `map`'s iteration ended early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// This task raised: the iteration raises it.
    Raised(u32),
    /// This task never finished (the run was cancelled).
    NeverFinished(u32),
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::{Answer, RunEnd, SpanKind};

    /// A finished run of `outcomes` where task `i` computed on lane `i % 2` from 100 ms to
    /// `ends[i]` (None: it never finished); completion order by end time.
    pub(crate) fn run(ends: &[Option<f64>], failed: &[u32]) -> RunOutput {
        let mut order: Vec<u32> = (0..ends.len() as u32)
            .filter(|&t| ends[t as usize].is_some())
            .collect();
        order.sort_by(|&a, &b| {
            ends[a as usize]
                .unwrap()
                .total_cmp(&ends[b as usize].unwrap())
        });
        RunOutput {
            answer: Answer::default(),
            end: RunEnd::Completed,
            wall_ms: 0.0,
            spans: ends
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    e.map(|end| Span {
                        lane: Lane::Worker(i as u16 % 2),
                        task: i as u32,
                        kind: SpanKind::Compute,
                        start_ms: 100.0,
                        end_ms: end,
                    })
                })
                .collect(),
            completion_order: order,
            outcomes: ends
                .iter()
                .enumerate()
                .map(|(i, e)| match e {
                    None => TaskOutcome::Cancelled,
                    Some(_) if failed.contains(&(i as u32)) => TaskOutcome::Failed("boom".into()),
                    Some(_) => TaskOutcome::Done(i as i128 * 10),
                })
                .collect(),
        }
    }

    #[test]
    fn completions_carry_times_from_the_run_start_and_lanes() {
        let rec = Record::from_output(&run(&[Some(400.0), Some(150.0), Some(300.0)], &[]));
        let order: Vec<(u32, f64)> = rec
            .as_completed()
            .iter()
            .map(|c| (c.task, c.at_ms))
            .collect();
        assert_eq!(order, vec![(1, 50.0), (2, 200.0), (0, 300.0)]);
        assert_eq!(rec.completions[0].lane, Some(Lane::Worker(1)));
        assert_eq!(rec.t0_ms, 100.0);
        assert_eq!(rec.spans[0].start_ms, 0.0);
    }

    #[test]
    fn map_delivers_in_submission_order_once_every_earlier_task_is_done() {
        let rec = Record::from_output(&run(&[Some(400.0), Some(150.0), Some(300.0)], &[]));
        let (delivered, stop) = rec.map();
        let got: Vec<(u32, f64, i128)> = delivered
            .iter()
            .map(|c| (c.task, c.at_ms, c.result.clone().unwrap()))
            .collect();
        // Task 0 is the slowest: nothing reaches the caller before it, then all at once.
        assert_eq!(got, vec![(0, 300.0, 0), (1, 300.0, 10), (2, 300.0, 20)]);
        assert_eq!(stop, None);
        assert_eq!(rec.gather(), (300.0, Ok(vec![0, 10, 20])));
    }

    #[test]
    fn map_raises_at_the_first_failure_and_gather_at_the_earliest() {
        let rec = Record::from_output(&run(&[Some(200.0), Some(500.0), Some(150.0)], &[1, 2]));
        let (delivered, stop) = rec.map();
        assert_eq!(delivered.len(), 2);
        assert_eq!(stop, Some(Stop::Raised(1)));
        // gather raises the exception that happened first (task 2, at 50 ms).
        assert_eq!(rec.gather(), (50.0, Err((2, "boom".into()))));
    }

    #[test]
    fn a_cancelled_task_ends_the_iteration() {
        let rec = Record::from_output(&run(&[Some(200.0), None, Some(150.0)], &[]));
        assert_eq!(rec.completions.len(), 2);
        let (delivered, stop) = rec.map();
        assert_eq!(delivered.len(), 1);
        assert_eq!(stop, Some(Stop::NeverFinished(1)));
    }

    #[test]
    fn a_task_without_spans_takes_the_previous_completion_time() {
        let mut out = run(&[Some(400.0), Some(150.0), Some(300.0)], &[]);
        out.spans.retain(|s| s.task != 2);
        let rec = Record::from_output(&out);
        let times: Vec<f64> = rec.completions.iter().map(|c| c.at_ms).collect();
        assert_eq!(times, vec![50.0, 50.0, 300.0]);
        assert_eq!(rec.completions[1].lane, None);
    }

    #[test]
    fn views_of_a_run_of_many_tiny_tasks_stay_linear() {
        let ends: Vec<Option<f64>> = (0..200_000).map(|i| Some(100.0 + i as f64 / 1e3)).collect();
        let rec = Record::from_output(&run(&ends, &[]));
        assert_eq!(rec.map().0.len(), 200_000);
        let r = crate::pyapi::wait::wait(&rec, Default::default());
        assert_eq!(r.done.len(), 200_000);
    }
}
