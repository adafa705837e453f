//! Every possible order: each schedule a scheduler could pick, run to its end (every thread
//! finished, or stuck), with the final states they reach and how many break the program.

use std::collections::BTreeMap;

use super::machine::{Machine, Outcome};
use super::scenario::Scenario;

/// The most orders explored and drawn: past this the picture is unreadable (and it would take
/// long); the scenarios here have at most a few dozen.
pub const MAX_ORDERS: usize = 2_000;

/// One complete order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub schedule: Vec<usize>,
    /// The final value of the scenario's checked variable (None: stuck).
    pub value: Option<i64>,
    pub correct: bool,
    pub deadlock: bool,
    pub preemptions: usize,
}

/// What every order comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Exploration {
    pub leaves: Vec<Leaf>,
    /// Final value → how many orders reach it (stuck orders under None).
    pub finals: BTreeMap<Option<i64>, usize>,
    /// Orders that end wrong or stuck.
    pub broken: usize,
    pub deadlocks: usize,
    /// The fewest preemptions among the broken orders.
    pub fewest_preemptions: Option<usize>,
}

impl Exploration {
    pub fn orders(&self) -> usize {
        self.leaves.len()
    }
}

/// Too many orders to explore and draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany {
    pub limit: usize,
}

fn walk(m: &Machine, limit: usize, leaves: &mut Vec<Leaf>) -> Result<(), TooMany> {
    let runnable = m.runnable();
    if runnable.is_empty() {
        if leaves.len() >= limit {
            return Err(TooMany { limit });
        }
        let outcome = m.outcome();
        let (var, _) = m.scenario().expect;
        let deadlock = matches!(outcome, Outcome::Deadlock(_));
        leaves.push(Leaf {
            schedule: m.schedule.clone(),
            value: (!deadlock).then(|| m.vars[var]),
            correct: outcome == Outcome::Finished { correct: true },
            deadlock,
            preemptions: Machine::preemptions(m.scenario(), &m.schedule),
        });
        return Ok(());
    }
    for t in runnable {
        let mut next = m.clone();
        next.step(t);
        walk(&next, limit, leaves)?;
    }
    Ok(())
}

/// Explores every order of `scenario`, refusing past `limit` orders.
pub fn explore_within(scenario: &'static Scenario, limit: usize) -> Result<Exploration, TooMany> {
    let mut leaves = Vec::new();
    walk(&Machine::new(scenario), limit, &mut leaves)?;
    let mut finals = BTreeMap::new();
    for l in &leaves {
        *finals.entry(l.value).or_insert(0) += 1;
    }
    let broken: Vec<&Leaf> = leaves.iter().filter(|l| !l.correct).collect();
    Ok(Exploration {
        finals,
        broken: broken.len(),
        deadlocks: leaves.iter().filter(|l| l.deadlock).count(),
        fewest_preemptions: broken.iter().map(|l| l.preemptions).min(),
        leaves,
    })
}

pub fn explore(scenario: &'static Scenario) -> Result<Exploration, TooMany> {
    explore_within(scenario, MAX_ORDERS)
}

/// (Σ nᵢ)! / ∏ nᵢ!: the orders of threads with `steps` steps each when none ever blocks.
pub fn free_orders(steps: &[usize]) -> u128 {
    let mut total: u128 = 1;
    let mut n: u128 = 0;
    for &k in steps {
        for i in 1..=k as u128 {
            n += 1;
            // Multiply before dividing: each partial product is a binomial coefficient.
            total = total * n / i;
        }
    }
    total
}
