//! The lessons' Python worker (`www/py-worker.js`, Pyodide) as the page sees it: started on the
//! first Run only — nothing of Python is fetched before — then kept for the next runs. The
//! runner's state is core logic (`pyrun::session`); this module performs: start the worker,
//! post the code, set the interrupt, end the worker, and report what happened as `Event`s.
//!
//! Stop sets the interrupt buffer (a shared byte Pyodide checks between bytecodes, and our
//! `time.sleep` between slices). Code waiting in an `await` never reaches a check, and Pyodide's
//! `runPythonAsync` may then never settle (pyodide#2141): so when the run has not ended within
//! `STOP_GRACE_MS`, the worker is ended and a fresh one started.

use std::cell::RefCell;

use js_sys::{Object, Reflect, SharedArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::browser::{cross_origin_isolated, error_text};
use super::clock::{now_ms, sleep_ms};
use crate::pyrun::adapt;
use crate::pyrun::output::Stream;
use crate::pyrun::session::{Event, Loaded, STOP_GRACE_MS};

/// The worker's script, beside the page (Trunk copies it from `www/`).
const SCRIPT: &str = "py-worker.js";

struct Python {
    worker: Worker,
    /// The interrupt byte (None without cross-origin isolation: no shared memory to post).
    interrupt: Option<Uint8Array>,
    loaded: Option<Loaded>,
    /// A run asked for before Python loaded.
    waiting: Option<(u32, String)>,
    /// The run in the worker, until its `done`.
    current: Option<u32>,
    /// Where events go: the runner on screen.
    sink: Callback<Event>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

thread_local! {
    static PYTHON: RefCell<Option<Python>> = const { RefCell::new(None) };
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(data: &JsValue, key: &str) -> String {
    field(data, key).as_string().unwrap_or_default()
}

fn number(data: &JsValue, key: &str) -> f64 {
    field(data, key).as_f64().unwrap_or(0.0)
}

fn emit(event: Event) {
    let sink = PYTHON.with(|p| p.borrow().as_ref().map(|p| p.sink.clone()));
    if let Some(sink) = sink {
        sink.emit(event);
    }
}

fn post(worker: &Worker, pairs: &[(&str, JsValue)]) {
    let msg = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&msg, &JsValue::from_str(key), value);
    }
    let _ = worker.post_message(&msg);
}

/// Posts run `run` to a loaded worker, awaited directly where `asyncio.run` cannot work.
fn post_run(p: &mut Python, run: u32, code: &str) {
    let direct = p.loaded.as_ref().is_some_and(|l| !l.stack_switching);
    let (code, adapted) = if direct {
        let a = adapt::await_directly(code);
        (a.code, a.lines)
    } else {
        (code.to_owned(), Vec::new())
    };
    p.current = Some(run);
    if let Some(i) = &p.interrupt {
        i.set_index(0, 0);
    }
    post(
        &p.worker,
        &[
            ("type", "run".into()),
            ("run", run.into()),
            ("code", code.into()),
        ],
    );
    p.sink.emit(Event::Started { adapted });
}

fn on_message(data: JsValue) {
    let kind = text(&data, "type");
    let run = number(&data, "run") as u32;
    match kind.as_str() {
        "ready" => {
            let loaded = Loaded {
                version: text(&data, "version"),
                stack_switching: field(&data, "stackSwitching").is_truthy(),
                shared_memory: field(&data, "sharedMemory").is_truthy(),
            };
            emit(Event::Ready(loaded.clone()));
            PYTHON.with(|p| {
                if let Some(p) = p.borrow_mut().as_mut() {
                    p.loaded = Some(loaded);
                    if let Some((run, code)) = p.waiting.take() {
                        post_run(p, run, &code);
                    }
                }
            });
        }
        "out" => emit(Event::Out {
            run,
            t_ms: number(&data, "t"),
            stream: if text(&data, "stream") == "err" {
                Stream::Err
            } else {
                Stream::Out
            },
            text: text(&data, "text"),
            now_ms: now_ms(),
        }),
        "done" => {
            PYTHON.with(|p| {
                if let Some(p) = p.borrow_mut().as_mut() {
                    if p.current == Some(run) {
                        p.current = None;
                    }
                }
            });
            emit(Event::Done {
                run,
                t_ms: number(&data, "t"),
                error: field(&data, "error").as_string(),
            });
        }
        "failed" => emit(Event::LoadFailed(text(&data, "error"))),
        _ => {}
    }
}

/// Starts a worker and asks it to load Python.
fn start(sink: Callback<Event>) -> Result<Python, String> {
    let url = web_sys::Url::new_with_base(SCRIPT, &gloo_base())
        .map_err(|e| error_text(&e))?
        .href();
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options).map_err(|e| error_text(&e))?;
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| on_message(e.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The script did not load or threw at the top (a missing file, a refused policy). Once
    // Python has loaded, the worker keeps its errors to itself (they are the run's stderr).
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        if is_loaded() {
            return;
        }
        let message = field(&e, "message")
            .as_string()
            .unwrap_or_else(|| "the Python worker could not start".into());
        emit(Event::LoadFailed(message));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let interrupt = cross_origin_isolated().then(|| Uint8Array::new(&SharedArrayBuffer::new(1)));
    let buffer = interrupt
        .as_ref()
        .map_or(JsValue::NULL, |i| i.buffer().into());
    post(&worker, &[("type", "init".into()), ("interrupt", buffer)]);
    Ok(Python {
        worker,
        interrupt,
        loaded: None,
        waiting: None,
        current: None,
        sink,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The page's base URL (relative asset URLs: the app may live in a sub-folder).
fn gloo_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// Whether Python is loaded and waiting for code.
pub fn is_loaded() -> bool {
    PYTHON.with(|p| p.borrow().as_ref().is_some_and(|p| p.loaded.is_some()))
}

/// Runs `code` as run `run`, loading Python first if needed; events go to `sink`.
pub fn run(run: u32, code: String, sink: Callback<Event>) {
    PYTHON.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            match start(sink.clone()) {
                Ok(p) => *slot = Some(p),
                Err(why) => {
                    drop(slot);
                    sink.emit(Event::LoadFailed(why));
                    return;
                }
            }
        }
        let Some(p) = slot.as_mut() else { return };
        p.sink = sink;
        if p.loaded.is_some() {
            post_run(p, run, &code);
        } else {
            p.waiting = Some((run, code));
        }
    });
}

/// Stops run `run`: the interrupt first; the worker ended (and a fresh one loading) if the run
/// has not ended within `STOP_GRACE_MS`, or at once without an interrupt buffer. A run still
/// waiting for Python to load is simply dropped.
pub fn stop(run: u32) {
    let dropped = PYTHON.with(|p| {
        let mut p = p.borrow_mut();
        let p = p.as_mut()?;
        p.waiting.take().map(|_| ())
    });
    if dropped.is_some() {
        emit(Event::Done {
            run,
            t_ms: 0.0,
            error: Some("KeyboardInterrupt (before Python had loaded)".into()),
        });
        return;
    }
    let interrupted = PYTHON.with(|p| {
        let p = p.borrow();
        p.as_ref()?.interrupt.as_ref().map(|i| i.set_index(0, 2))
    });
    wasm_bindgen_futures::spawn_local(async move {
        if interrupted.is_some() {
            sleep_ms(STOP_GRACE_MS).await;
        }
        let stuck = PYTHON.with(|p| p.borrow().as_ref().is_some_and(|p| p.current == Some(run)));
        if stuck {
            restart();
            emit(Event::Ended { run });
        }
    });
}

/// Ends the worker and starts a fresh one (Python loads again in the background).
fn restart() {
    PYTHON.with(|cell| {
        let old = cell.borrow_mut().take();
        if let Some(old) = old {
            old.worker.terminate();
            if let Ok(fresh) = start(old.sink.clone()) {
                *cell.borrow_mut() = Some(fresh);
            }
        }
    });
}
