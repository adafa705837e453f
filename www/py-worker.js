// The lessons' Python: Pyodide (CPython compiled to WebAssembly) in a module worker, started
// only when the learner first presses "Run this Python" (web::python). The page posts code and
// reads output lines; it never waits on the worker.
//
// Messages in:  {type: 'init', interrupt: SharedArrayBuffer | null}, {type: 'run', run, code}
// Messages out: {type: 'ready', version, stackSwitching, sharedMemory, loadMs},
//               {type: 'out', run, t, stream: 'out' | 'err', text},
//               {type: 'done', run, t, error: string | null}, {type: 'failed', error}
// t: milliseconds since the run started, on this worker's clock.
//
// Why each non-obvious part is here (see /work/shared/PYTHON-IN-BROWSER.md):
// - `time.sleep` is replaced: by default Pyodide busy-waits (no stack switching) or yields to
//   the event loop (with it), and with the latter a coroutine calling time.sleep would not
//   block the others as it does in CPython. Atomics.wait blocks this thread like CPython's
//   sleep, in slices, so Stop's interrupt is seen within 50 ms.
// - Network APIs and code from strings are removed once Python has loaded: nothing the learner
//   runs may reach another origin (the CSP sent with this file says the same; hosts that cannot
//   send headers have only this line of defence).
// - Never loadPackage / micropip: they would fetch wheels.

import { loadPyodide } from './pyodide/pyodide.mjs';

let pyodide = null;
let interrupt = null;
let current = null;
const sleeper = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;

const post = (msg) => self.postMessage(msg);
const since = () => (current ? performance.now() - current.start : 0);
const line = (stream) => (text) => {
  if (current) post({ type: 'out', run: current.run, t: since(), stream, text });
};

// time.sleep that blocks this thread; true if Stop interrupted it.
function blockingSleep(seconds) {
  const end = performance.now() + seconds * 1000;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) return false;
    if (interrupt && interrupt[0] !== 0) {
      interrupt[0] = 0;
      return true;
    }
    if (sleeper) Atomics.wait(sleeper, 0, 0, Math.min(left, 50));
    // No shared memory (the page is not cross-origin isolated): a busy wait, which blocks
    // like CPython's sleep too; Stop then ends the worker.
  }
}

const PRELUDE = `
def _blocking_sleep():
    import time
    from js import __playgroundSleep as wait

    def sleep(secs, /):
        """Suspend execution for the given number of seconds (blocks this thread, as in CPython)."""
        secs = float(secs)
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        if wait(secs):
            raise KeyboardInterrupt

    time.sleep = sleep

_blocking_sleep()
del _blocking_sleep

def _quiet_interrupts():
    # Stop's KeyboardInterrupt lands in whichever task's step runs next. That task keeps it
    # (the code awaiting it raises it, and the run ends "interrupted"), but Pyodide's event
    # loop would also re-raise it out of the browser callback that ran the step, where it
    # escapes to the worker's top level. The hook Pyodide's own console uses swallows it there.
    import asyncio
    asyncio.get_event_loop()._keyboard_interrupt_handler = lambda: None

_quiet_interrupts()
del _quiet_interrupts

def _cancel_leftovers():
    # After a run: its tasks still pending are cancelled, as asyncio.run does in CPython, so
    # none prints into the next run or keeps the loop busy.
    import asyncio
    for task in asyncio.all_tasks(asyncio.get_event_loop()):
        task.cancel()
`;



// Compiling JS from a string (eval, the Function constructors, setTimeout with a string) is the
// one way left to reach the network (a dynamic import()): the CSP sent with this file refuses
// it, but hosts that cannot send headers send no CSP, so it is refused here as well. Proxies keep
// `instanceof Function` and the like working.
function noCodeFromStrings() {
  const refuse = () => {
    throw new EvalError("compiling code from a string is disabled in the lessons' Python worker");
  };
  const guard = (target) => new Proxy(target, { apply: refuse, construct: refuse });
  const kinds = [Function, (async () => {}).constructor, function* () {}.constructor, async function* () {}.constructor];
  for (const kind of kinds) {
    Object.defineProperty(kind.prototype, 'constructor', { value: guard(kind), configurable: false, writable: false });
  }
  Object.defineProperty(self, 'Function', { value: guard(Function), configurable: false, writable: false });
  Object.defineProperty(self, 'eval', { value: refuse, configurable: false, writable: false });
  for (const name of ['setTimeout', 'setInterval']) {
    const original = self[name];
    self[name] = (callback, ...rest) => (typeof callback === 'function' ? original(callback, ...rest) : refuse());
  }
}

function lockDown() {
  const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts',
    'Worker', 'SharedWorker', 'caches', 'FontFace', 'fonts', 'Request', 'WebSocketStream'];
  for (const name of names) {
    for (let o = self; o; o = Object.getPrototypeOf(o)) {
      try {
        if (Object.prototype.hasOwnProperty.call(o, name)) delete o[name];
      } catch { /* not configurable: shadowed below */ }
    }
    try {
      Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
    } catch { /* already gone */ }
  }
}

async function init(data) {
  const start = performance.now();
  interrupt = data.interrupt ? new Uint8Array(data.interrupt) : null;
  try {
    pyodide = await loadPyodide({
      indexURL: new URL('./pyodide/', import.meta.url).href,
      stdout: line('out'),
      stderr: line('err'),
    });
    pyodide.setStdout({ batched: line('out') });
    pyodide.setStderr({ batched: line('err') });
    if (interrupt) pyodide.setInterruptBuffer(interrupt);
    self.__playgroundSleep = blockingSleep;
    pyodide.runPython(PRELUDE);
    const stackSwitching = typeof WebAssembly.Suspending === 'function';
    lockDown();
    noCodeFromStrings();
    post({
      type: 'ready',
      version: pyodide.runPython('import sys; sys.version.split()[0]'),
      stackSwitching,
      sharedMemory: sleeper !== null && interrupt !== null,
      loadMs: performance.now() - start,
    });
  } catch (err) {
    post({ type: 'failed', error: String(err?.message ?? err) });
  }
}

async function run({ run, code }) {
  if (interrupt) interrupt[0] = 0;
  current = { run, start: performance.now() };
  let error = null;
  let globals = null;
  try {
    // A fresh namespace per run, named __main__ so `if __name__ == "__main__":` blocks run.
    globals = pyodide.toPy({ __name__: '__main__' });
    await pyodide.runPythonAsync(code, { globals, filename: '<lesson>' });
  } catch (err) {
    error = String(err?.message ?? err);
  }
  try {
    pyodide.runPython('import sys; sys.stdout.flush(); sys.stderr.flush()');
  } catch { /* output already gone */ }
  try {
    pyodide.runPython('_cancel_leftovers()');
  } catch { /* no loop to clear */ }
  globals?.destroy();
  post({ type: 'done', run, t: since(), error });
  current = null;
}

// Once Python runs, an exception that escapes to the worker's top level (Pyodide's event loop
// re-raising a KeyboardInterrupt after Stop, a callback's error) belongs to the learner's run:
// shown as its stderr, not reported to the page as the worker failing.
self.addEventListener('error', (e) => {
  if (!pyodide) return;
  e.preventDefault();
  line('err')(String(e.message ?? e));
});
self.addEventListener('unhandledrejection', (e) => {
  if (!pyodide) return;
  e.preventDefault();
  line('err')(String(e.reason?.message ?? e.reason));
});

self.onmessage = ({ data }) => {
  if (data?.type === 'init') init(data);
  else if (data?.type === 'run' && pyodide) run(data);
};
