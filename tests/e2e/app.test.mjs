// End-to-end: the built app (dist/) in real headless Chromium, served with and without the
// cross-origin-isolation headers. Run by scripts/test.sh after `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, setParams, runOn, result, watchFrames } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('isolated: the pool starts, and every executor gives the same answer', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const status = page.locator('#pool-status');
    assert.equal(await status.getAttribute('data-state'), 'ready', await status.innerText());
    assert.equal(await status.getAttribute('data-isolated'), 'true');
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(Number(await status.getAttribute('data-default-threads')), hc, 'runs use hardwareConcurrency threads');
    assert.equal(Number(await status.getAttribute('data-threads')), Math.min(2 * hc, 32), 'room to oversubscribe');
    assert.equal(await page.locator('#logical-processors').innerText(), String(hc));

    await setParams(page, { n: 2_000_000 });
    const runs = {};
    for (const executor of ['main', 'async', 'pool']) runs[executor] = await runOn(page, executor);
    for (const [executor, r] of Object.entries(runs)) {
      assert.equal(r.state, 'completed', executor);
      assert.equal(r.answer, 148_933, `${executor}: π(2,000,000)`);
      assert.ok(r.ms > 0, `${executor} shows a time`);
      assert.equal(r.finished, 64, `${executor}: every task finished`);
    }
    assert.equal(runs.main.lanes, 1);
    assert.equal(runs.async.lanes, 1);
    assert.equal(runs.pool.lanes, Math.min(hc, 64), 'the pool run used hardwareConcurrency lanes');
    assert.equal(await page.locator('#compare').getAttribute('data-agree'), 'true');
    assert.deepEqual(errors, []);
  });
});

test('isolated: pool and cooperative runs keep the page painting, a synchronous run freezes it', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await setParams(page, { n: 6_000_000 });
    for (const executor of ['pool', 'async']) {
      const stop = await watchFrames(page);
      await page.click(`#run-${executor}`);
      // The page answers while the run goes on: a blocked main thread could not show progress.
      await page.waitForSelector(`#progress[data-executor="${executor}"]`);
      const r = await result(page, executor);
      const frames = await stop();
      assert.ok(frames.gap < r.ms / 2, `${executor}: longest frame gap ${frames.gap.toFixed(1)} ms of a ${r.ms} ms run`);
    }
    const stop = await watchFrames(page);
    const main = await runOn(page, 'main');
    const frames = await stop();
    assert.ok(frames.gap >= main.ms * 0.9, `main: longest frame gap ${frames.gap.toFixed(1)} ms of a ${main.ms} ms run`);
    // The app's own frame meter saw the same freeze.
    assert.ok(main.dropped >= Math.floor((main.ms * 0.9) / 16.7) - 1, `main dropped ${main.dropped} frames`);
    assert.deepEqual(errors, []);
  });
});

test('not isolated: the page explains why the pool is unavailable; main-thread executors still run', async () => {
  // Without headers the service worker would isolate the page (tests/e2e/hosting.test.mjs):
  // blocked here, the page stays as the server sent it.
  const blocked = await launch({ serviceWorkers: 'block' });
  try {
    await withApp(blocked, { isolated: false }, async (page, errors) => {
      assert.equal(await page.locator('#pool-status').getAttribute('data-state'), 'not-isolated');
      assert.equal(await page.evaluate(() => crossOriginIsolated), false);
      const notice = await page.locator('#isolation-notice').innerText();
      assert.match(notice, /Cross-Origin-Opener-Policy: same-origin/);
      assert.match(notice, /Cross-Origin-Embedder-Policy: require-corp/);
      assert.match(notice, /SharedArrayBuffer/);
      assert.equal(await page.locator('#run-pool').isDisabled(), true);

      await setParams(page, { n: 100_000 });
      assert.equal((await runOn(page, 'main')).answer, 9_592, 'π(100,000)');
      assert.equal((await runOn(page, 'async')).answer, 9_592);
      assert.deepEqual(errors, []);
    });
  } finally {
    await blocked.close();
  }
});

test('bad parameters are explained and replaced by safe values', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.fill('#param-n', 'lots');
    assert.match(await page.locator('#param-n-notice').innerText(), /Not a number: using 3000000/);
    await page.fill('#param-n', '99999999999999999999');
    assert.match(await page.locator('#param-n-notice').innerText(), /Out of range \(10–30000000\): using 30000000/);
    await page.fill('#param-n', '-5');
    assert.match(await page.locator('#param-n-notice').innerText(), /using 10\b/);
    await page.fill('#param-tasks', '0');
    const r = await runOn(page, 'main');
    assert.equal(r.answer, 4, 'the clamped size (10) was used: π(10) = 4');
    await page.fill('#param-n', '1,000');
    assert.equal(await page.locator('#param-n-notice').count(), 0);
    assert.equal((await runOn(page, 'pool')).answer, 168);
    assert.deepEqual(errors, []);
  });
});

test('a synchronous run that would freeze the page for seconds asks first', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await setParams(page, { n: 30_000_000 });
    await page.click('#run-main');
    await page.waitForSelector('#confirm');
    assert.match(await page.locator('#confirm').innerText(), /freeze the page for about \d+ s/);
    await page.click('#confirm-dismiss');
    assert.equal(await page.locator('#confirm').count(), 0);
    assert.equal(await page.locator('#progress').count(), 0, 'nothing ran');
    assert.equal(await page.locator('#result-main').count(), 0);
    assert.deepEqual(errors, []);
  });
});
