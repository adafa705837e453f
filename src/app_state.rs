//! The page's state and its one transition function, `apply`. The Yew reducer is a thin
//! adapter over this (see `web::app`), so every transition is tested natively here.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::engine::fault::Fault;
use crate::engine::frames::FrameStats;
use crate::engine::RunOutput;
use crate::executor::Executor;
use crate::link::{self, Decoded, Lang, LinkConfig, Notice, View};
use crate::param::{Parsed, Values};
use crate::pool_state::PoolState;
use crate::sweep::Sweep;
use crate::workload::{self, WorkloadDef};

/// A synchronous main-thread run estimated to freeze the page longer than this needs the
/// learner's confirmation first.
pub const CONFIRM_ABOVE_MS: f64 = 3_000.0;

/// A finished run, kept for display and comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub executor: Executor,
    /// Threads the run used (1 on the main thread).
    pub threads: usize,
    pub output: Rc<RunOutput>,
    /// The page's frames during the run (main-thread runs).
    pub frames: Option<FrameStats>,
}

/// The run in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub executor: Executor,
    pub threads: usize,
    pub started_ms: f64,
    pub now_ms: f64,
    pub done: u32,
    pub total: u32,
    pub cancelling: bool,
}

/// A queued run: where, and with how many threads (None: the chosen count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub executor: Executor,
    pub threads: Option<usize>,
}

/// What happens when the learner asks for a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    Start,
    /// Would freeze the page for about this long: ask first.
    Confirm {
        estimate_ms: f64,
    },
    /// Another run is in progress.
    Busy,
    /// The pool is not ready (starting, not isolated, failed).
    NoPool,
    /// An injected panic on the page's own thread would stop the whole page: the wasm build
    /// aborts on panic (it cannot unwind), so only pool executors take that fault.
    PanicOnMainThread,
}

/// A parameter box: the text as typed, and what it means after bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub text: String,
    pub parsed: Parsed,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// `crossOriginIsolated` as the page reported it (None until known).
    pub isolated: Option<bool>,
    /// `navigator.hardwareConcurrency`, if the browser says.
    pub logical_processors: Option<usize>,
    pub pool: PoolState,
    pub workload: &'static WorkloadDef,
    pub values: Values,
    /// Boxes the learner has typed in (others show the current value).
    pub inputs: BTreeMap<&'static str, Input>,
    /// Threads a pool run uses (1 ..= pool size).
    pub threads: usize,
    /// A fault to inject into the next runs.
    pub fault: Fault,
    /// Pool workers lost to panicking tasks (each parks its thread for good).
    pub lost_workers: usize,
    /// The executors the demo compares (from a link; all by default).
    pub executors: Vec<Executor>,
    /// Threads chosen by the learner or a link (kept as asked, clamped when used).
    pub threads_asked: Option<usize>,
    pub view: View,
    pub lang: Lang,
    pub lesson: Option<String>,
    /// What the last opened link did not carry as written.
    pub link_notices: Vec<Notice>,
    /// Runs still to start, one after another ("Run all", a sweep).
    pub pending: Vec<Job>,
    /// The thread sweep in progress or last done.
    pub sweep: Option<Sweep>,
    pub running: Option<Running>,
    /// The latest run per executor for the current configuration.
    pub results: BTreeMap<Executor, RunRecord>,
    /// A main-thread run waiting for the learner's go-ahead.
    pub confirm: Option<(Executor, f64)>,
    /// Measured ÷ estimated main-thread time, per workload: later estimates use this machine's speed.
    pub calibration: BTreeMap<&'static str, f64>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            isolated: None,
            logical_processors: None,
            pool: PoolState::Starting {
                threads: crate::pool_state::FALLBACK_THREADS,
            },
            workload: &workload::primes::DEF,
            values: Values::default(),
            inputs: BTreeMap::new(),
            threads: crate::pool_state::FALLBACK_THREADS,
            fault: Fault::None,
            lost_workers: 0,
            executors: Executor::ALL.to_vec(),
            threads_asked: None,
            view: View::default(),
            lang: Lang::default(),
            lesson: None,
            link_notices: Vec::new(),
            pending: Vec::new(),
            sweep: None,
            running: None,
            results: BTreeMap::new(),
            confirm: None,
            calibration: BTreeMap::new(),
        }
    }
}

/// Everything that can happen to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The browser's facts, read once at start.
    Environment {
        isolated: bool,
        logical_processors: Option<usize>,
        default_threads: usize,
    },
    Pool(PoolState),
    SelectWorkload(&'static str),
    EditParam(&'static str, String),
    SetThreads(usize),
    SetFault(Fault),
    WorkersLost(usize),
    /// A link was opened: take its configuration (never starts a run).
    OpenLink(Decoded),
    DismissLinkNotices,
    /// Open a lesson (with its first demo set up, not run), or the playground (None).
    OpenLesson(Option<&'static str>),
    /// A lesson's demo button: like a link, but the page keeps the learner's language.
    OpenPreset(String),
    SetLang(Lang),
    /// Queue every executor of the demo that can run here, one after another.
    RunAll,
    /// The next queued run is starting (or cannot).
    TakePending,
    /// Run the workload on the pool at 1 ..= pool size threads.
    StartSweep,
    /// Ask before a long freeze.
    AskConfirm(Executor, f64),
    DismissConfirm,
    Started {
        executor: Executor,
        threads: usize,
        total: u32,
        now_ms: f64,
    },
    Progress {
        done: u32,
        total: u32,
        now_ms: f64,
    },
    Cancelling,
    Finished(RunRecord),
}

impl AppState {
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Environment {
                isolated,
                logical_processors,
                default_threads,
            } => {
                self.isolated = Some(isolated);
                self.logical_processors = logical_processors;
                self.threads = self.threads_asked.unwrap_or(default_threads).max(1);
            }
            Action::Pool(state) => {
                self.pool = state;
                // A link may ask for more threads than the default: honour it once the pool's
                // size is known.
                let wanted = self.threads_asked.unwrap_or(self.threads);
                self.threads = wanted.clamp(1, self.max_threads());
            }
            Action::SelectWorkload(id) => {
                if let Some(def) = workload::by_id(id) {
                    if def != self.workload {
                        self.workload = def;
                        self.values = Values::default();
                        self.inputs.clear();
                        self.results.clear();
                    }
                }
            }
            Action::EditParam(name, text) => {
                if let Some(param) = self.workload.params.iter().find(|p| p.name == name) {
                    let parsed = param.parse(&text);
                    self.values.set(param, parsed.value());
                    self.inputs.insert(param.name, Input { text, parsed });
                    self.results.clear();
                }
            }
            Action::SetThreads(n) => {
                self.threads = n.clamp(1, self.max_threads());
                self.threads_asked = Some(self.threads);
                self.results.retain(|e, _| !e.needs_pool());
            }
            Action::SetFault(fault) => {
                self.fault = fault;
                self.results.clear();
            }
            Action::OpenLink(Decoded { config, notices }) => {
                self.workload = config.workload;
                self.values = config.values;
                self.inputs.clear();
                self.results.clear();
                self.executors = config.executors;
                self.threads_asked = config.threads;
                // A link without a thread count means "this machine's default", not "whatever
                // the previous demo used".
                let default =
                    crate::pool_state::default_threads(self.logical_processors.map(|n| n as f64));
                self.threads = config
                    .threads
                    .unwrap_or(default)
                    .clamp(1, self.max_threads());
                self.fault = config.fault;
                self.view = config.view;
                self.lang = config.lang;
                self.lesson = config.lesson;
                self.confirm = None;
                self.link_notices = notices;
            }
            Action::DismissLinkNotices => self.link_notices.clear(),
            Action::OpenLesson(None) => self.lesson = None,
            Action::OpenLesson(Some(id)) => {
                let first = crate::lessons::by_id(id).and_then(|l| l.presets().into_iter().next());
                if let Some(preset) = first {
                    self = self.apply(Action::OpenPreset(preset.fragment));
                }
            }
            Action::OpenPreset(fragment) => {
                let lang = self.lang;
                self = self.apply(Action::OpenLink(link::decode(&fragment)));
                self.lang = lang;
            }
            Action::SetLang(lang) => self.lang = lang,
            Action::RunAll => {
                let pool = self.pool.is_ready();
                self.pending = self
                    .executors
                    .iter()
                    .filter(|e| pool || !e.needs_pool())
                    .map(|&executor| Job {
                        executor,
                        threads: None,
                    })
                    .collect();
            }
            Action::StartSweep => {
                if self.pool.is_ready() && self.running.is_none() {
                    let sweep = Sweep::new(Executor::Pool, self.max_threads());
                    self.pending = sweep
                        .plan
                        .iter()
                        .map(|&t| Job {
                            executor: Executor::Pool,
                            threads: Some(t),
                        })
                        .collect();
                    self.sweep = Some(sweep);
                }
            }
            Action::TakePending => {
                if !self.pending.is_empty() {
                    self.pending.remove(0);
                }
            }
            Action::WorkersLost(n) => {
                self.lost_workers = n;
                self.threads = self.threads.min(self.max_threads());
            }
            Action::AskConfirm(executor, estimate) => {
                self.confirm = Some((executor, estimate));
                // A queue stops at a question: the learner decides, then carries on by hand.
                self.pending.clear();
            }
            Action::DismissConfirm => self.confirm = None,
            Action::Started {
                executor,
                threads,
                total,
                now_ms,
            } => {
                self.confirm = None;
                self.running = Some(Running {
                    executor,
                    threads,
                    started_ms: now_ms,
                    now_ms,
                    done: 0,
                    total,
                    cancelling: false,
                });
            }
            Action::Progress {
                done,
                total,
                now_ms,
            } => {
                if let Some(r) = &mut self.running {
                    r.done = done;
                    r.total = total;
                    r.now_ms = now_ms;
                }
            }
            Action::Cancelling => {
                if let Some(r) = &mut self.running {
                    r.cancelling = true;
                }
            }
            Action::Finished(record) => {
                self.running = None;
                if record.executor == Executor::Main
                    && record.output.end == crate::engine::RunEnd::Completed
                {
                    let raw = (self.workload.estimate_ms)(&self.values);
                    if raw > 0.0 && record.output.wall_ms > 0.0 {
                        self.calibration
                            .insert(self.workload.id, record.output.wall_ms / raw);
                    }
                }
                if let Some(sweep) = &mut self.sweep {
                    if !sweep.done() && record.executor == sweep.executor {
                        if record.output.end == crate::engine::RunEnd::Completed {
                            sweep.points.push((record.threads, record.output.wall_ms));
                        } else {
                            // A cancelled or failed point ends the sweep: its figures would lie.
                            self.pending.clear();
                        }
                    }
                }
                self.results.insert(record.executor, record);
            }
        }
        self
    }

    /// The configuration as a link carries it.
    pub fn link_config(&self) -> LinkConfig {
        LinkConfig {
            lesson: self.lesson.clone(),
            workload: self.workload,
            values: self.values.clone(),
            executors: self.executors.clone(),
            threads: self.threads_asked,
            fault: self.fault,
            view: self.view,
            lang: self.lang,
        }
    }

    /// The URL fragment (without `#`) that opens exactly this configuration.
    pub fn link_fragment(&self) -> String {
        link::encode(&self.link_config())
    }

    /// The most threads a pool run may use: the pool's size, less workers lost to panics.
    pub fn max_threads(&self) -> usize {
        let size = self.pool.threads().unwrap_or(self.threads);
        size.saturating_sub(self.lost_workers).max(1)
    }

    /// Estimated time of a synchronous main-thread run, scaled by this machine's measured speed.
    pub fn main_thread_estimate_ms(&self) -> f64 {
        let raw = (self.workload.estimate_ms)(&self.values);
        raw * self
            .calibration
            .get(self.workload.id)
            .copied()
            .unwrap_or(1.0)
    }

    pub fn decide(&self, executor: Executor, confirmed: bool) -> Decision {
        if self.running.is_some() {
            return Decision::Busy;
        }
        if executor.needs_pool() && !self.pool.is_ready() {
            return Decision::NoPool;
        }
        if matches!(self.fault, Fault::Panic(_)) && !executor.needs_pool() {
            return Decision::PanicOnMainThread;
        }
        let estimate_ms = self.main_thread_estimate_ms();
        if executor.freezes_page() && !confirmed && estimate_ms > CONFIRM_ABOVE_MS {
            return Decision::Confirm { estimate_ms };
        }
        Decision::Start
    }

    /// Threads a run on `executor` uses.
    pub fn threads_for(&self, executor: Executor) -> usize {
        if executor.needs_pool() {
            self.threads.clamp(1, self.max_threads())
        } else {
            1
        }
    }

    /// How much faster `executor` was than the synchronous main thread, on the same configuration.
    pub fn speedup(&self, executor: Executor) -> Option<f64> {
        let main = self.results.get(&Executor::Main)?.output.wall_ms;
        let other = self.results.get(&executor)?.output.wall_ms;
        (other > 0.0).then(|| main / other)
    }

    /// Whether every completed run of a deterministic workload gave the same answer.
    pub fn answers_agree(&self) -> Option<bool> {
        if !(self.workload.deterministic)(&self.values) {
            return None;
        }
        let mut values = self
            .results
            .values()
            .filter(|r| r.output.end == crate::engine::RunEnd::Completed)
            .map(|r| r.output.answer.value);
        let first = values.next()?;
        let mut any_other = false;
        for v in values {
            any_other = true;
            if v != first {
                return Some(false);
            }
        }
        any_other.then_some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Answer, RunEnd};
    use crate::workload::primes;

    fn ready(threads: usize) -> AppState {
        AppState::default()
            .apply(Action::Environment {
                isolated: true,
                logical_processors: Some(threads),
                default_threads: threads,
            })
            .apply(Action::Pool(PoolState::Ready {
                threads: 2 * threads,
            }))
    }

    fn record(executor: Executor, value: i128, wall_ms: f64, end: RunEnd) -> RunRecord {
        RunRecord {
            executor,
            threads: 1,
            output: Rc::new(RunOutput {
                answer: Answer {
                    value,
                    ..Answer::default()
                },
                end,
                wall_ms,
                spans: vec![],
                completion_order: vec![],
                outcomes: vec![],
            }),
            frames: None,
        }
    }

    fn started(executor: Executor) -> Action {
        Action::Started {
            executor,
            threads: 1,
            total: 4,
            now_ms: 0.0,
        }
    }

    #[test]
    fn pool_runs_wait_for_a_ready_pool() {
        let s = AppState::default();
        assert_eq!(s.decide(Executor::Pool, false), Decision::NoPool);
        assert_eq!(s.decide(Executor::Async, false), Decision::Start);
        let s = s.apply(Action::Pool(PoolState::NotIsolated));
        assert_eq!(s.decide(Executor::Pool, false), Decision::NoPool);
        assert_eq!(s.decide(Executor::Main, false), Decision::Start);
        assert_eq!(ready(2).decide(Executor::Pool, false), Decision::Start);
    }

    #[test]
    fn one_run_at_a_time() {
        let s = ready(2).apply(started(Executor::Pool));
        for e in Executor::ALL {
            assert_eq!(s.decide(e, true), Decision::Busy);
        }
        let s = s.apply(Action::Finished(record(
            Executor::Pool,
            1,
            1.0,
            RunEnd::Completed,
        )));
        assert_eq!(s.decide(Executor::Main, false), Decision::Start);
    }

    #[test]
    fn long_synchronous_runs_need_confirmation() {
        let s = ready(2).apply(Action::EditParam("n", "30000000".into()));
        let Decision::Confirm { estimate_ms } = s.decide(Executor::Main, false) else {
            panic!("a 30M prime count on the main thread must ask first");
        };
        assert!(estimate_ms > CONFIRM_ABOVE_MS);
        assert_eq!(s.decide(Executor::Main, true), Decision::Start);
        assert_eq!(
            s.decide(Executor::Async, false),
            Decision::Start,
            "cooperative runs do not freeze"
        );
        assert_eq!(s.decide(Executor::Pool, false), Decision::Start);
    }

    #[test]
    fn injected_panics_run_only_on_the_pool() {
        let s = ready(2).apply(Action::SetFault(Fault::Panic(1)));
        assert_eq!(s.decide(Executor::Main, true), Decision::PanicOnMainThread);
        assert_eq!(
            s.decide(Executor::Async, false),
            Decision::PanicOnMainThread
        );
        assert_eq!(s.decide(Executor::Pool, false), Decision::Start);
        assert_eq!(s.decide(Executor::Gil, false), Decision::Start);
        let s = s.apply(Action::SetFault(Fault::Error(1)));
        assert_eq!(
            s.decide(Executor::Main, false),
            Decision::Start,
            "errors are fine anywhere"
        );
    }

    #[test]
    fn estimates_follow_measured_speed() {
        let s = ready(2);
        let raw = s.main_thread_estimate_ms();
        let s = s.apply(Action::Finished(record(
            Executor::Main,
            216_816,
            raw * 2.0,
            RunEnd::Completed,
        )));
        assert!((s.main_thread_estimate_ms() - raw * 2.0).abs() < 1e-6);
    }

    #[test]
    fn params_are_clamped_and_reported() {
        let s = ready(2).apply(Action::EditParam("n", "999999999999".into()));
        assert_eq!(s.values.get(&primes::LIMIT), primes::LIMIT.max);
        assert_eq!(s.inputs["n"].parsed, Parsed::Clamped(primes::LIMIT.max));
        assert_eq!(
            s.inputs["n"].text, "999999999999",
            "the box keeps what was typed"
        );
        let s = s.apply(Action::EditParam("no-such-param", "5".into()));
        assert!(!s.inputs.contains_key("no-such-param"));
    }

    #[test]
    fn threads_stay_within_the_pool() {
        let s = ready(2);
        assert_eq!(s.threads, 2, "defaults to the logical processors");
        assert_eq!(s.max_threads(), 4);
        assert_eq!(s.clone().apply(Action::SetThreads(99)).threads, 4);
        assert_eq!(s.clone().apply(Action::SetThreads(0)).threads, 1);
        assert_eq!(s.threads_for(Executor::Main), 1);
        assert_eq!(s.threads_for(Executor::Pool), 2);
        let s = s.apply(Action::SetThreads(4)).apply(Action::WorkersLost(1));
        assert_eq!(
            (s.max_threads(), s.threads),
            (3, 3),
            "a lost worker shrinks the choice"
        );
    }

    #[test]
    fn changing_the_configuration_clears_old_results() {
        let s = ready(2).apply(Action::Finished(record(
            Executor::Main,
            1,
            10.0,
            RunEnd::Completed,
        )));
        assert_eq!(s.results.len(), 1);
        assert!(s
            .clone()
            .apply(Action::EditParam("n", "1000".into()))
            .results
            .is_empty());
        let s = s.apply(Action::SelectWorkload("counter"));
        assert_eq!(s.workload.id, "counter");
        assert!(s.results.is_empty());
        assert_eq!(
            s.apply(Action::SelectWorkload("nope")).workload.id,
            "counter"
        );
    }

    #[test]
    fn speedup_and_agreement() {
        let s = ready(2)
            .apply(Action::Finished(record(
                Executor::Main,
                25,
                30.0,
                RunEnd::Completed,
            )))
            .apply(Action::Finished(record(
                Executor::Pool,
                25,
                15.0,
                RunEnd::Completed,
            )));
        assert_eq!(s.speedup(Executor::Pool), Some(2.0));
        assert_eq!(s.answers_agree(), Some(true));
        let s = s.apply(Action::Finished(record(
            Executor::Async,
            24,
            30.0,
            RunEnd::Completed,
        )));
        assert_eq!(s.answers_agree(), Some(false));
        let s = s.apply(Action::Finished(record(
            Executor::Async,
            3,
            30.0,
            RunEnd::Cancelled,
        )));
        assert_eq!(
            s.answers_agree(),
            Some(true),
            "cancelled runs are not compared"
        );
    }

    #[test]
    fn a_link_sets_the_demo_up_without_running_it() {
        let decoded = link::decode("v=1&w=counter&n=5000&tasks=3&x=gil,pool&t=3&fault=error:1");
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        let s = ready(2).apply(Action::OpenLink(decoded));
        assert_eq!(s.workload.id, "counter");
        assert_eq!(s.values.get(&crate::workload::counter::N), 5_000);
        assert_eq!(s.executors, vec![Executor::Pool, Executor::Gil]);
        assert_eq!(s.threads, 3);
        assert_eq!(s.fault, Fault::Error(1));
        assert!(
            s.running.is_none() && s.results.is_empty(),
            "opening a link never runs"
        );
        // The page's own link for this state opens the same demo.
        let again = link::decode(&s.link_fragment());
        assert!(again.notices.is_empty());
        assert_eq!(again.config, s.link_config());
    }

    #[test]
    fn a_link_asking_for_more_threads_than_the_pool_has_is_clamped_when_the_pool_is_known() {
        let s = AppState::default().apply(Action::OpenLink(link::decode("w=primes&t=32")));
        let s = s
            .apply(Action::Environment {
                isolated: true,
                logical_processors: Some(2),
                default_threads: 2,
            })
            .apply(Action::Pool(PoolState::Ready { threads: 4 }));
        assert_eq!(s.threads, 4);
    }

    #[test]
    fn a_link_without_threads_goes_back_to_the_default() {
        let s = ready(2).apply(Action::SetThreads(4));
        assert_eq!(s.threads, 4);
        let s = s.apply(Action::OpenLink(link::decode("v=1&w=pi")));
        assert_eq!(
            s.threads, 2,
            "the logical processors, not the previous demo's 4"
        );
    }

    #[test]
    fn link_notices_are_kept_until_dismissed() {
        let s = ready(2).apply(Action::OpenLink(link::decode("w=nope&n=5")));
        assert!(!s.link_notices.is_empty());
        assert_eq!(s.workload.id, "primes");
        assert!(s.apply(Action::DismissLinkNotices).link_notices.is_empty());
    }

    #[test]
    fn run_all_queues_the_demo_executors_that_can_run() {
        let decoded = link::decode("v=1&w=io&x=main,async,pool");
        let s = ready(2)
            .apply(Action::OpenLink(decoded.clone()))
            .apply(Action::RunAll);
        let executors = |s: &AppState| s.pending.iter().map(|j| j.executor).collect::<Vec<_>>();
        assert_eq!(
            executors(&s),
            vec![Executor::Main, Executor::Async, Executor::Pool]
        );
        let s = s.apply(Action::TakePending);
        assert_eq!(executors(&s), vec![Executor::Async, Executor::Pool]);
        let no_pool = AppState::default()
            .apply(Action::Pool(PoolState::NotIsolated))
            .apply(Action::OpenLink(decoded))
            .apply(Action::RunAll);
        assert_eq!(executors(&no_pool), vec![Executor::Main, Executor::Async]);
        assert!(no_pool
            .apply(Action::AskConfirm(Executor::Main, 9e3))
            .pending
            .is_empty());
    }

    #[test]
    fn a_sweep_queues_every_thread_count_and_records_each_point() {
        let s = ready(2).apply(Action::StartSweep);
        let threads: Vec<_> = s.pending.iter().map(|j| j.threads).collect();
        let once: Vec<_> = (1..=4).map(Some).collect();
        assert_eq!(
            threads,
            [once.clone(), once].concat(),
            "1 ..= pool size (2 × 2), twice"
        );
        let mut point = record(Executor::Pool, 1, 100.0, RunEnd::Completed);
        point.threads = 1;
        let s = s.apply(Action::TakePending).apply(Action::Finished(point));
        assert_eq!(s.sweep.as_ref().unwrap().points, vec![(1, 100.0)]);
        let s = s.apply(Action::Finished(record(
            Executor::Pool,
            1,
            9.0,
            RunEnd::Cancelled,
        )));
        assert!(s.pending.is_empty(), "a cancelled point ends the sweep");
        assert_eq!(s.sweep.unwrap().points.len(), 1);
    }

    #[test]
    fn progress_and_cancel_track_the_running_run() {
        let s = ready(2).apply(started(Executor::Async));
        let s = s.apply(Action::Progress {
            done: 2,
            total: 4,
            now_ms: 50.0,
        });
        let r = s.running.clone().unwrap();
        assert_eq!((r.done, r.total, r.now_ms), (2, 4, 50.0));
        let s = s.apply(Action::Cancelling);
        assert!(s.running.as_ref().unwrap().cancelling);
    }
}
