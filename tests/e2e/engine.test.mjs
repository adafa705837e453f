// End-to-end: every workload on every executor, cancel, and failing tasks, in real Chromium
// with the real pool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, selectWorkload, setParams, runOn, result } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Small sizes: each run takes well under a second. `expect` is the answer every executor
// must give; `details` are checked on every run.
const WORKLOADS = [
  { id: 'counter', params: { n: 2_000_000, tasks: 3 }, expect: 6_000_000 },
  { id: 'primes', params: { n: 200_000, tasks: 16 }, expect: 17_984 },
  // Large enough to take many ticks of a coarse clock (Firefox's ticks are 20 µs): spans
  // shorter than a tick are measured as empty and not recorded.
  { id: 'squares', params: { n: 100_000, chunk: 7 }, expect: 333_328_333_350_000 },
  { id: 'pi', params: { samples: 100_000, tasks: 4, seed: 42 } },
  { id: 'io', params: { tasks: 4, wait_ms: 100, speed: 1000, cpu: 10 }, expect: 40 },
  { id: 'bank', params: { tasks: 2, rounds: 20_000, lock: 1 }, expect: 0, details: { lost_updates: '0' } },
  { id: 'queue', params: { producers: 2, consumers: 2, items: 5, capacity: 2, produce_ms: 5, consume_ms: 10 }, expect: 10 },
];

test('every workload runs on every executor (main, cooperative, pool, GIL pool) with the same answer', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    for (const w of WORKLOADS) {
      await selectWorkload(page, w.id);
      await setParams(page, w.params);
      const answers = new Set();
      for (const executor of ['main', 'async', 'pool', 'gil']) {
        const r = await runOn(page, executor);
        assert.equal(r.state, 'completed', `${w.id} on ${executor}: ${r.text}`);
        assert.ok(r.spans > 0, `${w.id} on ${executor} recorded spans`);
        if (w.expect !== undefined) assert.equal(r.answer, w.expect, `${w.id} on ${executor}`);
        for (const [key, value] of Object.entries(w.details ?? {})) {
          const detail = page.locator(`#result-${executor} .detail[data-key="${key}"]`);
          assert.equal(await detail.getAttribute('data-value'), String(value), `${w.id} on ${executor}`);
          // Named in words (not by its key), the figure after it.
          const text = await detail.innerText();
          assert.ok(text.endsWith(`: ${value}`) && !text.startsWith(`${key}:`), `${w.id} on ${executor}: ${text}`);
        }
        answers.add(r.answer);
      }
      assert.equal(answers.size, 1, `${w.id}: one answer across executors (${[...answers]})`);
      assert.equal(await page.locator('#compare').getAttribute('data-agree'), 'true', w.id);
    }
    assert.deepEqual(errors, []);
  });
});

test('the pool runs the bank race for real: without a lock the books still balance against lost updates', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'bank');
    await setParams(page, { tasks: 2, rounds: 2_000_000, lock: 0 });
    const r = await runOn(page, 'pool');
    assert.equal(r.state, 'completed');
    const lost = Number(await page.locator('#result-pool .detail[data-key="lost_updates"]').getAttribute('data-value'));
    // Every lost update moves the balance away from 0; with none, it must be exactly 0.
    if (lost === 0) assert.equal(r.answer, 0);
    assert.equal(await page.locator('#compare').count(), 0, 'a racy run is not compared');
    assert.deepEqual(errors, []);
  });
});

for (const executor of ['pool', 'async']) {
  test(`cancel stops a ${executor} run at the next check and the next run works`, async () => {
    await withApp(browser, { isolated: true }, async (page, errors) => {
      await selectWorkload(page, 'io');
      await setParams(page, { tasks: 8, wait_ms: 5_000 });
      await page.click(`#run-${executor}`);
      await page.waitForSelector('#cancel');
      await page.click('#cancel');
      const r = await result(page, executor, 10_000);
      assert.equal(r.state, 'cancelled', r.text);
      assert.ok(r.finished < 8, `only ${r.finished} of 8 tasks finished`);
      // Waits are sleeps of at most 10 ms between checks: the run ended long before any 5 s wait.
      assert.ok(r.ms < 5_000, `cancelled after ${r.ms} ms`);
      await setParams(page, { wait_ms: 10, speed: 1000 });
      assert.equal((await runOn(page, executor)).state, 'completed');
      assert.deepEqual(errors, []);
    });
  });
}

test('a task that raises fails the run, keeps the other results, on every executor', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await setParams(page, { n: 100_000, tasks: 8 });
    await page.selectOption('#fault', 'error');
    for (const executor of ['main', 'async', 'pool', 'gil']) {
      const r = await runOn(page, executor);
      assert.equal(r.state, 'failed', executor);
      assert.match(r.text, /injected error: the task raised/);
      assert.equal(r.finished, 8, `${executor}: every task ended`);
    }
    assert.deepEqual(errors, []);
  });
});

test('a task that panics on the pool is contained: the run fails cleanly and the pool works on', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await setParams(page, { n: 100_000, tasks: 8 });
    await page.selectOption('#fault', 'panic');
    // On the page's own thread a panic would stop the page: those executors refuse it, and say why.
    assert.equal(await page.locator('#run-main').isDisabled(), true);
    assert.equal(await page.locator('#run-async').isDisabled(), true);
    assert.match(await page.locator('#panic-note').innerText(), /cannot unwind/);
    const r = await runOn(page, 'pool');
    assert.equal(r.state, 'failed');
    assert.match(r.text, /panicked: injected panic in a task/);
    assert.equal(r.finished, 8, 'the other tasks finished');
    assert.equal(await page.locator('#lost-workers').getAttribute('data-lost'), '1');

    await page.selectOption('#fault', 'none');
    const again = await runOn(page, 'pool');
    assert.equal(again.state, 'completed');
    assert.equal(again.answer, 9_592);
    // The only console error is the panic's own report.
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /injected panic in a task/);
  });
});

test("the notes' GIL experiment: under a global lock no two counters compute at once, without it they do", async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);
    await selectWorkload(page, 'counter');
    await setParams(page, { n: 20_000_000, tasks: 2 });
    await page.locator('#threads').fill('2');
    const working = (executor) => page.locator(`#result-${executor} .tasks`).getAttribute('data-max-working');
    const gil = await runOn(page, 'gil');
    assert.equal(gil.answer, 40_000_000);
    assert.equal(await working('gil'), '1', 'one lock holder at a time');
    assert.ok(gil.lanes >= 1);
    const pool = await runOn(page, 'pool');
    assert.equal(pool.answer, 40_000_000);
    if (hc >= 2) assert.equal(await working('pool'), '2', 'both counters at once without the lock');
    // The timelines show it: lock-holding and lock-waiting bars under the GIL, plain computing
    // on two worker lanes without it (plus the main thread's lane, always shown).
    const gilTimeline = page.locator('#timeline-svg .timeline-run[data-run="gil"]');
    assert.ok((await gilTimeline.locator('rect.span-locked').count()) >= 2);
    assert.ok((await gilTimeline.locator('rect.span-wait').count()) >= 1);
    const poolTimeline = page.locator('#timeline-svg .timeline-run[data-run="pool"]');
    assert.equal(await poolTimeline.locator('rect.span-locked').count(), 0);
    if (hc >= 2) assert.equal(await poolTimeline.getAttribute('data-lanes'), '3');

    // IO-bound tasks still overlap under the GIL: waiting releases the lock.
    await selectWorkload(page, 'io');
    await setParams(page, { tasks: 2, wait_ms: 1_000, speed: 1000, cpu: 10 });
    await page.locator('#threads').fill('2');
    await runOn(page, 'gil');
    assert.equal(await page.locator('#result-gil .tasks').getAttribute('data-max-io'), '2');
    assert.deepEqual(errors, []);
  });
});

test('the thread sweep runs 1 … pool-size threads and plots one point per count with an Amdahl fit', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const workers = Number(await page.locator('#pool-status').getAttribute('data-threads'));
    await selectWorkload(page, 'pi');
    await setParams(page, { samples: 4_000_000, tasks: 16 });
    await page.click('#sweep-start');
    const chart = page.locator('.sweep-chart');
    await page.waitForFunction(
      (n) => document.querySelector('.sweep-chart')?.dataset.points === String(n) && !document.querySelector('#progress'),
      workers,
      { timeout: 120_000 },
    );
    assert.equal(await chart.locator('circle.point').count(), workers, 'one point per thread count');
    const serial = Number(await chart.getAttribute('data-serial'));
    assert.ok(serial >= 0 && serial <= 1, `serial fraction ${serial}`);
    assert.match(await page.locator('#sweep-summary').innerText(), /serial fraction ≈ \d+\.\d%/);
    assert.equal(await chart.locator('.cores line').count(), 1, 'the logical processor count is marked');
    // Per thread count: speedup, efficiency, Karp–Flatt's e from 2 threads on, and its trend.
    const rows = page.locator('#sweep-table tbody tr');
    assert.equal(await rows.count(), workers);
    assert.equal(await rows.first().getAttribute('data-e'), null, 'no e at 1 thread');
    for (let i = 1; i < workers; i += 1) {
      const e = Number(await rows.nth(i).getAttribute('data-e'));
      assert.ok(Number.isFinite(e) && e > -1 && e < 2, `e at ${i + 1} threads: ${e}`);
    }
    // What e's trend says, within the core count (one thread count to read on 2 cores).
    const trend = await page.locator('#sweep-trend').getAttribute('data-trend');
    assert.match(trend, /^(flat|rising|one-count)$/);
    if (trend === 'one-count') assert.match(await page.locator('#sweep-trend').innerText(), /only one thread count within the core count/);
    else assert.match(await page.locator('#sweep-trend').innerText(), /e (stays about the same|rises with the threads)/);
    assert.deepEqual(errors, []);
  });
});
