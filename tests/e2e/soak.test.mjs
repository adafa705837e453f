// Soak: 200 runs in one page, mixing workloads and executors through the UI. No run may fail,
// no console error may appear, and the page must still paint frames afterwards. Memory: wasm
// memory never shrinks, so a leak shows as growth. It is printed after 10 runs, after the first
// full cycle (every workload on every executor: 28 runs) and at the end; the end may exceed the
// cycle by at most 10%. (Measured: about +4% over 200 runs, in steps, with plateaus between:
// allocator fragmentation across threads is the suspect, not yet proven; see the closing notes.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, selectWorkload, setParams } from './app.mjs';

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
    let afterTen = 0;
    let afterCycle = 0;
    const cycle = MIX.length * EXECUTORS.length;
    for (let i = 0; i < RUNS; i++) {
      const w = MIX[i % MIX.length];
      // Change workload every seven runs, so each workload meets every executor.
      const executor = EXECUTORS[Math.floor(i / MIX.length) % EXECUTORS.length];
      await selectWorkload(page, w.id);
      await setParams(page, w.params);
      await page.click(`#run-${executor}`);
      await page.waitForSelector(`#result-${executor}`, { timeout: 30_000 });
      await page.waitForSelector('#progress', { state: 'detached', timeout: 30_000 });
      const state = await page.locator(`#result-${executor}`).getAttribute('data-state');
      assert.equal(state, 'completed', `run ${i}: ${w.id} on ${executor}`);
      if (i === 9) afterTen = await memory();
      if (i === cycle - 1) afterCycle = await memory();
    }
    const afterAll = await memory();
    console.log(`wasm memory: ${afterTen} bytes after 10 runs, ${afterCycle} after ${cycle}, ${afterAll} after ${RUNS}`);
    assert.ok(afterTen > 0 && afterCycle >= afterTen);
    assert.ok(afterAll <= afterCycle * 1.1, `memory grew from ${afterCycle} to ${afterAll} bytes`);
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
