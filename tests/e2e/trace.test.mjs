// End-to-end: "Download trace" saves a finished run as a Chrome Trace Event Format file (what
// ui.perfetto.dev and chrome://tracing open): a name for every thread, slices that nest on each
// thread, the GIL's own thread only for the GIL run, and a numeric "threads computing" counter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, downloadFrom } from './browser.mjs';
import { withApp, selectWorkload, setParams, runOn, READY } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Clicks an executor's trace button and returns the downloaded file's name and parsed JSON. */
async function downloadTrace(page, executor) {
  const selector = `[data-role="download-trace"][data-executor="${executor}"]`;
  const { name, body } = await downloadFrom(page, () => page.click(selector));
  return { name, trace: JSON.parse(body.toString('utf8')) };
}

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/**
 * Checks what every trace must hold and returns its parts: thread names by tid, complete slices
 * by tid (in time order), the counter's values.
 */
function checkTrace(trace, label) {
  assert.equal(trace.displayTimeUnit, 'ms', label);
  assert.ok(Array.isArray(trace.traceEvents), `${label}: traceEvents`);
  const threads = new Map();
  const slices = new Map();
  const counter = [];
  let process;
  for (const e of trace.traceEvents) {
    const what = `${label}: ${JSON.stringify(e)}`;
    assert.equal(e.pid, 1, what);
    assert.ok(Number.isInteger(e.tid) && e.tid >= 0, what);
    assert.equal(typeof e.name, 'string', what);
    if (e.ph === 'M' && e.name === 'process_name') {
      process = e.args.name;
    } else if (e.ph === 'M' && e.name === 'thread_name') {
      assert.equal(typeof e.args.name, 'string', what);
      assert.ok(!threads.has(e.tid), `${what}: tid named twice`);
      threads.set(e.tid, e.args.name);
    } else if (e.ph === 'X') {
      assert.ok(finite(e.ts) && e.ts >= 0, what);
      assert.ok(finite(e.dur) && e.dur > 0, what);
      assert.equal(typeof e.cat, 'string', what);
      assert.ok(Number.isInteger(e.args.task) && e.args.task >= 0, what);
      if (!slices.has(e.tid)) slices.set(e.tid, []);
      slices.get(e.tid).push(e);
    } else if (e.ph === 'C') {
      assert.equal(e.name, 'threads computing', what);
      assert.ok(finite(e.ts) && e.ts >= 0, what);
      assert.ok(Number.isInteger(e.args.computing) && e.args.computing >= 0, what);
      counter.push(e);
    } else {
      assert.fail(`unexpected event ${what}`);
    }
  }
  assert.equal(typeof process, 'string', `${label}: a process name`);
  assert.ok(process.length > 0, `${label}: a process name`);
  // Every thread a slice is on has a name, and its slices nest: each starts after the enclosing
  // one's start and ends by its end, or starts after it ended (no partial overlap).
  for (const [tid, list] of slices) {
    assert.ok(threads.has(tid), `${label}: tid ${tid} has no thread_name`);
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const open = [];
    for (const s of list) {
      while (open.length && open.at(-1).ts + open.at(-1).dur <= s.ts + 1e-6) open.pop();
      const parent = open.at(-1);
      if (parent) {
        assert.ok(s.ts + s.dur <= parent.ts + parent.dur + 1e-6, `${label}: on "${threads.get(tid)}" ${JSON.stringify(s)} overlaps ${JSON.stringify(parent)}`);
      }
      open.push(s);
    }
  }
  assert.ok(counter.length >= 1, `${label}: the counter`);
  assert.equal(counter[0].ts, 0, `${label}: the counter starts at 0`);
  return { threads, slices, counter, process };
}

/** The slices on the threads named `name` (and its sub-tracks "name · 2", …). */
function slicesOn(parts, name) {
  const tids = [...parts.threads].filter(([, n]) => n === name || n.startsWith(`${name} · `)).map(([tid]) => tid);
  return tids.flatMap((tid) => parts.slices.get(tid) ?? []);
}

test('a run downloads as a Chrome trace: named threads, nested slices, the GIL thread only under the GIL', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.waitForSelector(READY, { timeout: 30_000 });
    await selectWorkload(page, 'counter');
    await setParams(page, { n: 2_000_000, tasks: 2 });
    await page.locator('#threads').fill('2');
    const gil = await runOn(page, 'gil');
    assert.equal(gil.state, 'completed', gil.text);
    const pool = await runOn(page, 'pool');
    assert.equal(pool.state, 'completed', pool.text);

    // One button per run on screen, with the hint where to open the file.
    const buttons = page.locator('[data-role="download-trace"]');
    assert.deepEqual((await buttons.evaluateAll((bs) => bs.map((b) => b.dataset.executor))).sort(), ['gil', 'pool']);
    assert.match(await page.locator('[data-role="download-trace"][data-executor="gil"]').innerText(), /Download trace|下载追踪文件/);
    assert.match(await page.locator('[data-role="download-trace"][data-executor="gil"]').getAttribute('title'), /ui\.perfetto\.dev/);
    assert.match(await page.locator('#trace-downloads').innerText(), /chrome:\/\/tracing/);

    // The GIL run: the worker lanes, and the GIL's own thread of holders.
    const g = await downloadTrace(page, 'gil');
    assert.equal(g.name, 'trace-gil.json');
    const gp = checkTrace(g.trace, 'gil');
    const gNames = [...gp.threads.values()];
    assert.ok(gNames.includes('GIL'), `a GIL thread: ${gNames}`);
    const held = slicesOn(gp, 'GIL');
    assert.ok(held.length >= 1, 'the lock was held');
    for (const s of held) assert.match(s.name, /^held by (worker \d+|main thread)$/);
    const lanes = [...gp.slices].filter(([tid]) => !gp.threads.get(tid).startsWith('GIL')).flatMap(([, list]) => list);
    assert.ok(lanes.length >= 1 && lanes.length <= gil.spans, `${lanes.length} slices for ${gil.spans} spans`);
    for (const s of lanes.filter((s) => s.cat === 'wait')) assert.equal(s.args.reason, 'GIL');
    // One lock holder at a time: never more than one thread computing.
    assert.ok(gp.counter.every((c) => c.args.computing <= 1), JSON.stringify(gp.counter));

    // The pool run: no GIL thread, and at most one computing thread per lane.
    const p = await downloadTrace(page, 'pool');
    assert.equal(p.name, 'trace-pool.json');
    const pp = checkTrace(p.trace, 'pool');
    const pNames = [...pp.threads.values()];
    assert.ok(!pNames.some((n) => n.startsWith('GIL')), `no GIL thread: ${pNames}`);
    assert.ok(pNames.length >= 1);
    const pSlices = [...pp.slices.values()].flat();
    assert.ok(pSlices.some((s) => s.cat === 'compute'), 'the counters computed');
    assert.ok(pSlices.length <= pool.spans, `${pSlices.length} slices for ${pool.spans} spans`);
    assert.ok(pp.counter.every((c) => c.args.computing <= pool.lanes), JSON.stringify(pp.counter));
    assert.equal(pp.counter.at(-1).args.computing, 0, 'nothing computes after the run');

    assert.equal(await page.locator('#trace-download-error').count(), 0);
    assert.deepEqual(errors, []);
  });
});
