// End-to-end: the lessons' real Python (Pyodide in a worker, www/py-worker.js). Nothing of
// Python loads before the first Run; the asyncio snippet prints its lines in about a second; an
// edited snippet runs, is kept and travels in the link; a coroutine that calls time.sleep
// blocks the others as in CPython; Stop ends a tight loop (the interrupt) and an endless await
// (the worker is ended and a fresh one started); Python cannot reach another origin; a thread
// snippet shows CPython's recorded output; a link's code never runs by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch, IS_FIREFOX } from './browser.mjs';
import { serve } from './server.mjs';
import { openRunner, editCode, runAndWait, runnerState } from './python.mjs';
import { POOL_SETTLED } from './app.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve({ root: DIST, isolated: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Firefox reports "uncaught exception: undefined" as the page's when Stop ends the worker
 * mid-run (a worker's end, not an error of the page). Expected there, not a fault; Chromium
 * does not report it.
 */
function fromStoppedPython(e) {
  return IS_FIREFOX && String(e.stack).startsWith('uncaught exception: undefined');
}

/** The page's uncaught errors as they come (those Firefox reports for a stopped Python left out). */
function pageErrors(p) {
  const errors = [];
  p.on('pageerror', (e) => {
    if (!fromStoppedPython(e)) errors.push(e.message);
  });
  return errors;
}

/** A fresh page that records every request of its context and its errors. */
async function page() {
  const p = await browser.context.newPage();
  p.requests = [];
  p.errors = pageErrors(p);
  browser.context.on('request', (r) => p.requests.push(r.url()));
  // Errors of the page and its own code, the worker's included (Stop's KeyboardInterrupt must
  // not escape Pyodide's event loop to it).
  p.on('console', (m) => {
    if (m.type() === 'error') p.errors.push(m.text());
  });
  return p;
}

const pythonFiles = (urls) => urls.filter((u) => /\/(pyodide\/|py-worker\.js)/.test(u));

test('nothing of Python loads before Run; the asyncio snippet runs for real, its lines in about a second', async () => {
  const p = await page();
  await openRunner(p, server.url, '13-asyncio');
  await p.waitForTimeout(1_000);
  assert.deepEqual(pythonFiles(p.requests), [], 'the page loaded no Python file before Run');
  assert.equal(await p.getAttribute('.py-runner', 'data-kind'), 'live');

  const run = await runAndWait(p);
  assert.equal(run.phase, 'completed', run.error ?? run.status);
  assert.ok(pythonFiles(p.requests).length >= 5, 'Run loaded Pyodide');
  const [gathered] = run.lines;
  assert.match(gathered.text, /^\[0, 1, 2, 3, 4\] in 1\.\d s$/);
  // Five 1 s sleeps gathered: about 1 s (one after the other would be ≥ 5 s).
  assert.ok(gathered.t >= 950 && gathered.t < 2_500, `first line at ${gathered.t} ms`);
  assert.deepEqual(
    run.lines.filter((l) => l.text.includes('callback')).map((l) => l.text.trim()),
    ['callback: 4', 'callback: 3', 'callback: 2', 'callback: 1', 'callback: 0'],
  );
  assert.ok(run.lines.some((l) => l.text === 'FIRST_COMPLETED: 1 done, 4 pending'));
  // The coroutine that calls time.sleep(1.0) holds everyone up: about 2 s, not 1.
  const blocked = run.lines.at(-1);
  assert.match(blocked.text, /^with one blocking task: (1\.9|2\.\d) s$/);
  assert.ok(run.cold && run.firstOutputMs > 900, `cold first output ${run.firstOutputMs} ms`);
  const origin = new URL(server.url).origin;
  assert.deepEqual(p.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:')), []);
  assert.deepEqual(p.errors, []);

  // Warm: Python is loaded, the first line comes as soon as the code prints.
  await editCode(p, "print('warm')\n");
  const warm = await runAndWait(p);
  assert.equal(warm.phase, 'completed');
  assert.ok(!warm.cold && warm.firstOutputMs < 1_500, `warm first output ${warm.firstOutputMs} ms`);
  test.diagnostic?.(`click → first output: cold ${run.firstOutputMs} ms (incl. the snippet's 1 s sleep), warm ${warm.firstOutputMs} ms`);
  await p.close();
});

const GATHER = `import asyncio, time
t0 = time.perf_counter()

async def nap(i):
    await asyncio.sleep(1)
    print(f"nap {i} woke at {time.perf_counter() - t0:.2f}")

async def main():
    await asyncio.gather(*(nap(i) for i in range(5)))
    print(f"five naps in {time.perf_counter() - t0:.2f} s")

asyncio.run(main())
`;

const BLOCKING = `import asyncio, time
t0 = time.perf_counter()

async def tick(i):
    await asyncio.sleep(0.1)
    print(f"tick {i} at {time.perf_counter() - t0:.2f}")

async def hog():
    time.sleep(1.0)  # no await: the loop cannot run the others
    print(f"hog done at {time.perf_counter() - t0:.2f}")

async def main():
    await asyncio.gather(*(tick(i) for i in range(3)), hog())

asyncio.run(main())
`;

test('an edited snippet runs, is kept across a reload and travels in the link; a blocking coroutine delays the others', async () => {
  const p = await page();
  await openRunner(p, server.url, '13-asyncio');
  await editCode(p, GATHER);
  const run = await runAndWait(p);
  assert.equal(run.phase, 'completed', run.error ?? run.status);
  assert.equal(run.lines.filter((l) => l.text.startsWith('nap ')).length, 5);
  const total = Number(run.lines.at(-1).text.match(/in ([\d.]+) s/)[1]);
  assert.ok(total >= 0.95 && total < 2.5, `five gathered 1 s sleeps took ${total} s (sequential: ≥ 5 s)`);
  assert.ok(await p.locator('[data-role=py-reset]').isVisible());

  // Kept in the browser and in the address bar's link.
  const link = await p.evaluate(() => location.hash);
  assert.match(link, /py=import%20asyncio/);
  await p.reload();
  await openRunner(p, server.url, '13-asyncio');
  assert.equal(await p.inputValue('[data-role=py-code]'), GATHER);

  await editCode(p, BLOCKING);
  const blocked = await runAndWait(p);
  assert.equal(blocked.phase, 'completed', blocked.error ?? blocked.status);
  const ticks = blocked.lines.filter((l) => l.text.startsWith('tick '));
  assert.equal(ticks.length, 3);
  for (const tick of ticks) {
    // Each tick sleeps 0.1 s; the hog's time.sleep(1.0) held the loop, so none woke before 1 s.
    assert.ok(Number(tick.text.split(' at ')[1]) >= 1.0, tick.text);
    assert.ok(tick.t >= 1_000, `${tick.text} seen at ${tick.t} ms`);
  }

  // Back to the lesson's code: the edit is forgotten, the link carries no code.
  await p.click('[data-role=py-reset]');
  await p.waitForFunction(() => !location.hash.includes('py='));
  assert.match(await p.inputValue('[data-role=py-code]'), /^# asyncio: five 1-second sleeps/);
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('Stop ends a tight loop through the interrupt, and an endless await by ending the worker', async () => {
  const p = await page();
  await openRunner(p, server.url, '13-asyncio');
  await editCode(p, "print('spinning')\nwhile True:\n    pass\n");
  await p.click('[data-role=py-run]');
  await p.waitForFunction(() => document.querySelectorAll('[data-role=py-output] li').length > 0, null, { timeout: 60_000 });
  let stopped = Date.now();
  await p.click('[data-role=py-stop]');
  await p.waitForFunction(() => ['interrupted', 'ended'].includes(document.querySelector('.py-runner').dataset.phase));
  let state = await runnerState(p);
  assert.equal(state.phase, 'interrupted', 'the interrupt stopped the loop');
  assert.match(state.error, /KeyboardInterrupt/);
  assert.ok(Date.now() - stopped < 2_000);

  await editCode(p, "import asyncio\nprint('waiting forever')\nasyncio.run(asyncio.Event().wait())\n");
  await p.click('[data-role=py-run]');
  await p.waitForFunction(() => document.querySelectorAll('[data-role=py-output] li').length > 0);
  stopped = Date.now();
  await p.click('[data-role=py-stop]');
  await p.waitForFunction(() => ['interrupted', 'ended'].includes(document.querySelector('.py-runner').dataset.phase));
  state = await runnerState(p);
  assert.equal(state.phase, 'ended', 'the await never saw the interrupt: the worker was ended');
  assert.ok(Date.now() - stopped < 3_000);

  // A fresh worker: the next run loads Python again and works.
  await editCode(p, "print('again')\n");
  const again = await runAndWait(p);
  assert.equal(again.phase, 'completed');
  assert.deepEqual(again.lines.map((l) => l.text), ['again']);
  assert.deepEqual(p.errors, []);
  await p.close();
});

/** Python that tries every way it has to reach `foreign` (a URL) and says what happened. */
const attack = (foreign, port) => `import js
for name, attempt in [
    ("fetch", lambda: js.fetch("${foreign}fetch")),
    ("pyfetch", lambda: __import__("pyodide.http").http.pyfetch("${foreign}pyfetch")),
    ("XMLHttpRequest", lambda: js.XMLHttpRequest.new()),
    ("WebSocket", lambda: js.WebSocket.new("ws://127.0.0.1:${port}/ws")),
    ("import()", lambda: __import__("pyodide.code").code.run_js("import('${foreign}import.mjs')")),
    ("eval", lambda: js.eval("1")),
    ("Function", lambda: js.Function.new("return import('${foreign}function.mjs')")()),
    ("constructor", lambda: js.Function.prototype.constructor("return import('${foreign}ctor.mjs')")()),
    ("setTimeout", lambda: js.setTimeout("import('${foreign}timeout.mjs')", 0)),
]:
    try:
        result = attempt()
        if hasattr(result, "__await__"):
            await result
        print(name, "REACHED")
    except BaseException as e:
        print(name, "blocked:", type(e).__name__)
`;

/** A server on another origin that counts what reaches it. */
async function foreignServer() {
  const hits = [];
  const other = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Content-Type': 'text/javascript' }).end('export default 1;');
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  return { hits, other, foreign: `http://127.0.0.1:${other.address().port}/`, close: () => new Promise((r) => other.close(r)) };
}

test('Python in the page cannot make it fetch from another origin', async () => {
  const { hits, other, foreign, close } = await foreignServer();
  try {
    const p = await page();
    await openRunner(p, server.url, '13-asyncio');
    await editCode(p, attack(foreign, other.address().port));
    const run = await runAndWait(p);
    await p.waitForTimeout(500);
    assert.equal(run.lines.length, 9, JSON.stringify(run));
    assert.deepEqual(run.lines.filter((l) => l.text.includes('REACHED')), []);
    assert.deepEqual(hits, [], 'the other origin was never asked');
    const origin = new URL(server.url).origin;
    assert.deepEqual(p.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:')), []);
    await p.close();
  } finally {
    await close();
  }
});

test('a thread snippet shows the output CPython recorded, with its machine, and says why', async () => {
  for (const lang of ['en', 'zh']) {
    const p = await page();
    await openRunner(p, server.url, '07-gil', lang);
    assert.equal(await p.getAttribute('.py-runner', 'data-kind'), 'recorded');
    const recorded = p.locator('[data-role=py-recorded]');
    const text = await recorded.innerText();
    assert.match(text, /CPython 3\.\d+\.\d+/);
    assert.match(text, lang === 'en' ? /, \d+ logical CPUs/ : /，\d+ 个逻辑处理器/);
    assert.match(text, lang === 'en' ? /can't start new thread/ : /浏览器里的 Python 只有一个线程/);
    const lines = await recorded.locator('[data-role=py-recorded-output] li .text').allInnerTexts();
    assert.ok(lines.some((l) => l.startsWith('two counters on two threads:')), lines.join('\n'));
    await p.close();
  }
  // Run anyway: browser Python refuses the thread, as the note says.
  const p = await page();
  await openRunner(p, server.url, '07-gil');
  const run = await runAndWait(p);
  assert.equal(run.phase, 'raised');
  assert.match(run.error, /RuntimeError: can't start new thread/);
  assert.doesNotMatch(run.error, /_pyodide/, 'Pyodide\'s own frames are left out');
  await p.close();
});

test("a link's code is shown, never run by itself; a hostile one gets a notice and the lesson's code", async () => {
  const p = await page();
  const code = encodeURIComponent("print('from the link')\n");
  await openRunner(p, server.url, '13-asyncio', 'en', `&py=${code}`);
  assert.equal(await p.inputValue('[data-role=py-code]'), "print('from the link')\n");
  await p.waitForTimeout(1_000);
  assert.equal(await p.getAttribute('.py-runner', 'data-phase'), 'idle');
  assert.deepEqual(pythonFiles(p.requests), [], 'nothing ran, nothing of Python loaded');
  const run = await runAndWait(p);
  assert.deepEqual(run.lines.map((l) => l.text), ['from the link']);
  await p.close();

  const q = await page();
  // No edit kept from the tests before: the lesson's own code is what a bad link falls back to.
  await q.goto(server.url);
  // Settled before leaving: Firefox reports the pool's module imports cut short by leaving
  // mid-start as errors.
  await q.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
  await q.evaluate(() => localStorage.removeItem('concurrency-playground.py-edits'));
  await q.goto('about:blank');
  await openRunner(q, server.url, '13-asyncio', 'en', `&py=${'x'.repeat(5_000)}`);
  assert.match(await q.locator('#link-notices').innerText(), /too long \(5001 bytes/);
  assert.equal(await q.locator('[data-role=py-code]').count(), 0, "the lesson's own code, not an editor");
  await q.goto(`${server.url}#lesson=13-asyncio&lang=zh&py=a%00b`);
  await q.waitForSelector('#link-notices');
  assert.match(await q.locator('#link-notices').innerText(), /控制字符/);
  assert.deepEqual(q.errors, []);
  await q.close();
});

test("a recorded snippet's asyncio part runs for real, in the editor so what ran is on screen", async () => {
  const p = await page();
  await openRunner(p, server.url, '14-timeouts-and-cancel');
  const run = await runAndWait(p); // the whole snippet: its threads fail
  assert.equal(run.phase, 'raised');
  assert.match(run.error, /can't start new thread/);
  const before = Number(await p.getAttribute('.py-runner', 'data-run'));
  await p.click('[data-role=py-run-live]');
  await p.waitForFunction((n) => {
    const r = document.querySelector('.py-runner');
    return Number(r.dataset.run) > n && r.dataset.phase === 'completed';
  }, before, { timeout: 30_000 });
  const live = await runnerState(p);
  assert.deepEqual(live.lines.map((l) => l.text), [
    'asyncio: cancelled at its await',
    'asyncio: wait_for timed out after cancelling the task',
  ]);
  // wait_for(timeout=0.5): the task is cancelled after about half a second, not its 10 s sleep.
  assert.ok(live.lines[0].t >= 450 && live.lines[0].t < 3_000, `cancelled at ${live.lines[0].t} ms`);
  assert.match(await p.inputValue('[data-role=py-code]'), /^# The asyncio part of this lesson's snippet/);
  assert.deepEqual(p.errors, []);
  await p.close();
});

// Chromium and Firefox 153 both have WebAssembly stack switching (JSPI); Firefox can be started
// without it, which is how a browser that lacks it behaves. Chromium has no such switch.
test('without WebAssembly stack switching asyncio.run is awaited directly, and the page says so', { skip: !IS_FIREFOX && 'Chromium cannot turn stack switching off (Firefox runs this test)' }, async () => {
  const b = await launch({ firefoxPrefs: { 'javascript.options.wasm_js_promise_integration': false } });
  try {
    const p = await b.context.newPage();
    const errors = pageErrors(p);
    await openRunner(p, server.url, '13-asyncio');
    assert.equal(await p.evaluate(() => typeof WebAssembly.Suspending), 'undefined');
    const run = await runAndWait(p);
    assert.equal(run.phase, 'completed', run.error ?? run.status);
    // The same Python, run for real: five gathered 1 s sleeps in about a second.
    const [gathered] = run.lines;
    assert.match(gathered.text, /^\[0, 1, 2, 3, 4\] in 1\.\d s$/);
    assert.ok(gathered.t >= 950 && gathered.t < 2_500, `first line at ${gathered.t} ms`);
    const note = await p.locator('[data-role=py-adapted]').innerText();
    assert.match(note, /no WebAssembly stack switching \(JSPI\), so asyncio\.run cannot run: line \d+ awaited the coroutine directly/);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('without cross-origin isolation Python still runs: time.sleep blocks by a busy wait, Stop ends the worker', async () => {
  const plain = await serve({ root: DIST, isolated: false });
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const p = await b.context.newPage();
    const errors = pageErrors(p);
    await openRunner(p, plain.url, '13-asyncio');
    assert.equal(await p.evaluate(() => crossOriginIsolated), false);
    await editCode(p, BLOCKING);
    const run = await runAndWait(p);
    assert.equal(run.phase, 'completed', run.error ?? run.status);
    for (const tick of run.lines.filter((l) => l.text.startsWith('tick '))) {
      assert.ok(Number(tick.text.split(' at ')[1]) >= 1.0, tick.text);
    }
    // No CSP header here (a host that cannot send one): the worker's own lock-down holds.
    const { hits, other, foreign, close } = await foreignServer();
    try {
      await editCode(p, attack(foreign, other.address().port));
      const tried = await runAndWait(p);
      await p.waitForTimeout(500);
      assert.equal(tried.lines.length, 9, JSON.stringify(tried));
      assert.deepEqual(tried.lines.filter((l) => l.text.includes('REACHED')), []);
      assert.deepEqual(hits, [], 'the other origin was never asked');
    } finally {
      await close();
    }
    await editCode(p, 'while True:\n    pass\n');
    await p.click('[data-role=py-run]');
    await p.waitForFunction(() => document.querySelector('.py-runner').dataset.phase === 'running');
    await p.waitForTimeout(300);
    await p.click('[data-role=py-stop]');
    await p.waitForFunction(() => document.querySelector('.py-runner').dataset.phase === 'ended', null, { timeout: 5_000 });
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
    await plain.close();
  }
});

test('the editor indents with Tab and Shift+Tab, keeps the edit, and Esc then Tab leaves it', async () => {
  const p = await page();
  await openRunner(p, server.url, '13-asyncio');
  await editCode(p, 'def f():\nreturn 1\n');
  const code = p.locator('[data-role=py-code]');
  // The caret at the start of line 2, as a learner would put it there.
  await code.evaluate((t) => {
    t.focus();
    t.setSelectionRange(9, 9);
  });
  await p.keyboard.press('Tab');
  assert.equal(await code.inputValue(), 'def f():\n    return 1\n');
  assert.deepEqual(await code.evaluate((t) => [t.selectionStart, t.selectionEnd, document.activeElement === t]), [13, 13, true]);
  await p.keyboard.type('x = ');
  assert.equal(await code.inputValue(), 'def f():\n    x = return 1\n');
  // Both lines selected: Tab indents each, Shift+Tab takes it back.
  await code.evaluate((t) => t.setSelectionRange(0, t.value.length));
  await p.keyboard.press('Tab');
  assert.equal(await code.inputValue(), '    def f():\n        x = return 1\n');
  await p.keyboard.press('Shift+Tab');
  assert.equal(await code.inputValue(), 'def f():\n    x = return 1\n');
  // Kept like any edit: in the link, without leaving the editor first.
  await p.waitForFunction(() => decodeURIComponent(location.hash).includes('    x = return 1'));
  // Esc, then Tab: the focus moves on and the code is unchanged.
  await p.keyboard.press('Escape');
  await p.keyboard.press('Tab');
  assert.equal(await code.evaluate((t) => document.activeElement === t), false);
  assert.equal(await code.inputValue(), 'def f():\n    x = return 1\n');
  assert.deepEqual(pythonFiles(p.requests), [], 'editing loads no Python');
  assert.deepEqual(p.errors, []);
  await p.close();
});

test("a task the code left running is cancelled when the run ends, as asyncio.run does: it never prints into the next run", async () => {
  const p = await page();
  await openRunner(p, server.url, '13-asyncio');
  await editCode(p, [
    'import asyncio',
    'async def later():',
    '    await asyncio.sleep(0.3)',
    "    print('late')",
    'asyncio.get_event_loop().create_task(later())',
    "print('first')",
    '',
  ].join('\n'));
  const first = await runAndWait(p);
  assert.equal(first.phase, 'completed', first.error ?? first.status);
  assert.deepEqual(first.lines.map((l) => l.text), ['first']);
  // The next run waits long enough for the first run's task to have woken.
  await editCode(p, "import asyncio\nawait asyncio.sleep(0.6)\nprint('second')\n");
  const second = await runAndWait(p);
  assert.equal(second.phase, 'completed', second.error ?? second.status);
  assert.deepEqual(second.lines.map((l) => l.text), ['second']);
  assert.deepEqual(p.errors, []);
  await p.close();
});
