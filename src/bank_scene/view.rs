//! What the scene shows at a moment of a recorded (or still running) visit: where the customer
//! is, what they are doing, how far the teller is, and the counts so far; and the customer's
//! activity over the whole visit, for the activity bar.

use super::{Mode, RunLog};

/// How long a glance or a call stays visible in the picture (ms).
pub const FLASH_MS: f64 = 120.0;
/// How long the call's bell stays visible (ms).
pub const CALL_MS: f64 = 600.0;

/// Where the customer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In the line in front of the counter (sync modes).
    InLine,
    /// On the bench with a ticket (async, blocking).
    Bench,
    /// At a side table with other work (async, non-blocking).
    SideTable,
    /// At the counter with the result.
    Counter,
}

/// What the customer is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    /// Nothing yet: the visit has not started.
    NotStarted,
    /// Waiting and doing nothing else.
    Idle,
    /// Spinning on the clock: the page's one thread is taken (frozen).
    Spinning,
    /// Glancing at the counter (a poll).
    Glancing,
    /// Working on a side job.
    Working,
    /// Has the result.
    Served,
}

/// The picture at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    /// Since the start (ms), never negative.
    pub elapsed_ms: f64,
    pub place: Place,
    pub doing: Doing,
    /// The teller's service done so far, 0..=1.
    pub service: f64,
    /// The ticket's number is being called (a bell), async modes.
    pub calling: bool,
    /// Glances and side jobs so far.
    pub polls: usize,
    pub jobs: usize,
}

/// The scene at `at_ms` (on the page's clock) of `log`. Works on a visit still in progress:
/// what has not happened yet is not shown.
pub fn scene_at(log: &RunLog, at_ms: f64) -> Snapshot {
    let t = at_ms.max(log.start_ms);
    let happened = |x: Option<f64>| x.is_some_and(|x| x <= t);
    let served = happened(log.result_ms);
    let polls = log.polls.iter().filter(|p| p.at_ms <= t).count();
    let jobs = log.jobs.iter().filter(|j| j.end_ms <= t).count();
    let place = if served {
        Place::Counter
    } else {
        match log.mode {
            Mode::SyncBlocking | Mode::SyncPolling => Place::InLine,
            Mode::AsyncBlocking => Place::Bench,
            Mode::AsyncCallback => Place::SideTable,
        }
    };
    let started = log.started();
    let doing = if !started {
        Doing::NotStarted
    } else if served {
        Doing::Served
    } else {
        match log.mode {
            Mode::SyncBlocking => Doing::Spinning,
            Mode::SyncPolling
                if log
                    .polls
                    .iter()
                    .any(|p| p.at_ms <= t && t - p.at_ms < FLASH_MS) =>
            {
                Doing::Glancing
            }
            // A frame is painted only between two jobs (a job holds the thread), so the
            // moments just after a job count as working too.
            Mode::AsyncCallback
                if log
                    .jobs
                    .iter()
                    .rev()
                    .any(|j| j.start_ms <= t && t < j.end_ms + FLASH_MS) =>
            {
                Doing::Working
            }
            _ => Doing::Idle,
        }
    };
    let service = match log.service_end_ms {
        Some(end) if end <= t => 1.0,
        _ if !started => 0.0,
        // Not done yet: show the time spent against the planned service, short of done.
        _ => ((t - log.start_ms) / log.plan.service_ms).clamp(0.0, 0.99),
    };
    let calling = log.called_ms.is_some_and(|c| c <= t && t - c < CALL_MS);
    Snapshot {
        elapsed_ms: if started { t - log.start_ms } else { 0.0 },
        place,
        doing,
        service,
        calling,
        polls,
        jobs,
    }
}

/// What fills a stretch of the customer's activity bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// Spinning (the page frozen).
    Spin,
    /// A side job.
    Job,
    /// The teller serving (the teller's own bar).
    Service,
}

/// A stretch of a bar, in ms since the start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    pub from_ms: f64,
    pub to_ms: f64,
    pub activity: Activity,
}

/// What the bars show up to `at_ms`: the teller's service, and the customer's busy stretches
/// (spinning or side jobs; everything else is idle waiting). Marks (glances, the call, the
/// result) are read from the log directly.
pub fn stretches(log: &RunLog, at_ms: f64) -> Vec<Stretch> {
    if !log.started() {
        return Vec::new();
    }
    let rel = |x: f64| (x.min(at_ms) - log.start_ms).max(0.0);
    let mut out = vec![Stretch {
        from_ms: 0.0,
        to_ms: rel(log.service_end_ms.unwrap_or(at_ms)),
        activity: Activity::Service,
    }];
    if log.mode == Mode::SyncBlocking {
        out.push(Stretch {
            from_ms: 0.0,
            to_ms: rel(log.result_ms.unwrap_or(at_ms)),
            activity: Activity::Spin,
        });
    }
    out.extend(
        log.jobs
            .iter()
            .filter(|j| j.start_ms <= at_ms)
            .map(|j| Stretch {
                from_ms: rel(j.start_ms),
                to_ms: rel(j.end_ms),
                activity: Activity::Job,
            }),
    );
    out
}

/// The length the bars span (ms): the whole visit once it is over, the planned service (or
/// the time so far, if longer) before.
pub fn span_ms(log: &RunLog, at_ms: f64) -> f64 {
    let so_far = (at_ms - log.start_ms).max(0.0);
    match log.result_ms {
        Some(r) => (r - log.start_ms).max(1.0),
        None => so_far.max(log.plan.service_ms * 1.1),
    }
}
