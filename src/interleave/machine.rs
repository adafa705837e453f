//! One schedule, step by step: each thread's next step, its local, the shared variables, who
//! holds each lock, which events are set — and what happened (an update lost, a thread
//! blocked, a deadlock).

use super::scenario::{Op, Scenario};

/// Why a thread cannot take its next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// It wants `lock`, which `holder` has.
    Lock { lock: usize, holder: usize },
    /// It waits for an event nobody has set yet.
    Event { event: usize },
}

/// Where the schedule stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Some thread can still step.
    Running,
    /// Every thread finished; `correct` if the expected value was reached.
    Finished { correct: bool },
    /// Nobody can step and some have not finished: each stuck thread, the lock it wants and
    /// who holds it (a cycle).
    Deadlock(Vec<(usize, Blocked)>),
}

/// A write that overwrote an update its writer never saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lost {
    /// The thread whose store wrote over the other's.
    pub writer: usize,
    /// The value both had read before either stored.
    pub read: i64,
}

/// A thread's local: the value it read, and which version of the variable that was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Local {
    value: i64,
    var: usize,
    version: u32,
}

/// The state after a schedule's steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Machine {
    scenario: &'static Scenario,
    pc: Vec<usize>,
    locals: Vec<Option<Local>>,
    pub vars: Vec<i64>,
    /// Stores so far, per variable.
    versions: Vec<u32>,
    pub holders: Vec<Option<usize>>,
    pub set: Vec<bool>,
    /// The threads stepped, in order.
    pub schedule: Vec<usize>,
    /// Updates lost so far.
    pub lost: Vec<Lost>,
}

impl Machine {
    pub fn new(scenario: &'static Scenario) -> Self {
        let n = scenario.threads.len();
        Machine {
            scenario,
            pc: vec![0; n],
            locals: vec![None; n],
            vars: scenario.vars.iter().map(|v| v.1).collect(),
            versions: vec![0; scenario.vars.len()],
            holders: vec![None; scenario.locks.len()],
            set: vec![false; scenario.events.len()],
            schedule: Vec::new(),
            lost: Vec::new(),
        }
    }

    /// The state after `schedule` (the steps that cannot be taken are skipped).
    pub fn replay(scenario: &'static Scenario, schedule: &[usize]) -> Self {
        let mut m = Machine::new(scenario);
        for &t in schedule {
            m.step(t);
        }
        m
    }

    pub fn scenario(&self) -> &'static Scenario {
        self.scenario
    }

    /// The index of thread `t`'s next step (its step count when done).
    pub fn pc(&self, t: usize) -> usize {
        self.pc[t]
    }

    /// Thread `t`'s local, if it has read one.
    pub fn local(&self, t: usize) -> Option<i64> {
        self.locals[t].map(|l| l.value)
    }

    pub fn done(&self, t: usize) -> bool {
        self.pc[t] >= self.scenario.threads[t].steps.len()
    }

    /// Why thread `t` cannot take its next step, if it cannot.
    pub fn blocked(&self, t: usize) -> Option<Blocked> {
        let step = self.scenario.threads[t].steps.get(self.pc[t])?;
        match step.op {
            Op::Acquire(lock) => match self.holders[lock] {
                Some(holder) if holder != t => Some(Blocked::Lock { lock, holder }),
                _ => None,
            },
            Op::Wait(event) if !self.set[event] => Some(Blocked::Event { event }),
            _ => None,
        }
    }

    pub fn can_step(&self, t: usize) -> bool {
        t < self.pc.len() && !self.done(t) && self.blocked(t).is_none()
    }

    /// The threads that can step now.
    pub fn runnable(&self) -> Vec<usize> {
        (0..self.pc.len()).filter(|&t| self.can_step(t)).collect()
    }

    /// Thread `t` takes its next step; false (and nothing changes) when it cannot.
    pub fn step(&mut self, t: usize) -> bool {
        if !self.can_step(t) {
            return false;
        }
        let op = self.scenario.threads[t].steps[self.pc[t]].op;
        match op {
            Op::Load(var) => {
                self.locals[t] = Some(Local {
                    value: self.vars[var],
                    var,
                    version: self.versions[var],
                })
            }
            Op::Add(n) => {
                if let Some(l) = &mut self.locals[t] {
                    l.value += n;
                }
            }
            Op::Store(var) => {
                if let Some(l) = self.locals[t] {
                    // Someone stored since this thread read: that update is written over.
                    if l.var == var && l.version < self.versions[var] {
                        self.lost.push(Lost {
                            writer: t,
                            read: self.read_value(t),
                        });
                    }
                    self.vars[var] = l.value;
                    self.versions[var] += 1;
                }
            }
            Op::Put(var, value) => {
                self.vars[var] = value;
                self.versions[var] += 1;
            }
            Op::Acquire(lock) => self.holders[lock] = Some(t),
            Op::Release(lock) => self.holders[lock] = None,
            Op::Wait(_) | Op::Nop => {}
            Op::Set(event) => self.set[event] = true,
        }
        self.pc[t] += 1;
        self.schedule.push(t);
        true
    }

    /// The value thread `t` read (its local before its adds).
    fn read_value(&self, t: usize) -> i64 {
        let steps = &self.scenario.threads[t].steps[..self.pc[t]];
        let added: i64 = steps
            .iter()
            .rev()
            .take_while(|s| !matches!(s.op, Op::Load(_)))
            .map(|s| match s.op {
                Op::Add(n) => n,
                _ => 0,
            })
            .sum();
        self.locals[t].map_or(0, |l| l.value - added)
    }

    /// Thread `t` holds a read of `var` that another thread's store has since overwritten:
    /// (the value it read, the variable, its value now). Writing back will lose that update.
    pub fn stale(&self, t: usize) -> Option<(i64, usize, i64)> {
        let l = self.locals[t]?;
        let pending_store = self.scenario.threads[t].steps[self.pc[t]..]
            .iter()
            .any(|s| s.op == Op::Store(l.var));
        (pending_store && l.version < self.versions[l.var])
            .then(|| (self.read_value(t), l.var, self.vars[l.var]))
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        let mut schedule = self.schedule.clone();
        schedule.pop();
        *self = Machine::replay(self.scenario, &schedule);
    }

    pub fn outcome(&self) -> Outcome {
        let n = self.pc.len();
        if (0..n).all(|t| self.done(t)) {
            let (var, value) = self.scenario.expect;
            return Outcome::Finished {
                correct: self.vars[var] == value,
            };
        }
        if (0..n).any(|t| self.can_step(t)) {
            return Outcome::Running;
        }
        Outcome::Deadlock(
            (0..n)
                .filter_map(|t| self.blocked(t).map(|b| (t, b)))
                .collect(),
        )
    }

    /// Switches away from a thread that could have gone on: the preemptions a scheduler made.
    pub fn preemptions(scenario: &'static Scenario, schedule: &[usize]) -> usize {
        let mut m = Machine::new(scenario);
        let mut count = 0;
        for (i, &t) in schedule.iter().enumerate() {
            if i > 0 && schedule[i - 1] != t && m.can_step(schedule[i - 1]) {
                count += 1;
            }
            m.step(t);
        }
        count
    }
}
