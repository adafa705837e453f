// End-to-end: the process-like executor — workers with their own wasm instance and memory,
// arguments and results copied by message — in real Chromium, isolated or not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, selectWorkload, setParams, runOn } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * An executor's timeline, lane by lane (the page's main thread first, then the workers; a lane
 * may span several rows): how many bars of each kind it has.
 */
function lanesOf(page, executor) {
  return page.locator(`#timeline-svg .timeline-run[data-run="${executor}"] g.timeline-row`).evaluateAll((rows) => {
    const lanes = [];
    for (const row of rows) {
      const name = row.getAttribute('data-lane');
      let lane = lanes.find((l) => l.name === name);
      if (!lane) lanes.push((lane = { name, kinds: {} }));
      for (const rect of row.querySelectorAll('rect.span')) {
        const kind = [...rect.classList].find((c) => c.startsWith('span-') && c !== 'span');
        lane.kinds[kind] = (lane.kinds[kind] ?? 0) + 1;
      }
    }
    return lanes;
  });
}

/** The worker lanes (all but the first, the main thread's) that show copying and computing. */
function copyAndCompute(lanes) {
  return lanes.slice(1).filter(({ kinds }) => kinds['span-copy'] > 0 && kinds['span-compute'] > 0);
}

/** Start-up bars on the worker lanes: a worker (a new process) loading before its first batch. */
function startBars(lanes) {
  return lanes.slice(1).reduce((n, { kinds }) => n + (kinds['span-start'] ?? 0), 0);
}

async function runsPrimesOnProcesses(page) {
  await selectWorkload(page, 'primes');
  await setParams(page, { n: 200_000, tasks: 16 });
  await page.locator('#threads').fill('2');
  const r = await runOn(page, 'procs');
  assert.equal(r.state, 'completed', r.text);
  assert.equal(r.answer, 17_984);
  assert.equal(r.finished, 16);
  const lanes = await lanesOf(page, 'procs');
  assert.ok(copyAndCompute(lanes).length >= 1, `copy and compute bars on a worker lane: ${JSON.stringify(lanes)}`);
  // Nothing of the run happens on the page's own thread.
  assert.equal(Object.keys(lanes[0].kinds).length, 0, JSON.stringify(lanes));
  return r;
}

test('process workers run a CPU workload with the right answer, copying and computing on worker lanes', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await runsPrimesOnProcesses(page);
    // The first run started its two workers: their start-up is on the timeline and in its legend.
    const first = await lanesOf(page, 'procs');
    assert.ok(first.slice(1).every(({ kinds }) => kinds['span-start'] === 1), JSON.stringify(first));
    assert.equal(await page.locator('#timeline .timeline-legend li[data-kind="start"]').count(), 1);
    // The same workers again (reused), and then with a fresh worker per batch: same answer.
    const again = await runOn(page, 'procs');
    assert.equal(again.answer, 17_984);
    assert.equal(startBars(await lanesOf(page, 'procs')), 0, 'kept workers do not start again');
    const fresh = await runOn(page, 'procs-fresh');
    assert.equal(fresh.state, 'completed', fresh.text);
    assert.equal(fresh.answer, 17_984);
    assert.equal(startBars(await lanesOf(page, 'procs-fresh')), 8, 'each fresh worker starts on the timeline');
    // The wall chart gives starting its own part of each bar: the fresh run's, not the reused one's.
    const startMs = (executor) => page.locator(`#wall-chart-svg .wall-row[data-executor="${executor}"]`).getAttribute('data-start').then(Number);
    assert.ok((await startMs('procs-fresh')) > 0);
    assert.equal(await startMs('procs'), 0);
    // Reused workers start none; fresh ones start one per batch (16 tasks on 2: 8 batches).
    const started = (executor) => page.locator(`#result-${executor} .detail[data-key="workers_started"]`).innerText();
    assert.equal(await started('procs'), 'workers started: 0');
    assert.equal(await started('procs-fresh'), 'workers started: 8');
    assert.match(await page.locator('#result-procs-fresh .detail[data-key="start_ms_per_worker"]').innerText(), /^start-up per worker \(ms\): \d+\.\d$/);
    assert.equal(await page.locator('#compare').getAttribute('data-agree'), 'true');
    assert.deepEqual(errors, []);
  });
});

// The engine tests' small sizes; the queue is refused on processes (its own test below).
const WORKLOADS = [
  { id: 'counter', params: { n: 2_000_000, tasks: 3 }, expect: 6_000_000 },
  { id: 'primes', params: { n: 200_000, tasks: 16, list: 0 }, expect: 17_984 },
  { id: 'primes', params: { list: 1 } },
  { id: 'squares', params: { n: 1_000, chunk: 7 }, expect: 332_833_500 },
  { id: 'pi', params: { samples: 100_000, tasks: 4, seed: 42 } },
  { id: 'io', params: { tasks: 4, wait_ms: 100, speed: 1000, cpu: 10 }, expect: 40 },
  { id: 'bank', params: { tasks: 2, rounds: 20_000, lock: 0 }, expect: 0 },
];

test('every workload but the queue runs on process workers with the answer the page gets on its own thread', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.locator('#threads').fill('2');
    for (const w of WORKLOADS) {
      await selectWorkload(page, w.id);
      await setParams(page, w.params);
      const own = await runOn(page, 'async');
      const procs = await runOn(page, 'procs');
      assert.equal(procs.state, 'completed', `${w.id}: ${procs.text}`);
      assert.ok(procs.spans > 0, `${w.id}: spans`);
      assert.equal(procs.answer, own.answer, `${w.id}: the same answer as on the page's thread`);
      if (w.expect !== undefined) assert.equal(procs.answer, w.expect, w.id);
    }
    assert.deepEqual(errors, []);
  });
});

test('whose list? threads append to the page’s list, processes to their own copies', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'shared_list');
    // A long list (16 MB): the first append to it moves it (milliseconds), so every task's
    // computing is long enough to time even on a coarse clock (Firefox's ticks are 20 µs).
    const N = 4_000_000;
    await setParams(page, { length: N, appends: 5, tasks: 4 });
    await page.locator('#threads').fill('2');
    const detail = (executor, key) =>
      page.locator(`#result-${executor} .detail[data-key="${key}"]`).innerText();

    const pool = await runOn(page, 'pool');
    assert.equal(pool.state, 'completed', pool.text);
    assert.equal(pool.answer, N + 20, 'shared memory: the page sees every append');
    assert.equal(await detail('pool', 'longest_seen_by_a_task'), `longest list a task saw: ${N + 20}`);

    const procs = await runOn(page, 'procs');
    assert.equal(procs.state, 'completed', procs.text);
    assert.equal(procs.answer, N, "separate memory: the page's list is unchanged");
    const seen = Number((await detail('procs', 'longest_seen_by_a_task')).split(': ')[1]);
    // Each task appended to its worker's copy: it saw its own 5 and at most its worker's others,
    // never all 20 on 2 workers unless one worker ran every task.
    assert.ok(seen > N && seen <= N + 20, `a copy grew: ${seen}`);
    const lanes = await lanesOf(page, 'procs');
    assert.ok(copyAndCompute(lanes).length >= 1, JSON.stringify(lanes));
    // The pool's lanes never copy: they share the page's memory.
    const poolLanes = await lanesOf(page, 'pool');
    assert.ok(poolLanes.length >= 2 && poolLanes.every(({ kinds }) => !kinds['span-copy']), JSON.stringify(poolLanes));
    assert.deepEqual(errors, []);
  });
});

test('without cross-origin isolation the pool is unavailable but process workers still run', async () => {
  // Service workers blocked: otherwise coi-serviceworker would make the page isolated.
  const blocked = await launch({ serviceWorkers: 'block' });
  try {
    await withApp(blocked, { isolated: false }, async (page, errors) => {
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
      assert.equal(await page.locator('#pool-status').getAttribute('data-state'), 'not-isolated');
      assert.equal(await page.locator('#run-pool').isDisabled(), true);
      assert.equal(await page.locator('#run-procs').isDisabled(), false);
      assert.match(await page.locator('#procs-without-isolation').innerText(), /need no isolation/);
      await selectWorkload(page, 'shared_list');
      await setParams(page, { length: 100, appends: 1, tasks: 2 });
      const list = await runOn(page, 'procs');
      assert.equal(list.state, 'completed', list.text);
      assert.equal(list.answer, 100);
      await selectWorkload(page, 'primes');
      await setParams(page, { n: 200_000, tasks: 16 });
      const r = await runOn(page, 'procs');
      assert.equal(r.state, 'completed', r.text);
      assert.equal(r.answer, 17_984);
      assert.ok(copyAndCompute(await lanesOf(page, 'procs')).length >= 1);
      assert.deepEqual(errors, []);
    });
  } finally {
    await blocked.close();
  }
});

test('a panic kills only its own process worker; the queue is refused with a reason; cancel ends the workers', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'primes');
    await setParams(page, { n: 100_000, tasks: 8 });
    await page.locator('#threads').fill('2');
    await page.selectOption('#fault', 'panic');
    const crashed = await runOn(page, 'procs');
    assert.equal(crashed.state, 'failed');
    assert.match(crashed.text, /panicked: injected panic in a task/);
    assert.equal(crashed.finished, 8, 'the other tasks finished on other workers');
    await page.selectOption('#fault', 'none');
    const again = await runOn(page, 'procs');
    assert.equal(again.answer, 9_592);
    // The pool lost no worker: the panic happened in a separate instance.
    assert.equal(await page.locator('#lost-workers').count(), 0);

    await selectWorkload(page, 'queue');
    const queue = await runOn(page, 'procs');
    assert.equal(queue.state, 'failed');
    assert.match(queue.text, /share one queue/);

    // A long run, cancelled: the workers are ended and the run reports cancelled.
    await selectWorkload(page, 'counter');
    // 8 × 10⁹ counts on 2 workers: seconds of work, so the run is still going when Cancel is
    // pressed however quiet the machine.
    await setParams(page, { n: 1_000_000_000, tasks: 8 });
    await page.click('#run-procs');
    await page.waitForSelector('#cancel');
    // The live timeline says why progress grows batch by batch (the pool's does not).
    assert.match(await page.locator('#live-by-batch').innerText(), /progress grows batch by batch/);
    await page.waitForTimeout(300);
    await page.click('#cancel');
    await page.waitForSelector('#progress', { state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('#result-procs').getAttribute('data-state'), 'cancelled');
    // And the next run starts new workers and completes.
    await setParams(page, { n: 2_000_000, tasks: 2 });
    const after = await runOn(page, 'procs');
    assert.equal(after.answer, 4_000_000);
    // The only console errors are the panic's own reports (its hook, and the aborted instance).
    assert.ok(errors.every((e) => /injected panic|unreachable/.test(e)), errors.join('\n'));
  });
});

test('process workers report their bars while a batch runs, and keep them when the run is cancelled', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    // One worker, 40 waits of 1 s: batches of 10 tasks, 10 s each.
    await selectWorkload(page, 'io');
    await setParams(page, { tasks: 40, wait_ms: 1000, random: 0, speed: 100, cpu: 0 });
    await page.locator('#threads').fill('1');
    await page.click('#run-procs');
    // The worker's start-up is the first bar (the page draws it). Then bars arrive while the
    // first batch runs, a few with each task. A reply would bring its whole batch at once (12
    // spans or more: two copies and ten waits), and no task is done before it.
    await page.waitForFunction(() => {
      const spans = Number(document.querySelector('#live-timeline')?.dataset.spans);
      return spans > 1 && spans < 1 + 12;
    });
    assert.equal(await page.getAttribute('#progress', 'data-done'), '0');
    await page.click('#cancel');
    await page.waitForSelector('#progress', { state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('#result-procs').getAttribute('data-state'), 'cancelled');
    // The worker was ended mid-batch, before any reply; what it reported stays on its lane.
    const [, worker] = await lanesOf(page, 'procs');
    assert.equal(worker.kinds['span-start'], 1, JSON.stringify(worker));
    assert.ok(worker.kinds['span-copy'] >= 1, JSON.stringify(worker));
    assert.ok(worker.kinds['span-io'] >= 1 && worker.kinds['span-io'] < 10, JSON.stringify(worker));
    assert.deepEqual(errors, []);
  });
});
