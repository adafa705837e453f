//! The worker pool: all the interop with wasm-bindgen-rayon lives here.
//!
//! The pool shares the page's own wasm memory. The main thread never joins in rayon work
//! (`par_iter` on the main thread spin-waits and freezes the page, and `Atomics.wait` is
//! forbidden there): it hands a job to the pool with `rayon::spawn` and awaits a oneshot
//! channel, as wasm-bindgen's `raytrace-parallel` example does. wasm-bindgen-futures wakes the
//! awaiting task across threads with `Atomics.waitAsync`, so nothing on the page blocks.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_channel::oneshot;
use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

use super::{browser, clock};

// A build without atomics would still compile and load, but every "parallel" run would
// silently be serial or trap: fail the build instead (as wasm-bindgen-rayon itself does).
#[cfg(not(target_feature = "atomics"))]
compile_error!("the wasm build needs `-C target-feature=+atomics,...`: see .cargo/config.toml");

static STARTED: AtomicBool = AtomicBool::new(false);
/// The pool's workers are up and rayon's global pool is built over them.
static READY: AtomicBool = AtomicBool::new(false);

/// Whether the pool has started (rayon calls before that would try to build a pool of their own).
pub fn ready() -> bool {
    READY.load(Ordering::SeqCst)
}

thread_local! {
    /// The pool's start-up, begun by [`prestart`] before the UI is built: (threads, promise).
    static STARTING: RefCell<Option<(usize, Promise)>> = const { RefCell::new(None) };
}

/// Begins spawning `threads` workers at once, before the page renders, so the workers' start-up
/// overlaps the first render; [`start`] then awaits the same start-up. Does nothing when the
/// page is not cross-origin isolated or the pool was already begun.
pub fn prestart(threads: usize) {
    if browser::cross_origin_isolated() && !STARTED.swap(true, Ordering::SeqCst) {
        clock::mark("pool-start");
        let promise = wasm_bindgen_rayon::init_thread_pool(threads);
        STARTING.with(|s| *s.borrow_mut() = Some((threads, promise)));
    }
}

/// Spawns `threads` workers and builds rayon's global pool over them (or awaits the start-up
/// [`prestart`] began with the same size).
///
/// Fails (without trying) when the page is not cross-origin isolated: posting the shared
/// memory to a worker would throw a `DataCloneError` about `SharedArrayBuffer`.
/// Can succeed only once per page: rayon's global pool cannot be rebuilt.
pub async fn start(threads: usize) -> Result<(), String> {
    if !browser::cross_origin_isolated() {
        return Err("the page is not cross-origin isolated".into());
    }
    let promise = match STARTING.with(|s| s.borrow_mut().take()) {
        Some((begun, promise)) if begun == threads => promise,
        Some((begun, _)) => {
            return Err(format!("the pool was already started with {begun} workers"))
        }
        None if STARTED.swap(true, Ordering::SeqCst) => {
            return Err("the pool was already started".into())
        }
        None => {
            clock::mark("pool-start");
            wasm_bindgen_rayon::init_thread_pool(threads)
        }
    };
    JsFuture::from(promise)
        .await
        .map(|_| READY.store(true, Ordering::SeqCst))
        .map_err(|e| browser::error_text(&e))
}

/// Runs `job` on a pool thread and resolves with its result, without blocking the caller.
/// `job` may itself use rayon's parallel iterators: it is already inside the pool.
pub async fn run<T, F>(job: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        // The receiver only disappears if the page dropped the run: nothing to report then.
        let _ = tx.send(job());
    });
    rx.await
        .map_err(|_| "the pool dropped the job before it finished".to_string())
}
