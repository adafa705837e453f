// End-to-end faults: a panicking task, a cancelled run, a run asked for while another is in
// progress, and the tab frozen in the background mid-run and brought back. Each ends in a clear
// state, and every finished run is in the history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, setParams, runOn, result, selectWorkload, HISTORY_KEY, storedHistory } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const KEY = HISTORY_KEY;

/** Starts with an empty history. */
async function freshHistory(page) {
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await page.waitForSelector('main[data-pool=\"ready\"]', { timeout: 30_000 });
}

/** The history as stored (what survives the page), oldest first: [executor, outcome]. */
async function stored(page) {
  return (await storedHistory(page)).map((line) => {
    const p = new URLSearchParams(line);
    return [p.get('x'), p.get('end')];
  });
}

test('a panicking task fails its run cleanly; the run is kept, and the next one works', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await freshHistory(page);
    await setParams(page, { n: 100_000, tasks: 8 });
    await page.selectOption('#fault', 'panic');
    const failed = await runOn(page, 'pool');
    assert.equal(failed.state, 'failed');
    await page.selectOption('#fault', 'none');
    assert.equal((await runOn(page, 'pool')).state, 'completed');
    assert.deepEqual(await stored(page), [['pool', 'failed'], ['pool', 'completed']]);
    assert.match(await page.locator('#history-1 .answer').innerText(), /panicked/);
    assert.equal(await page.locator('#crash').count(), 0);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /injected panic in a task/);
  });
});

test('cancelled runs end as cancelled, are kept, and the page runs again', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await freshHistory(page);
    await selectWorkload(page, 'io');
    for (const executor of ['async', 'pool']) {
      await setParams(page, { tasks: 8, wait_ms: 5_000 });
      await page.click(`#run-${executor}`);
      await page.waitForSelector('#cancel');
      await page.click('#cancel');
      const r = await result(page, executor, 15_000);
      assert.equal(r.state, 'cancelled', r.text);
    }
    await setParams(page, { tasks: 2, wait_ms: 10 });
    assert.equal((await runOn(page, 'async')).state, 'completed');
    assert.deepEqual(await stored(page), [['async', 'cancelled'], ['pool', 'cancelled'], ['async', 'completed']]);
    assert.deepEqual(errors, []);
  });
});

test('a run asked for while another is in progress is refused; the first finishes and is kept alone', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await freshHistory(page);
    await selectWorkload(page, 'io');
    // Real-time waits (speed 100 %): four tasks of 1.5 s each; the answer is the ms waited.
    await setParams(page, { tasks: 4, wait_ms: 1_500, speed: 100, cpu: 10 });
    await page.click('#run-pool');
    await page.waitForSelector('#progress');
    for (const id of ['main', 'async', 'pool', 'gil', 'all']) {
      assert.equal(await page.locator(`#run-${id}`).isDisabled(), true, `#run-${id} is disabled during a run`);
    }
    // Even a button forced back on (a stale page, a script) starts nothing: the state says busy.
    await page.evaluate(() => {
      for (const id of ['run-main', 'run-async', 'run-all']) {
        const b = document.getElementById(id);
        b.disabled = false;
        b.click();
      }
    });
    const r = await result(page, 'pool', 20_000);
    assert.equal(r.state, 'completed');
    assert.equal(r.answer, 6_000);
    assert.equal(await page.locator('#result-main').count(), 0, 'no main-thread run started');
    assert.equal(await page.locator('#result-async').count(), 0, 'no cooperative run started');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#progress').count(), 0, 'nothing queued behind it');
    assert.deepEqual(await stored(page), [['pool', 'completed']]);
    assert.deepEqual(errors, []);
  });
});

// Headless Chromium keeps every page visible: bringing another page to the front, opening a
// tab in the same window, minimizing the window and Page.setWebLifecycleState('frozen') all
// left visibilityState 'visible' and fired no freeze event here (also headful under Xvfb).
// So the test does to the page what hiding its tab does, from inside: visibilityState turns
// 'hidden', a visibilitychange fires, and requestAnimationFrame callbacks are held back until
// the tab is shown (a hidden tab paints no frames), then released; cancelAnimationFrame still
// cancels them, as it does in a hidden tab.
async function hideTab(page) {
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    const held = new Map();
    let next = 1e9;
    window.requestAnimationFrame = (cb) => {
      held.set(++next, cb);
      return next;
    };
    window.cancelAnimationFrame = (id) => (held.has(id) ? held.delete(id) : cancel(id));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.__showTab = () => {
      delete document.visibilityState;
      delete document.hidden;
      window.requestAnimationFrame = raf;
      window.cancelAnimationFrame = cancel;
      for (const cb of held.values()) raf(cb);
      held.clear();
      document.dispatchEvent(new Event('visibilitychange'));
    };
  });
}

for (const executor of ['pool', 'async']) {
  test(`the tab hidden mid-run (${executor}): the run ends and is kept while hidden, and the page works when shown`, async () => {
    await withApp(browser, { isolated: true }, async (page, errors) => {
      await freshHistory(page);
      await selectWorkload(page, 'io');
      // Four real-time waits of 1 s: the answer is the ms waited.
      await setParams(page, { tasks: 4, wait_ms: 1_000, speed: 100, cpu: 10 });
      await page.click(`#run-${executor}`);
      await page.waitForSelector('#progress');
      await hideTab(page);
      assert.equal(await page.evaluate(() => document.visibilityState), 'hidden');
      // While hidden, the run finishes: its result and its history entry do not wait for a frame.
      await page.waitForSelector(`#result-${executor}`, { timeout: 20_000 });
      await page.waitForSelector('#progress', { state: 'detached', timeout: 5_000 });
      assert.deepEqual(await stored(page), [[executor, 'completed']]);
      await page.evaluate(() => window.__showTab());
      const r = await result(page, executor, 10_000);
      assert.equal(r.state, 'completed', r.text);
      assert.equal(r.answer, 4_000);
      assert.equal(r.finished, 4);
      // The page is live: the next run works.
      await setParams(page, { wait_ms: 10 });
      assert.equal((await runOn(page, executor)).state, 'completed');
      assert.deepEqual(await stored(page), [[executor, 'completed'], [executor, 'completed']]);
      assert.deepEqual(errors, []);
    });
  });
}
