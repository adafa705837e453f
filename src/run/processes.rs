//! Process-like workers from the page's side: hand out batches, fold replies into the run
//! (`engine::process::ProcessRun`), end workers on cancel. Each lane is a future awaiting its
//! worker; all lanes and a watch for cancel run side by side on the page's thread.
//!
//! A worker shares nothing with the page (this works without cross-origin isolation, where
//! the pool cannot start). Workers are kept and reused between runs, like a
//! `multiprocessing.Pool`, unless the run asks for a fresh one per batch, which shows what
//! starting a process costs.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use super::join::{all, while_polling};
use super::{Batch, Platform};
use crate::engine::process::worker::input_data;
use crate::engine::process::{note_costs, refusal, JobSpec, ProcessRun};
use crate::engine::{Lane, Plan, Recorder, RunEnd, RunOutput, TaskOutcome};

/// How often the page checks whether to end the busy workers (cancel, a `wait` returned).
pub const POLL_MS: f64 = 100.0;

/// Runs numbered per page, so a worker rebuilds its tasks when a new run's batch arrives.
static RUNS: AtomicU32 = AtomicU32::new(0);

/// The run as the page's lanes share it.
struct Shared<W> {
    run: RefCell<ProcessRun>,
    /// The worker each lane is waiting on, for cancel.
    busy: RefCell<Vec<Option<W>>>,
    data: Option<Vec<u32>>,
    fresh: bool,
    /// Start-up times (ms) of the workers this run started.
    startups: RefCell<Vec<f64>>,
}

/// Runs `plan` (described by `spec`) on `threads` process-like workers. The page's own tasks
/// never run: workers rebuild them from `spec`; the page keeps only `plan.finish`, which reads
/// the page's own state (so the list demo shows the page's list, untouched).
pub async fn execute<P: Platform>(
    platform: &P,
    plan: Plan,
    mut spec: JobSpec,
    fresh: bool,
    threads: usize,
    recorder: Arc<Recorder>,
) -> RunOutput {
    let tasks = plan.tasks.len();
    if let Some(refused) = refusal(spec.workload.id) {
        return RunOutput {
            answer: Default::default(),
            end: RunEnd::Failed(refused.reason().into()),
            wall_ms: 0.0,
            spans: vec![],
            completion_order: vec![],
            outcomes: vec![TaskOutcome::Cancelled; tasks],
        };
    }
    spec.run = RUNS.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
    let workers = ProcessRun::workers(tasks, threads);
    let shared = Rc::new(Shared {
        data: input_data(&spec),
        run: RefCell::new(ProcessRun::new(
            spec,
            tasks,
            workers,
            recorder,
            platform.now_ms(),
        )),
        busy: RefCell::new(vec![None; workers]),
        fresh,
        startups: RefCell::new(Vec::new()),
    });
    drop(plan.tasks);
    // The run ends when the last reply is in (not when the page next looks).
    let ended_ms = Rc::new(Cell::new(None));
    let lanes: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = (0..workers)
        .map(|i| {
            let (shared, ended_ms) = (shared.clone(), ended_ms.clone());
            Box::pin(async move {
                lane(platform, i, &shared).await;
                ended_ms.set(Some(platform.now_ms()));
            }) as Pin<Box<dyn Future<Output = ()> + '_>>
        })
        .collect();
    let watch = async {
        let mut ended = false;
        loop {
            platform.sleep_ms(POLL_MS).await;
            if !ended && shared.run.borrow().end_workers_now(platform.now_ms()) {
                // A worker cannot see the page's cancel flag (no shared memory): end it, like
                // `Pool.terminate()`. Its unfinished tasks count as cancelled.
                ended = true;
                for worker in shared.busy.borrow_mut().iter_mut() {
                    if let Some(w) = worker.take() {
                        platform.end_worker(&w);
                    }
                }
            }
        }
    };
    while_polling(all(lanes), watch).await;
    let end_ms = ended_ms.get().unwrap_or_else(|| platform.now_ms());
    let mut output = shared.run.borrow_mut().finish(plan.finish, end_ms);
    note_costs(&mut output.answer, &shared.startups.borrow(), &output.spans);
    output
}

/// One lane: a worker (reused, or fresh per batch) and the batches it runs.
async fn lane<P: Platform>(platform: &P, i: usize, shared: &Rc<Shared<P::Worker>>) {
    let lane = Lane::Worker(i as u16);
    let mut worker: Option<P::Worker> = None;
    // Whether this lane's worker has this run's data already (it keeps its copy).
    let mut has_data = false;
    loop {
        let Some(batch) = shared.run.borrow_mut().next_batch() else {
            break;
        };
        let asked_ms = platform.now_ms();
        let w = match worker.take() {
            Some(w) => w,
            None => match platform.obtain_worker(shared.fresh).await {
                Ok((w, startup)) => {
                    if startup.is_some() {
                        // A new worker: the lane waited for it to start.
                        let now = platform.now_ms();
                        shared
                            .run
                            .borrow()
                            .started_worker(lane, batch[0], asked_ms, now);
                    }
                    shared.startups.borrow_mut().extend(startup);
                    has_data = false;
                    w
                }
                Err(e) => {
                    let message = format!("a process worker could not start: {e}");
                    shared.run.borrow_mut().crashed(&batch, None, &message);
                    continue;
                }
            },
        };
        if shared.run.borrow().cancelled() {
            platform.release_worker(w, !shared.fresh);
            return;
        }
        shared.busy.borrow_mut()[i] = Some(w.clone());
        // Sending starts here: copying the data out of memory, posting, decoding there.
        let sent_ms = platform.now_ms();
        let spec = shared.run.borrow().spec.encode();
        let data = shared.data.as_deref().filter(|_| !has_data);
        let reporting = shared.clone();
        let on_spans = Box::new(move |spans| reporting.run.borrow().reported(lane, spans));
        let batch_out = Batch {
            lane,
            spec: &spec,
            ids: &batch,
            data,
            sent_ms,
        };
        let reply = platform.run_batch(&w, batch_out, on_spans).await;
        shared.busy.borrow_mut()[i] = None;
        match reply {
            Ok(reply) => {
                shared
                    .run
                    .borrow_mut()
                    .received(lane, reply, platform.now_ms());
                has_data = true;
                if shared.fresh {
                    platform.end_worker(&w);
                } else {
                    worker = Some(w);
                }
            }
            Err(crash) => {
                // Crashed, or ended by cancel: either way this worker is gone.
                platform.end_worker(&w);
                if !shared.run.borrow().cancelled() {
                    shared
                        .run
                        .borrow_mut()
                        .crashed(&batch, crash.task, &crash.message);
                }
            }
        }
    }
    if let Some(w) = worker {
        let keep = !shared.fresh && !shared.run.borrow().cancelled();
        platform.release_worker(w, keep);
    }
}
