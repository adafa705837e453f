//! A native platform for whole runs: the page's state is a real `AppState` the run's actions
//! are applied to; the pool is rayon's real pool; process workers are `WorkerState`s served
//! in place, each with its own memory as in the browser. Every call is logged, so tests can
//! check what the run asked the platform to do, and in what order.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use crate::app_state::{Action, AppState};
use crate::engine::clock::SystemClock;
use crate::engine::frames::{summarize, FrameStats};
use crate::engine::gil::Gil;
use crate::engine::process::message::JobSpec;
use crate::engine::process::worker::WorkerState;
use crate::engine::process::Reply;
use crate::engine::{Clock, Plan, Recorder, RunOutput, Span};
use crate::run::{Batch, Crash, Platform};

/// Runs a future to its end on this thread (every future of the fake platform is ready at
/// once or after one turn).
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// Pending once, then ready: a turn of the event loop, so a watch polled beside the lanes
/// lets them go on.
struct Turn(bool);
impl Future for Turn {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

/// What the run asked of the platform.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    Dispatch(&'static str),
    Paint,
    WatchFrames,
    StopFrames,
    AlignClocks,
    /// `gil`: the switch interval (ms) of the GIL the run is under, if any.
    PoolJob {
        threads: usize,
        gil: Option<f64>,
    },
    CancelAfter(f64),
    Obtain {
        fresh: bool,
    },
    Batch {
        worker: u32,
        ids: Vec<u32>,
        data: bool,
    },
    End(u32),
    Release {
        worker: u32,
        keep: bool,
    },
}

pub struct FakeWorker {
    pub id: u32,
    state: RefCell<WorkerState>,
}

/// A handle on the fake page (a run owns one; the test keeps another).
#[derive(Clone, Default)]
pub struct Fake(Rc<Inner>);

impl std::ops::Deref for Fake {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

#[derive(Default)]
pub struct Inner {
    pub state: RefCell<AppState>,
    pub calls: RefCell<Vec<Call>>,
    /// Cancel this recorder at the first turn the cooperative executor gives back once n of
    /// its tasks have finished (the learner presses Cancel mid-run).
    pub cancel_after_done: RefCell<Option<(u32, Arc<Recorder>)>>,
    /// A worker given a batch with this task dies in it (its process exits), saying which task.
    pub crash_on: Cell<Option<u32>>,
    /// Cancel this recorder when the n-th batch is sent (the learner presses Cancel meanwhile).
    pub cancel_at_batch: RefCell<Option<(usize, Arc<Recorder>)>>,
    batches: Cell<usize>,
    idle: RefCell<Vec<Rc<FakeWorker>>>,
    /// When the frame watch started (the program starts after it).
    pub frames_watched_at: Cell<f64>,
    next_worker: Cell<u32>,
}

impl Fake {
    pub fn with_state(state: AppState) -> Self {
        Fake(Rc::new(Inner {
            state: RefCell::new(state),
            ..Inner::default()
        }))
    }
}

impl Inner {
    fn log(&self, call: Call) {
        self.calls.borrow_mut().push(call);
    }

    pub fn dispatched(&self) -> Vec<&'static str> {
        self.calls
            .borrow()
            .iter()
            .filter_map(|c| match c {
                Call::Dispatch(name) => Some(*name),
                _ => None,
            })
            .collect()
    }

    pub fn count(&self, f: impl Fn(&Call) -> bool) -> usize {
        self.calls.borrow().iter().filter(|c| f(c)).count()
    }
}

fn action_name(action: &Action) -> &'static str {
    match action {
        Action::Started { .. } => "Started",
        Action::Finished(_) => "Finished",
        Action::WorkersLost(_) => "WorkersLost",
        Action::TakePending => "TakePending",
        _ => "other",
    }
}

impl Platform for Fake {
    type Clock = SystemClock;
    type Frames = ();
    type Worker = Rc<FakeWorker>;

    fn clock(&self) -> SystemClock {
        SystemClock
    }

    fn dispatch(&self, action: Action) {
        self.log(Call::Dispatch(action_name(&action)));
        let state = self.state.take();
        *self.state.borrow_mut() = state.apply(action);
    }

    async fn after_paint(&self) {
        self.log(Call::Paint);
        Turn(false).await
    }

    async fn yield_now(&self) {
        if let Some((done, recorder)) = &*self.cancel_after_done.borrow() {
            if recorder.progress().0 >= *done {
                recorder.cancel();
            }
        }
        Turn(false).await
    }

    async fn sleep_ms(&self, ms: f64) {
        std::thread::sleep(std::time::Duration::from_secs_f64(
            ms.clamp(0.0, 50.0) / 1e3,
        ));
        Turn(false).await
    }

    fn cancel_after(&self, recorder: Arc<Recorder>, ms: f64) {
        self.log(Call::CancelAfter(ms));
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(ms / 1e3));
            recorder.cancel();
        });
    }

    fn watch_frames(&self) {
        self.frames_watched_at.set(SystemClock.now_ms());
        self.log(Call::WatchFrames);
    }

    async fn stop_frames(&self, _: ()) -> (FrameStats, Vec<f64>) {
        self.log(Call::StopFrames);
        (summarize(&[]), vec![])
    }

    async fn align_clocks(&self) {
        self.log(Call::AlignClocks);
    }

    async fn pool_job(
        &self,
        plan: Plan,
        threads: usize,
        recorder: Arc<Recorder>,
        gil: Option<Gil>,
    ) -> RunOutput {
        self.log(Call::PoolJob {
            threads,
            gil: gil.as_ref().map(|g| g.switch_interval_ms),
        });
        crate::engine::pool::run_blocking(plan, threads, SystemClock, recorder, gil)
    }

    fn lost_workers(&self) -> usize {
        0
    }

    async fn obtain_worker(&self, fresh: bool) -> Result<(Rc<FakeWorker>, Option<f64>), String> {
        self.log(Call::Obtain { fresh });
        if !fresh {
            if let Some(w) = self.idle.borrow_mut().pop() {
                return Ok((w, None));
            }
        }
        // Starting takes a moment (the real clock: the run's spans are on it).
        std::thread::sleep(std::time::Duration::from_millis(1));
        let id = self.next_worker.get();
        self.next_worker.set(id + 1);
        let worker = FakeWorker {
            id,
            state: RefCell::new(WorkerState::default()),
        };
        Ok((Rc::new(worker), Some(1.0)))
    }

    async fn run_batch(
        &self,
        worker: &Rc<FakeWorker>,
        batch: Batch<'_>,
        mut on_spans: Box<dyn FnMut(Vec<Span>)>,
    ) -> Result<Reply, Crash> {
        self.log(Call::Batch {
            worker: worker.id,
            ids: batch.ids.to_vec(),
            data: batch.data.is_some(),
        });
        let sent = self.batches.get() + 1;
        self.batches.set(sent);
        if let Some((at, recorder)) = &*self.cancel_at_batch.borrow() {
            if sent == *at {
                recorder.cancel();
            }
        }
        Turn(false).await;
        if let Some(task) = self.crash_on.get().filter(|t| batch.ids.contains(t)) {
            return Err(Crash {
                task: Some(task),
                message: "panicked: the worker's process exited".into(),
            });
        }
        let spec = JobSpec::decode(batch.spec).map_err(|e| Crash {
            task: None,
            message: e,
        })?;
        let result = worker.state.borrow_mut().serve(
            &spec,
            batch.data.map(<[u32]>::to_vec),
            batch.ids,
            batch.sent_ms,
            &SystemClock,
            &mut |spans| on_spans(spans),
        );
        Ok(Reply {
            outcomes: result.outcomes,
            spans: result.spans,
            replied_ms: SystemClock.now_ms(),
            stopped: result.stopped,
        })
    }

    fn end_worker(&self, worker: &Rc<FakeWorker>) {
        self.log(Call::End(worker.id));
    }

    fn release_worker(&self, worker: Rc<FakeWorker>, keep: bool) {
        self.log(Call::Release {
            worker: worker.id,
            keep,
        });
        if keep {
            self.idle.borrow_mut().push(worker);
        }
    }
}
