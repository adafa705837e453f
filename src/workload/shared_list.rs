//! Whose list is it? `tasks` tasks each append `appends` numbers to "the page's list".
//!
//! Threads share the page's memory, so on the main thread or the pool every append lands in
//! the one list and the page sees it grow. A process-like worker gets a *copy* of the list by
//! message (like `multiprocessing` pickling its arguments): it appends to its own copy, and the
//! page's list stays as it was. The answer is the length of the page's list after the run.

use std::sync::{Arc, Mutex};

use super::WorkloadDef;
use crate::engine::{lock, Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// How many numbers the list holds before the run. Up to 4,000,000 (16 MB of `u32`), so that
/// copying it to a worker takes long enough to see and to measure per megabyte.
pub const LENGTH: Param = Param {
    name: "length",
    default: 1_000,
    min: 0,
    max: 4_000_000,
};

/// How many numbers each task appends.
pub const APPENDS: Param = Param {
    name: "appends",
    default: 1,
    min: 1,
    max: 10_000,
};

/// How many tasks append.
pub const TASKS: Param = Param {
    name: "tasks",
    default: 4,
    min: 1,
    max: 64,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "shared_list",
    params: &[LENGTH, APPENDS, TASKS],
    plan,
    estimate_ms,
    // The point is that the answer differs: shared memory grows, copies leave it alone.
    deterministic: never,
};

fn never(_: &Values) -> bool {
    false
}

/// The list before the run: `0, 1, 2, …` (the page's list, and what a worker's copy starts as).
pub fn initial(values: &Values) -> Vec<u32> {
    (0..values.get(&LENGTH) as u32).collect()
}

type List = Arc<Mutex<Vec<u32>>>;

/// Appends its numbers (its task id), then answers the length of the list it sees.
struct AppendTask {
    list: List,
    id: u32,
    appends: u64,
}

impl Task for AppendTask {
    fn step(&mut self, _: &StepCx) -> Step {
        let mut list = lock(&self.list);
        for _ in 0..self.appends {
            list.push(self.id);
        }
        Step::Done(list.len() as i128)
    }
}

fn plan(values: &Values) -> Plan {
    plan_over(initial(values), values)
}

/// The plan over a given list: the page's own, or a worker's copy received by message.
pub fn plan_over(list: Vec<u32>, values: &Values) -> Plan {
    let before = list.len();
    let list: List = Arc::new(Mutex::new(list));
    let appends = values.get(&APPENDS);
    let tasks = (0..values.get(&TASKS) as u32)
        .map(|id| {
            Box::new(AppendTask {
                list: list.clone(),
                id,
                appends,
            }) as Box<dyn Task>
        })
        .collect();
    Plan {
        tasks,
        finish: Box::new(move |outcomes| {
            let after = lock(&list).len();
            // The longest list any task saw: on shared memory the last one sees every append;
            // in a copy a task sees only its own worker's.
            let longest_seen = outcomes
                .iter()
                .filter_map(|o| match o {
                    TaskOutcome::Done(v) => Some(*v),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let said = Said::new(AnswerText::SharedList, &[&before, &after]);
            Answer {
                details: vec![
                    ("before", before.to_string()),
                    ("after", after.to_string()),
                    ("longest_seen_by_a_task", longest_seen.to_string()),
                ],
                ..Answer::saying(after as i128, said)
            }
        }),
    }
}

/// Appending is nearly free; building the list costs about a nanosecond per item.
fn estimate_ms(values: &Values) -> f64 {
    (values.get(&LENGTH) + values.get(&TASKS) * values.get(&APPENDS)) as f64 * 2e-6 + 0.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{run_interleaved, run_pool, run_sequential};
    use crate::engine::RunEnd;

    fn values(length: u64, appends: u64, tasks: u64) -> Values {
        Values::default()
            .with(&LENGTH, length)
            .with(&APPENDS, appends)
            .with(&TASKS, tasks)
    }

    #[test]
    fn shared_memory_sees_every_append() {
        let v = values(1_000, 3, 4);
        for out in [
            run_sequential(plan(&v)),
            run_interleaved(plan(&v)),
            run_pool(plan(&v), 4),
        ] {
            assert_eq!(out.end, RunEnd::Completed);
            assert_eq!(out.answer.value, 1_012);
            assert_eq!(out.answer.summary, "the page's list: 1000 → 1012 items");
            assert_eq!(
                out.answer.details[2],
                ("longest_seen_by_a_task", "1012".to_string())
            );
        }
    }

    #[test]
    fn a_copy_leaves_the_original_alone() {
        let v = values(10, 2, 3);
        let page = initial(&v);
        let copy = run_sequential(plan_over(page.clone(), &v));
        assert_eq!(copy.answer.value, 16, "the copy grew");
        assert_eq!(page.len(), 10, "the original did not");
    }

    #[test]
    fn bounds_are_clamped() {
        let v = values(u64::MAX, 0, 0);
        assert_eq!(
            (v.get(&LENGTH), v.get(&APPENDS), v.get(&TASKS)),
            (4_000_000, 1, 1)
        );
        assert_eq!(initial(&values(0, 1, 1)), Vec::<u32>::new());
    }
}
