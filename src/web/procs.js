// Process-like workers: module workers that each instantiate the app's wasm module with a
// memory of their own, so nothing is shared with the page — arguments and results travel as
// copies (structured clone), like multiprocessing's pickles.
//
// This file is both the page's helper (spawnProcess, runBatch, endProcess) and the worker's
// script: a worker is started on this very file, and acts only on a `procs_init` message. The
// app's JS glue imports it everywhere (also in wasm-bindgen-rayon's pool workers), where the
// listener below simply ignores every other message.

const inWorker =
  typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;

if (inWorker) {
  self.addEventListener('message', function onInit({ data }) {
    if (data?.type !== 'procs_init') return;
    self.removeEventListener('message', onInit);
    boot(data);
  });
}

async function boot({ mainJS, module }) {
  try {
    const pkg = await import(mainJS);
    // The glue's own default for a threaded module: a *new* shared memory with the limits the
    // module declares. Shared memory may be created without cross-origin isolation (only
    // posting it to another thread needs that), so this works on any page; and Atomics.wait,
    // which a task's IO wait uses, is allowed in a worker.
    await pkg.default({ module_or_path: module });
    self.addEventListener('message', ({ data }) => {
      if (data?.type !== 'procs_batch') return;
      let reply;
      try {
        reply = pkg.procsRunBatch(data.spec, data.tasks, data.data ?? undefined, data.sentMs);
      } catch (err) {
        // A panic aborts this instance (the build is panic=abort): report and end. The page
        // starts another worker; the others never noticed — separate memories.
        postMessage({ type: 'procs_crashed', error: String(err), panic: self.procsPanic ?? null });
        self.close();
        return;
      }
      // Copied, not transferred: the page receives a copy, as a process would.
      postMessage({ type: 'procs_reply', ...reply });
    });
    postMessage({ type: 'procs_ready' });
  } catch (err) {
    postMessage({ type: 'procs_failed', error: String(err) });
    self.close();
  }
}

/** Starts a worker on this file; resolves with it once its instance is ready. */
export function spawnProcess(mainJS, module) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data?.type === 'procs_ready') resolve(worker);
      else if (data?.type === 'procs_failed') {
        worker.terminate();
        reject(new Error(data.error));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the worker failed to load'));
    };
    worker.postMessage({ type: 'procs_init', mainJS, module });
  });
}

/** In a worker: posts spans of the batch in progress (a Float64Array) to the page. */
export function postSpans(spans) {
  postMessage({ type: 'procs_spans', spans });
}

/**
 * Sends one batch; resolves with the reply `{ outcomes, spans, repliedMs, stopped }`, or
 * rejects with `{ error, panic }` if the worker crashed, or `{ ended: true }` if the page
 * ended it. Spans the worker posts meanwhile go to `onSpans` until the batch settles.
 */
export function runBatch(worker, spec, tasks, data, sentMs, onSpans) {
  return new Promise((resolve, reject) => {
    const settle = () => {
      worker.procsReject = null;
      worker.onmessage = null;
    };
    worker.procsReject = (why) => {
      settle();
      reject(why);
    };
    worker.onmessage = ({ data: m }) => {
      if (m?.type === 'procs_spans') return onSpans(m.spans);
      settle();
      if (m?.type === 'procs_reply') resolve(m);
      else reject({ error: m?.error ?? 'no reply', panic: m?.panic ?? null });
    };
    worker.onerror = (event) => {
      settle();
      reject({ error: event.message || 'the worker failed', panic: null });
    };
    worker.postMessage({ type: 'procs_batch', spec, tasks, data, sentMs });
  });
}

/** Ends a worker (cancel, or a fresh worker's job done); a batch in flight rejects. */
export function endProcess(worker) {
  worker.terminate();
  const reject = worker.procsReject;
  worker.procsReject = null;
  reject?.({ ended: true });
}
