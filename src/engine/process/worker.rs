//! A process-like worker's side, pure: rebuild a run's tasks from a [`JobSpec`] in this
//! worker's own memory (once per run), then run the batches of task ids the page sends, one
//! task after another, recording compute and IO spans.
//!
//! The worker has no view of the page's memory: it cannot see a cancel flag or another
//! worker's queue. The page cancels by ending the worker, and workloads that need shared state
//! to make progress are refused before they start (see [`super::refusal`]).

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use super::message::JobSpec;
use crate::engine::fault::inject;
use crate::engine::{step, Clock, Lane, Plan, Span, SpanKind, Step, StepCx, Task, TaskOutcome};
use crate::workload::shared_list;

/// No task is running.
const IDLE: u32 = u32::MAX;

/// The task this worker is stepping, for its panic hook (each worker has its own memory, so
/// its own copy of this static).
static CURRENT_TASK: AtomicU32 = AtomicU32::new(IDLE);

/// The task in the middle of a step on this worker, if any.
pub fn current_task() -> Option<u32> {
    Some(CURRENT_TASK.load(Ordering::Relaxed)).filter(|&t| t != IDLE)
}

/// The input data a run's workers need a copy of, built on the page from the same values as
/// the page's own copy: the list of the list demo. Other workloads travel as parameters only.
pub fn input_data(spec: &JobSpec) -> Option<Vec<u32>> {
    (spec.workload.id == shared_list::DEF.id).then(|| shared_list::initial(&spec.values))
}

/// The run's plan, rebuilt in this memory (over the copied data where there is some).
pub fn rebuild(spec: &JobSpec, data: Option<Vec<u32>>) -> Plan {
    let plan = match data {
        Some(list) if spec.workload.id == shared_list::DEF.id => {
            shared_list::plan_over(list, &spec.values)
        }
        _ => (spec.workload.plan)(&spec.values),
    };
    inject(plan, spec.fault)
}

/// What one batch produced: outcomes by task id and the spans recorded (lane not yet known).
#[derive(Debug, Default)]
pub struct BatchResult {
    pub outcomes: Vec<(u32, TaskOutcome)>,
    pub spans: Vec<Span>,
}

/// One worker's tasks for the run it last saw.
#[derive(Default)]
pub struct WorkerState {
    run: Option<u32>,
    tasks: Vec<Option<Box<dyn Task>>>,
}

impl WorkerState {
    /// Rebuilds the tasks if `spec` is for a run this worker has not seen; `data` is the copy
    /// of the run's input (sent with a worker's first batch of each run).
    pub fn prepare(&mut self, spec: &JobSpec, data: Option<Vec<u32>>) {
        if self.run == Some(spec.run) {
            return;
        }
        self.run = Some(spec.run);
        self.tasks = rebuild(spec, data).tasks.into_iter().map(Some).collect();
    }

    /// Runs the tasks `ids` to the end, one after another. A task not in the plan, or already
    /// run, fails rather than trap.
    pub fn run_batch(&mut self, ids: &[u32], clock: &dyn Clock) -> BatchResult {
        let mut out = BatchResult::default();
        for &id in ids {
            let outcome = match self.tasks.get_mut(id as usize).and_then(Option::take) {
                Some(mut task) => run_task(id, task.as_mut(), clock, &mut out.spans),
                None => TaskOutcome::Failed(format!("task {id} is not in this worker's plan")),
            };
            out.outcomes.push((id, outcome));
        }
        out
    }
}

/// Steps one task to its end, sleeping through its waits (a worker may block).
fn run_task(id: u32, task: &mut dyn Task, clock: &dyn Clock, spans: &mut Vec<Span>) -> TaskOutcome {
    let cx = StepCx {
        clock,
        lane: Lane::Worker(0),
    };
    let mut span = |kind, start_ms, end_ms| {
        if end_ms > start_ms {
            spans.push(Span {
                lane: Lane::Worker(0),
                task: id,
                kind,
                start_ms,
                end_ms,
            });
        }
    };
    let mut since = clock.now_ms();
    CURRENT_TASK.store(id, Ordering::Relaxed);
    let outcome = loop {
        match step::guarded(task, &cx) {
            Step::Continue => {}
            Step::Wait { ms } => {
                let now = clock.now_ms();
                span(SpanKind::Compute, since, now);
                std::thread::sleep(Duration::from_secs_f64(ms.max(0.0) / 1e3));
                since = clock.now_ms();
                span(SpanKind::Io, now, since);
            }
            // Whatever it waits for (a queue, another task) lives in another memory or in a
            // task this worker is not running: it would wait forever.
            Step::Blocked => {
                break TaskOutcome::Failed(
                    "blocked: what it waits for is not in this worker's memory".into(),
                )
            }
            Step::Done(v) => break TaskOutcome::Done(v),
            Step::Failed(e) => break TaskOutcome::Failed(e),
        }
    };
    CURRENT_TASK.store(IDLE, Ordering::Relaxed);
    span(SpanKind::Compute, since, clock.now_ms());
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::SystemClock;
    use crate::engine::fault::Fault;
    use crate::param::Values;
    use crate::workload::{io, primes, queue};

    fn spec(run: u32, workload: &'static crate::workload::WorkloadDef, values: Values) -> JobSpec {
        JobSpec {
            run,
            workload,
            values,
            fault: Fault::None,
        }
    }

    #[test]
    fn batches_of_one_run_share_the_rebuilt_state() {
        let v = Values::default()
            .with(&shared_list::LENGTH, 5)
            .with(&shared_list::TASKS, 3);
        let s = spec(1, &shared_list::DEF, v);
        let mut worker = WorkerState::default();
        worker.prepare(&s, input_data(&s));
        let first = worker.run_batch(&[0], &SystemClock);
        // A later batch of the same run: no data, the worker keeps its copy.
        worker.prepare(&s, None);
        let second = worker.run_batch(&[2, 1], &SystemClock);
        assert_eq!(first.outcomes, vec![(0, TaskOutcome::Done(6))]);
        assert_eq!(
            second.outcomes,
            vec![(2, TaskOutcome::Done(7)), (1, TaskOutcome::Done(8))]
        );
        // A task run twice, or one past the plan, fails without trapping.
        let again = worker.run_batch(&[1, 99], &SystemClock);
        assert!(again
            .outcomes
            .iter()
            .all(|(_, o)| matches!(o, TaskOutcome::Failed(_))));
        // A new run starts from a fresh copy.
        let s2 = JobSpec { run: 2, ..s };
        worker.prepare(&s2, input_data(&s2));
        let fresh = worker.run_batch(&[0], &SystemClock);
        assert_eq!(fresh.outcomes, vec![(0, TaskOutcome::Done(6))]);
    }

    #[test]
    fn spans_show_compute_and_io_per_task() {
        let v = Values::default()
            .with(&io::TASKS, 2)
            .with(&io::WAIT_MS, 20)
            .with(&io::RANDOM, 0);
        let s = spec(1, &io::DEF, v);
        let mut worker = WorkerState::default();
        worker.prepare(&s, None);
        let out = worker.run_batch(&[0, 1], &SystemClock);
        assert!(out
            .outcomes
            .iter()
            .all(|(_, o)| matches!(o, TaskOutcome::Done(_))));
        for task in [0, 1] {
            let io: f64 = out
                .spans
                .iter()
                .filter(|s| s.task == task && s.kind == SpanKind::Io)
                .map(|s| s.end_ms - s.start_ms)
                .sum();
            assert!(io >= 15.0, "task {task} waited {io} ms");
        }
        // One after another: task 1 starts after task 0 ends.
        let end0 = out.spans.iter().filter(|s| s.task == 0).map(|s| s.end_ms);
        let start1 = out.spans.iter().filter(|s| s.task == 1).map(|s| s.start_ms);
        assert!(end0.fold(0.0, f64::max) <= start1.fold(f64::INFINITY, f64::min));
    }

    #[test]
    fn faults_and_blocking_fail_the_task_only() {
        let v = Values::default()
            .with(&primes::LIMIT, 10_000)
            .with(&primes::TASKS, 4);
        let s = JobSpec {
            fault: Fault::Error(1),
            ..spec(1, &primes::DEF, v)
        };
        let mut worker = WorkerState::default();
        worker.prepare(&s, None);
        let out = worker.run_batch(&[0, 1, 2], &SystemClock);
        assert!(matches!(&out.outcomes[1].1, TaskOutcome::Failed(e) if e.contains("injected")));
        assert!(matches!(out.outcomes[2].1, TaskOutcome::Done(_)));
        // A consumer alone in a worker has no producer to wait for.
        let q = spec(1, &queue::DEF, Values::default());
        let mut worker = WorkerState::default();
        worker.prepare(&q, None);
        let last = (queue::DEF.plan)(&Values::default()).tasks.len() as u32 - 1;
        let out = worker.run_batch(&[last], &SystemClock);
        assert!(matches!(&out.outcomes[0].1, TaskOutcome::Failed(e) if e.starts_with("blocked")));
        assert_eq!(current_task(), None);
    }
}
