//! Producers and consumers over a bounded queue (the notes' `Queue` between a writer and a
//! reader): a producer blocks while the queue is full, a consumer while it is empty, and the
//! queue's length over time shows which side keeps the other waiting.

use crate::engine::lock;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use super::WorkloadDef;
use crate::engine::{Answer, AnswerText, Plan, Said, Step, StepCx, Task, TaskOutcome};
use crate::param::{Param, Values};

/// How many tasks put items into the queue.
pub const PRODUCERS: Param = Param {
    name: "producers",
    default: 2,
    min: 1,
    max: 8,
};

/// How many tasks take items out of it.
pub const CONSUMERS: Param = Param {
    name: "consumers",
    default: 2,
    min: 1,
    max: 8,
};

/// Items each producer makes.
pub const ITEMS: Param = Param {
    name: "items",
    default: 20,
    min: 1,
    max: 10_000,
};

/// How many items the queue holds before producers must wait.
pub const CAPACITY: Param = Param {
    name: "capacity",
    default: 4,
    min: 1,
    max: 1_000,
};

/// Simulated time to make one item, in ms.
pub const PRODUCE_MS: Param = Param {
    name: "produce_ms",
    default: 20,
    min: 0,
    max: 1_000,
};

/// Simulated time to handle one item, in ms.
pub const CONSUME_MS: Param = Param {
    name: "consume_ms",
    default: 40,
    min: 0,
    max: 1_000,
};

pub static DEF: WorkloadDef = WorkloadDef {
    id: "queue",
    params: &[
        PRODUCERS, CONSUMERS, ITEMS, CAPACITY, PRODUCE_MS, CONSUME_MS,
    ],
    plan,
    estimate_ms,
    deterministic: super::always,
};

/// What happened to one item. Times are on the run's clock, in ms.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub producer: u32,
    pub put_ms: f64,
    /// (when, by which consumer's task id), once taken.
    pub taken: Option<(f64, u32)>,
}

/// The queue and everything recorded about it, behind one lock so that the records are in the
/// order the queue saw the events.
#[derive(Debug, Default)]
pub struct Shared {
    /// Indices into `items`, oldest first.
    queue: VecDeque<usize>,
    producers_done: u64,
    /// Every item put, in the order they were put.
    pub items: Vec<ItemRecord>,
    /// The queue's length after each put and take: (ms on the run's clock, length).
    pub lengths: Vec<(f64, usize)>,
}

/// Makes `items` items, each taking `produce_ms`, and puts each into the queue, waiting for room.
struct Producer {
    shared: Arc<Mutex<Shared>>,
    id: u32,
    items: u64,
    capacity: usize,
    produce_ms: f64,
    put: u64,
    /// An item is being made or is waiting for room, so a retry puts it instead of making another.
    holding: bool,
}

impl Task for Producer {
    fn step(&mut self, cx: &StepCx) -> Step {
        if !self.holding {
            self.holding = true;
            if self.produce_ms > 0.0 {
                return Step::Wait {
                    ms: self.produce_ms,
                };
            }
        }
        let mut shared = lock(&self.shared);
        if shared.queue.len() >= self.capacity {
            return Step::Blocked;
        }
        // Read under the lock, so the records' times are in the queue's order of events.
        let now = cx.clock.now_ms();
        let index = shared.items.len();
        shared.items.push(ItemRecord {
            producer: self.id,
            put_ms: now,
            taken: None,
        });
        shared.queue.push_back(index);
        let length = shared.queue.len();
        shared.lengths.push((now, length));
        self.holding = false;
        self.put += 1;
        if self.put < self.items {
            return Step::Continue;
        }
        shared.producers_done += 1;
        Step::Done(self.put as i128)
    }
}

/// Takes items while there are any, each taking `consume_ms`; ends once the queue is empty and
/// every producer has finished (the notes' reader stops at a known last item instead).
struct Consumer {
    shared: Arc<Mutex<Shared>>,
    id: u32,
    producers: u64,
    consume_ms: f64,
    took: u64,
}

impl Task for Consumer {
    fn step(&mut self, cx: &StepCx) -> Step {
        let mut shared = lock(&self.shared);
        let Some(index) = shared.queue.pop_front() else {
            return if shared.producers_done == self.producers {
                Step::Done(self.took as i128)
            } else {
                Step::Blocked
            };
        };
        let now = cx.clock.now_ms();
        debug_assert!(
            shared.items[index].taken.is_none(),
            "item {index} taken twice"
        );
        shared.items[index].taken = Some((now, self.id));
        let length = shared.queue.len();
        shared.lengths.push((now, length));
        drop(shared);
        self.took += 1;
        if self.consume_ms > 0.0 {
            Step::Wait {
                ms: self.consume_ms,
            }
        } else {
            Step::Continue
        }
    }
}

/// The plan and the queue it runs through, for looking inside a run (the tests do).
pub fn plan_with_log(values: &Values) -> (Plan, Arc<Mutex<Shared>>) {
    let producers = values.get(&PRODUCERS);
    let items = values.get(&ITEMS);
    let capacity = values.get(&CAPACITY) as usize;
    let shared = Arc::new(Mutex::new(Shared::default()));
    let making = (0..producers).map(|p| {
        Box::new(Producer {
            shared: Arc::clone(&shared),
            id: p as u32,
            items,
            capacity,
            produce_ms: values.get(&PRODUCE_MS) as f64,
            put: 0,
            holding: false,
        }) as Box<dyn Task>
    });
    let taking = (0..values.get(&CONSUMERS)).map(|c| {
        Box::new(Consumer {
            shared: Arc::clone(&shared),
            id: (producers + c) as u32,
            producers,
            consume_ms: values.get(&CONSUME_MS) as f64,
            took: 0,
        }) as Box<dyn Task>
    });
    let books = Arc::clone(&shared);
    let finish = Box::new(move |_: &[TaskOutcome]| {
        let log = lock(&books);
        let waits: Vec<f64> = log
            .items
            .iter()
            .filter_map(|item| item.taken.map(|(at, _)| at - item.put_ms))
            .collect();
        let mean_wait = waits.iter().sum::<f64>() / waits.len().max(1) as f64;
        let value = waits.len() as i128;
        let start = log.lengths.first().map_or(0.0, |&(t, _)| t);
        let max_length = log.lengths.iter().map(|&(_, len)| len).max().unwrap_or(0);
        let said = Said::new(AnswerText::Queue, &[&value, &capacity]);
        Answer {
            details: vec![
                ("max_length", max_length.to_string()),
                ("mean_wait_ms", format!("{mean_wait:.1}")),
            ],
            series: log
                .lengths
                .iter()
                .map(|&(t, len)| (t - start, len as f64))
                .collect(),
            ..Answer::saying(value, said)
        }
    });
    let plan = Plan {
        tasks: making.chain(taking).collect(),
        finish,
    };
    (plan, shared)
}

fn plan(values: &Values) -> Plan {
    plan_with_log(values).0
}

/// One thread, one task at a time: every item is made and handled in turn, so the run takes
/// about the sum of both times for every item (the locking is negligible beside them).
fn estimate_ms(values: &Values) -> f64 {
    let items = values.get(&PRODUCERS) * values.get(&ITEMS);
    let per_item = values.get(&PRODUCE_MS) + values.get(&CONSUME_MS);
    (items * per_item) as f64 + items as f64 * 0.001
}

#[cfg(test)]
mod tests;
