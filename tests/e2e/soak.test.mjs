// Soak: 200 runs in one page, mixing workloads and executors through the UI. No run may fail,
// no console error may appear, and the page must still paint frames afterwards.
//
// Memory: wasm memory never shrinks, so a leak shows as growth. The history keeps the last 200
// runs, and filling it is growth that is meant to be: 560 runs from an empty history measured
// 12.06 MB after 28 runs, 12.58 MB once the history was full at 200, then steps up to 13.11 MB
// by run 336 and flat from there to 560. So the soak starts with the history already full (200
// copies of a real entry), and what it measures is what runs leave behind. The memory is printed
// after 10 runs and after every full cycle (each workload on each executor: 28 runs). Two cycles
// warm up (from a full history: 12.32 MB after 28 runs, 13.04 after 56, then flat to 200); the
// end may exceed that by at most 10%.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, selectWorkload, setParams, reloadApp, HISTORY_KEY } from './app.mjs';

const RUNS = Number(process.env.SOAK_RUNS ?? 200);

// Small sizes: the soak is about repetition, not load.
const MIX = [
  { id: 'primes', params: { n: 20_000, tasks: 8 } },
  { id: 'counter', params: { n: 200_000, tasks: 3 } },
  { id: 'squares', params: { n: 2_000, chunk: 1 } },
  { id: 'pi', params: { samples: 20_000, tasks: 4 } },
  { id: 'io', params: { tasks: 3, wait_ms: 10, speed: 1000, cpu: 5 } },
  { id: 'bank', params: { tasks: 2, rounds: 5_000, lock: 1 } },
  { id: 'queue', params: { producers: 2, consumers: 1, items: 3, capacity: 2, produce_ms: 1, consume_ms: 1 } },
];
const EXECUTORS = ['main', 'async', 'pool', 'gil'];
const HISTORY_CAP = 200;

/** Runs one mix entry on one executor through the UI and checks it completed. */
async function runOne(page, w, executor, what) {
  await selectWorkload(page, w.id);
  await setParams(page, w.params);
  await page.click(`#run-${executor}`);
  await page.waitForSelector(`#result-${executor}`, { timeout: 30_000 });
  await page.waitForSelector('#progress', { state: 'detached', timeout: 30_000 });
  const state = await page.locator(`#result-${executor}`).getAttribute('data-state');
  assert.equal(state, 'completed', `${what}: ${w.id} on ${executor}`);
}

/** The stored history's entries, a line each (without the line marking removed runs). */
async function storedLines(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k) ?? '', HISTORY_KEY);
  return text.split('\n').filter((line) => /(^|&)id=\d+(&|$)/.test(line));
}

/** Fills the history to its cap with copies of one real entry (ids 1…cap) and reloads. */
async function fullHistory(page) {
  await page.evaluate((k) => localStorage.removeItem(k), HISTORY_KEY);
  await reloadApp(page);
  await runOne(page, MIX[0], 'main', 'seed run');
  const [line] = await storedLines(page);
  assert.match(line, /(^|&)id=\d+(&|$)/);
  const lines = Array.from({ length: HISTORY_CAP }, (_, i) => line.replace(/(^|&)id=\d+/, `$1id=${i + 1}`));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [HISTORY_KEY, lines.join('\n')]);
  await reloadApp(page);
  assert.equal(await page.getAttribute('#history', 'data-count'), String(HISTORY_CAP));
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test(`soak: ${RUNS} mixed runs in one page`, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const memory = () => page.evaluate(() => window.wasmBindings.memoryBytes());
    await fullHistory(page);
    let afterTen = 0;
    let warm = 0;
    const series = [];
    const cycle = MIX.length * EXECUTORS.length;
    assert.ok(RUNS > 2 * cycle, `SOAK_RUNS must be more than the ${2 * cycle} warm-up runs`);
    for (let i = 0; i < RUNS; i++) {
      const w = MIX[i % MIX.length];
      // Change workload every seven runs, so each workload meets every executor.
      const executor = EXECUTORS[Math.floor(i / MIX.length) % EXECUTORS.length];
      await runOne(page, w, executor, `run ${i}`);
      if (i === 9) afterTen = await memory();
      if (i === 2 * cycle - 1) warm = await memory();
      if ((i + 1) % cycle === 0) series.push(`${i + 1}: ${await memory()}`);
    }
    const afterAll = await memory();
    console.log(`wasm memory: ${afterTen} bytes after 10 runs, ${warm} after ${2 * cycle}, ${afterAll} after ${RUNS}`);
    console.log(`wasm memory after each cycle (runs: bytes): ${series.join(', ')}`);
    // The history stayed at its cap: every run replaced the oldest entry.
    assert.equal((await storedLines(page)).length, HISTORY_CAP);
    assert.ok(afterTen > 0 && warm >= afterTen);
    assert.ok(afterAll <= warm * 1.1, `memory grew from ${warm} to ${afterAll} bytes`);
    // Still responsive: frames keep coming.
    const frames = await page.evaluate(
      () =>
        new Promise((done) => {
          let n = 0;
          const tick = () => (++n < 10 ? requestAnimationFrame(tick) : done(n));
          requestAnimationFrame(tick);
        }),
    );
    assert.equal(frames, 10);
    assert.deepEqual(errors, []);
  });
});
