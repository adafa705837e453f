//! Process-like workers from the page: start them, hand out batches, fold replies into the
//! run (`engine::process::ProcessRun`), end them on cancel.
//!
//! Each worker instantiates the app's own compiled module (`wasm_bindgen::module()`, posted to
//! it) with a new memory: it shares nothing with the page, so this works without cross-origin
//! isolation, where the pool cannot start. Workers are kept and reused between runs (like a
//! `multiprocessing.Pool`), unless the run asks for a fresh one per batch, which shows what
//! starting a process costs. The page never blocks: it awaits promises only.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use futures_channel::oneshot;
use js_sys::{Float64Array, JsString, Promise, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::browser::error_text;
use super::clock::{self, now_ms};
use super::runner::while_polling;
use crate::engine::process::message::{decode_outcomes, decode_spans};
use crate::engine::process::worker::input_data;
use crate::engine::process::{note_costs, refusal, JobSpec, ProcessRun, Reply};
use crate::engine::{Lane, Plan, Recorder, RunEnd, RunOutput, TaskOutcome};

#[wasm_bindgen(module = "/src/web/procs.js")]
extern "C" {
    #[wasm_bindgen(js_name = spawnProcess)]
    fn spawn_process(main_js: &JsString, module: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = runBatch)]
    fn run_batch(
        worker: &JsValue,
        spec: &str,
        tasks: &Uint32Array,
        data: &JsValue,
        sent_ms: f64,
        on_spans: &Closure<dyn FnMut(Float64Array)>,
    ) -> Promise;
    #[wasm_bindgen(js_name = endProcess)]
    fn end_process(worker: &JsValue);
}

/// The URL of the app's JS glue, which a worker imports to instantiate the module.
fn main_js() -> JsString {
    #[wasm_bindgen]
    extern "C" {
        // `import.meta.url` as seen from the glue itself (wasm-bindgen emits it there), as
        // wasm-bindgen-rayon's no-bundler helper finds it.
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static URL: JsString;
    }
    URL.with(Clone::clone)
}

/// Idle workers kept between runs; more than this are ended.
const KEEP_IDLE: usize = 16;
/// How often the page checks for cancel.
const POLL_MS: f64 = 100.0;

thread_local! {
    static IDLE: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
    static RUNS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Start-up times (ms, spawn to ready) of the workers the last run started.
    static STARTUPS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// The start-up times (ms) of the workers the last run had to start (none if it reused).
pub fn last_startups() -> Vec<f64> {
    STARTUPS.with(|s| s.borrow().clone())
}

/// A ready worker: an idle one, or a new one (its start-up time recorded).
async fn obtain(fresh: bool) -> Result<JsValue, String> {
    if !fresh {
        if let Some(worker) = IDLE.with(|i| i.borrow_mut().pop()) {
            return Ok(worker);
        }
    }
    let started = now_ms();
    let worker = JsFuture::from(spawn_process(&main_js(), &wasm_bindgen::module()))
        .await
        .map_err(|e| error_text(&e))?;
    let ms = now_ms() - started;
    STARTUPS.with(|s| s.borrow_mut().push(ms));
    Ok(worker)
}

fn release(worker: JsValue, keep: bool) {
    let kept = keep
        && IDLE.with(|i| {
            let mut idle = i.borrow_mut();
            let room = idle.len() < KEEP_IDLE;
            if room {
                idle.push(worker.clone());
            }
            room
        });
    if !kept {
        end_process(&worker);
    }
}

/// The run as the page's lanes share it, with the workers now running a batch (for cancel).
struct Shared {
    run: RefCell<ProcessRun>,
    busy: RefCell<Vec<Option<JsValue>>>,
    data: Option<Vec<u32>>,
    fresh: bool,
}

/// Runs `plan` (described by `spec`) on `threads` process-like workers. The page's own tasks
/// never run: workers rebuild them from `spec`; the page keeps only `plan.finish`, which reads
/// the page's own state (so the list demo shows the page's list, untouched).
pub async fn execute(
    plan: Plan,
    mut spec: JobSpec,
    fresh: bool,
    threads: usize,
    recorder: Arc<Recorder>,
) -> RunOutput {
    STARTUPS.with(|s| s.borrow_mut().clear());
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
    spec.run = RUNS.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    });
    let workers = ProcessRun::workers(tasks, threads);
    let shared = Rc::new(Shared {
        data: input_data(&spec),
        run: RefCell::new(ProcessRun::new(
            spec,
            tasks,
            workers,
            recorder.clone(),
            now_ms(),
        )),
        busy: RefCell::new(vec![None; workers]),
        fresh,
    });
    drop(plan.tasks);
    let (all_done, lanes_done) = oneshot::channel();
    let left = Rc::new(std::cell::Cell::new(workers));
    let all_done = Rc::new(RefCell::new(Some(all_done)));
    for i in 0..workers {
        let (shared, left, all_done) = (shared.clone(), left.clone(), all_done.clone());
        spawn_local(async move {
            lane(i, shared.clone()).await;
            left.set(left.get() - 1);
            if left.get() == 0 {
                if let Some(tx) = all_done.borrow_mut().take() {
                    // The run's end, read when the last reply is in (not when polled).
                    let _ = tx.send(now_ms());
                }
            }
        });
    }
    let watch = async {
        let mut ended = false;
        loop {
            clock::sleep_ms(POLL_MS).await;
            if !ended && shared.run.borrow().end_workers_now(now_ms()) {
                // A worker cannot see the page's cancel flag (no shared memory): end it, like
                // `Pool.terminate()`. Its unfinished tasks count as cancelled.
                ended = true;
                for worker in shared.busy.borrow_mut().iter_mut() {
                    if let Some(w) = worker.take() {
                        end_process(&w);
                    }
                }
            }
        }
    };
    let end_ms = while_polling(lanes_done, watch)
        .await
        .unwrap_or_else(|_| now_ms());
    let mut output = shared.run.borrow_mut().finish(plan.finish, end_ms);
    note_costs(&mut output.answer, &last_startups(), &output.spans);
    output
}

/// One lane: a worker (reused, or fresh per batch) and the batches it runs.
async fn lane(i: usize, shared: Rc<Shared>) {
    let lane = Lane::Worker(i as u16);
    let mut worker: Option<JsValue> = None;
    // Whether this lane's worker has this run's data already (it keeps its copy).
    let mut has_data = false;
    loop {
        let Some(batch) = shared.run.borrow_mut().next_batch() else {
            break;
        };
        let w = match worker.take() {
            Some(w) => w,
            None => match obtain(shared.fresh).await {
                Ok(w) => {
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
            release(w, !shared.fresh);
            return;
        }
        shared.busy.borrow_mut()[i] = Some(w.clone());
        // Sending starts here: copying the data out of wasm memory, posting, decoding there.
        let sent = now_ms();
        let data = match &shared.data {
            Some(d) if !has_data => Uint32Array::from(&d[..]).into(),
            _ => JsValue::UNDEFINED,
        };
        let spec = shared.run.borrow().spec.encode();
        let ids = Uint32Array::from(&batch[..]);
        let reporting = shared.clone();
        let on_spans = Closure::<dyn FnMut(Float64Array)>::new(move |spans: Float64Array| {
            let spans = decode_spans(&spans.to_vec(), lane);
            reporting.run.borrow().reported(lane, spans);
        });
        let reply = JsFuture::from(run_batch(&w, &spec, &ids, &data, sent, &on_spans)).await;
        drop(on_spans);
        shared.busy.borrow_mut()[i] = None;
        match reply {
            Ok(reply) => {
                let reply = read_reply(&reply);
                shared.run.borrow_mut().received(lane, reply, now_ms());
                has_data = true;
                if shared.fresh {
                    end_process(&w);
                } else {
                    worker = Some(w);
                }
            }
            Err(e) => {
                // Crashed, or ended by cancel: either way this worker is gone.
                end_process(&w);
                if !shared.run.borrow().cancelled() {
                    let (culprit, message) = read_crash(&e);
                    shared.run.borrow_mut().crashed(&batch, culprit, &message);
                }
            }
        }
    }
    if let Some(w) = worker {
        let keep = !shared.fresh && !shared.run.borrow().cancelled();
        release(w, keep);
    }
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn read_reply(reply: &JsValue) -> Reply {
    let outcomes = get(reply, "outcomes").as_string().unwrap_or_default();
    let spans = get(reply, "spans")
        .dyn_into::<Float64Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    Reply {
        outcomes: decode_outcomes(&outcomes).unwrap_or_default(),
        spans: decode_spans(&spans, Lane::Worker(0)),
        replied_ms: get(reply, "repliedMs").as_f64().unwrap_or_else(now_ms),
        stopped: get(reply, "stopped").is_truthy(),
    }
}

/// The task that panicked (if the worker said) and the message to fail it with.
fn read_crash(error: &JsValue) -> (Option<u32>, String) {
    let panic = get(error, "panic");
    if panic.is_object() {
        let task = get(&panic, "task").as_f64().map(|t| t as u32);
        let message = get(&panic, "message").as_string().unwrap_or_default();
        return (task, message);
    }
    let text = get(error, "error")
        .as_string()
        .unwrap_or_else(|| error_text(error));
    (None, format!("a process worker failed: {text}"))
}
