//! What happened during one visit, in the order it happened, and the customer's rule for what
//! to do next. The browser and the tests both feed events in and follow [`RunLog::next`].

use super::{Mode, Plan};

/// One glance at the counter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Poll {
    pub at_ms: f64,
    /// Whether the teller was done by then.
    pub ready: bool,
}

/// One side job the customer finished while waiting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Job {
    pub start_ms: f64,
    pub end_ms: f64,
    /// The job's answer (primes found).
    pub found: u64,
}

/// What the customer does next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Spin on the clock until this time: nothing else runs, not even the page.
    SpinUntil(f64),
    /// Sleep this long (an awaited timer), then glance at the counter.
    PollIn(f64),
    /// Do one side job, then give the event loop a turn.
    SideJob,
    /// Await the call and do nothing else.
    AwaitCall,
    /// The result is in hand (or the visit was given up).
    Done,
}

/// The log of one visit. Times are milliseconds on the page's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct RunLog {
    pub mode: Mode,
    pub plan: Plan,
    /// The customer joined the line (sync) or took a ticket (async); the teller started.
    pub start_ms: f64,
    /// The teller finished (the service's timer was due).
    pub service_end_ms: Option<f64>,
    pub polls: Vec<Poll>,
    pub jobs: Vec<Job>,
    /// The ticket's number was called: the callback ran (async modes).
    pub called_ms: Option<f64>,
    /// The customer had the result in hand.
    pub result_ms: Option<f64>,
}

impl RunLog {
    pub fn new(mode: Mode, plan: Plan, start_ms: f64) -> Self {
        Self {
            mode,
            plan,
            start_ms,
            service_end_ms: None,
            polls: Vec::new(),
            jobs: Vec::new(),
            called_ms: None,
            result_ms: None,
        }
    }

    /// A visit not run yet: nothing has happened at time 0.
    pub fn empty(mode: Mode, plan: Plan) -> Self {
        Self::new(mode, plan, 0.0)
    }

    /// Past this the customer gives up: the teller's timer cannot be lost, but a page that is
    /// throttled (a background tab) must still end the visit.
    pub fn deadline_ms(&self) -> f64 {
        self.start_ms + self.plan.service_ms * 4.0 + 5_000.0
    }

    /// What to do next, at `now_ms`, given what has happened.
    pub fn next(&self, now_ms: f64) -> Next {
        if self.result_ms.is_some() || now_ms > self.deadline_ms() {
            return Next::Done;
        }
        match self.mode {
            Mode::SyncBlocking => Next::SpinUntil(self.start_ms + self.plan.service_ms),
            Mode::SyncPolling => {
                // A steady cadence from the start, however late the last glance was.
                let due = self.start_ms + (self.polls.len() + 1) as f64 * self.plan.poll_every_ms;
                Next::PollIn((due - now_ms).max(0.0))
            }
            Mode::AsyncBlocking => Next::AwaitCall,
            Mode::AsyncCallback => Next::SideJob,
        }
    }

    /// The teller finished at `at_ms`: the timer's due time, recorded when its callback runs
    /// (later, if the event loop was busy). In the async modes that callback also calls the
    /// ticket: see [`RunLog::called`].
    pub fn service_done(&mut self, at_ms: f64) {
        self.service_end_ms.get_or_insert(at_ms);
    }

    /// The synchronous blocking customer stopped spinning: served, result in hand.
    pub fn spun(&mut self, at_ms: f64) {
        self.service_done(at_ms);
        self.result_ms.get_or_insert(at_ms);
    }

    /// A glance at the counter; if the teller is done, the customer takes the result.
    pub fn poll(&mut self, at_ms: f64) {
        let ready = self.service_end_ms.is_some_and(|t| t <= at_ms);
        self.polls.push(Poll { at_ms, ready });
        if ready {
            self.result_ms.get_or_insert(at_ms);
        }
    }

    /// The callback ran: the ticket was called and hands over the result.
    pub fn called(&mut self, at_ms: f64) {
        self.called_ms.get_or_insert(at_ms);
        self.result_ms.get_or_insert(at_ms);
    }

    /// A side job finished (its answer is [`super::side_job`]'s for job number `jobs.len()`).
    pub fn job(&mut self, start_ms: f64, end_ms: f64, found: u64) {
        self.jobs.push(Job {
            start_ms,
            end_ms,
            found,
        });
    }

    /// When the teller is done: the service's timer is due.
    pub fn service_due_ms(&self) -> f64 {
        self.start_ms + self.plan.service_ms
    }

    /// Whether the visit has begun. Page-clock times are milliseconds since the epoch, so the
    /// start of [`RunLog::empty`], 0, is never a real one.
    pub fn started(&self) -> bool {
        self.start_ms > 0.0
    }

    pub fn is_done(&self) -> bool {
        self.result_ms.is_some()
    }

    /// From the start to the result (ms), once there is one.
    pub fn time_to_result_ms(&self) -> Option<f64> {
        self.result_ms.map(|r| r - self.start_ms)
    }

    /// Primes found by all side jobs.
    pub fn found(&self) -> u64 {
        self.jobs.iter().map(|j| j.found).sum()
    }

    /// How long the result waited at the counter before the customer had it (ms): polling's
    /// latency, or a callback delivered late because the event loop was busy.
    pub fn pickup_delay_ms(&self) -> Option<f64> {
        Some(self.result_ms? - self.service_end_ms?)
    }
}
