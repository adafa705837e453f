//! The page's state and its one transition function, `apply`. The Yew reducer is a thin
//! adapter over this (see `web::app`), so every transition is tested natively here.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::engine::fault::Fault;
use crate::engine::frames::FrameStats;
use crate::engine::RunOutput;
use crate::executor::Executor;
use crate::history::{History, HistoryAction};
use crate::isolation::Isolation;
use crate::link::{self, Decoded, Lang, Notice, View};
use crate::param::{Parsed, Values};
use crate::pool_state::PoolState;
use crate::sweep::{ChunkSweep, Sweep};
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
    /// When each of those frames was painted, on the spans' clock (for the frame meter).
    pub frame_stamps: Rc<Vec<f64>>,
    /// The simulated GIL's switch interval (ms), for runs under it.
    pub switch_ms: Option<f64>,
}

/// The run in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub executor: Executor,
    pub threads: usize,
    pub started_ms: f64,
    pub total: u32,
    pub cancelling: bool,
}

/// A queued run: where, and with how many threads (None: the chosen count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub executor: Executor,
    pub threads: Option<usize>,
    /// A chunk-size sweep's point: run with this `chunk` instead of the form's.
    pub chunk: Option<u64>,
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
    /// The lesson's step the page is on, by key (None: the link named none, so the lesson
    /// opens on its first step with the link's own demo under "Details").
    pub step: Option<String>,
    /// What the last opened link did not carry as written.
    pub link_notices: Vec<Notice>,
    /// Runs still to start, one after another ("Run all", a sweep).
    pub pending: Vec<Job>,
    /// The thread sweep in progress or last done.
    pub sweep: Option<Sweep>,
    /// The chunk-size sweep (tiny-task workload) in progress or last done.
    pub chunk_sweep: Option<ChunkSweep>,
    pub running: Option<Running>,
    /// The latest run per executor for the current configuration.
    pub results: BTreeMap<Executor, RunRecord>,
    /// A main-thread run waiting for the learner's go-ahead.
    pub confirm: Option<(Executor, f64)>,
    /// Measured ÷ estimated main-thread time, per workload: later estimates use this machine's speed.
    pub calibration: BTreeMap<&'static str, f64>,
    /// The bank scene's mode, when a link or the learner chose one (lessons 03 and 04 show the
    /// scene anyway; see `bank_scene::shown`).
    pub scene: Option<crate::bank_scene::Mode>,
    /// A bank-scene visit is under way on the page's event loop: no workload run starts
    /// beside it (both would share the main thread, and neither's timings would mean much).
    pub scene_running: bool,
    /// A bank-scene visit ended since the demo was set up (a scene step's evidence).
    pub scene_ran: bool,
    /// Runs finished since the page opened (the progress record counts demos by it).
    pub finished_runs: u32,
    /// Every finished run, kept in the browser (see `history`).
    pub history: History,
    /// How the page became cross-origin isolated, or why not (see `isolation`).
    pub isolation: Isolation,
    /// The Python API call shown over the runs (see `pyapi`).
    pub api: crate::pyapi::ApiCall,
    /// The simulated GIL's switch interval, µs.
    pub switch_us: u64,
    /// The interleaving stepper's scenario and schedule, as a link carries it.
    pub interleave: Option<String>,
    /// The learner's edits to the lessons' snippets (see `python`).
    pub edits: crate::pyrun::edits::Edits,
    /// Stored edits that could not be read when the page opened.
    pub edits_dropped: usize,
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
            step: None,
            link_notices: Vec::new(),
            pending: Vec::new(),
            sweep: None,
            chunk_sweep: None,
            running: None,
            results: BTreeMap::new(),
            confirm: None,
            calibration: BTreeMap::new(),
            scene: None,
            scene_running: false,
            scene_ran: false,
            finished_runs: 0,
            history: History::default(),
            isolation: Isolation::default(),
            api: crate::pyapi::ApiCall::None,
            switch_us: link::fields::SWITCH_US.default,
            interleave: None,
            edits: crate::pyrun::edits::Edits::default(),
            edits_dropped: 0,
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
    /// The simulated GIL's switch interval, µs (clamped to `link::fields::SWITCH_US`).
    SetSwitch(u64),
    WorkersLost(usize),
    /// A link was opened: take its configuration (never starts a run).
    OpenLink(Decoded),
    DismissLinkNotices,
    /// Open a lesson (with its first demo set up, not run), or the playground (None).
    OpenLesson(Option<&'static str>),
    /// A lesson's demo button: like a link, but the page keeps the learner's language.
    OpenPreset(String),
    /// Go to step `n` of the open lesson: its demo set up (not run), the language kept.
    OpenStep(usize),
    SetLang(Lang),
    /// Queue every executor of the demo that can run here, one after another.
    RunAll,
    /// The next queued run is starting (or cannot).
    TakePending,
    /// Run the workload on the pool at 1 ..= pool size threads.
    StartSweep,
    /// Run the tiny-task workload on the pool at chunk sizes 1, 10, 100, …
    StartChunkSweep,
    /// Ask before a long freeze.
    AskConfirm(Executor, f64),
    DismissConfirm,
    Started {
        executor: Executor,
        threads: usize,
        total: u32,
        now_ms: f64,
    },
    Cancelling,
    Finished(RunRecord),
    /// The bank scene's mode was chosen.
    SetScene(crate::bank_scene::Mode),
    /// A bank-scene visit started (true) or ended (false).
    SceneRunning(bool),
    History(HistoryAction),
    Isolation(Isolation),
    /// The Python API panel (see `api.rs`).
    Api(ApiAction),
    /// The learner stepped, undid or picked a scenario in the interleaving stepper.
    SetInterleave(String),
    /// The lessons' edited Python (see `python.rs`).
    Python(PyAction),
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
            Action::SelectWorkload(id) => self.select_workload(id),
            Action::EditParam(name, text) => self.edit_param(name, text),
            Action::SetThreads(n) => self.set_threads(n),
            Action::SetSwitch(us) => self.set_switch(us),
            Action::SetFault(fault) => {
                self.fault = fault;
                self.results.clear();
            }
            Action::OpenLink(decoded) => self.open_link(decoded),
            Action::DismissLinkNotices => self.link_notices.clear(),
            Action::OpenLesson(id) => self = self.open_lesson(id),
            Action::OpenStep(n) => self = self.open_step(n),
            Action::OpenPreset(fragment) => self = self.open_preset(fragment),
            Action::SetLang(lang) => self.lang = lang,
            Action::RunAll => self.run_all(),
            Action::StartSweep => self.start_sweep(),
            Action::StartChunkSweep => self.start_chunk_sweep(),
            Action::TakePending => self.take_pending(),
            Action::WorkersLost(n) => {
                self.lost_workers = n;
                self.threads = self.threads.min(self.max_threads());
            }
            // A queue ("Run all") waits at a question: the page starts nothing while it is open
            // (see `web::app`), and goes on with the rest whatever the answer.
            Action::AskConfirm(executor, estimate) => self.confirm = Some((executor, estimate)),
            Action::DismissConfirm => self.confirm = None,
            Action::Started {
                executor,
                threads,
                total,
                now_ms,
            } => self.started(executor, threads, total, now_ms),
            Action::Cancelling => {
                if let Some(r) = &mut self.running {
                    r.cancelling = true;
                }
            }
            Action::Finished(record) => self.finished(record),
            Action::SetScene(mode) => self.scene = Some(mode),
            Action::SceneRunning(on) => {
                self.scene_ran |= self.scene_running && !on;
                self.scene_running = on;
            }
            Action::History(action) => self.history = self.history.apply(action),
            Action::Isolation(isolation) => self.isolation = isolation,
            Action::Api(action) => self.apply_api(action),
            Action::Python(action) => self.apply_python(action),
            Action::SetInterleave(text) => {
                if let Some((scenario, schedule)) = crate::interleave::decode(&text) {
                    self.interleave = Some(crate::interleave::encode(scenario, &schedule));
                }
            }
        }
        self
    }
}

mod api;
mod config;
mod history;
mod python;
mod queries;
mod runs;
mod steps;
mod sweeps;
pub use api::ApiAction;
pub use python::PyAction;
#[cfg(test)]
pub(crate) mod tests;
