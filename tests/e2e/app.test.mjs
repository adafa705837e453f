// End-to-end: the built app (dist/) in real headless Chromium, served with and without the
// cross-origin-isolation headers. Run by scripts/test.sh after `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const POOL_SETTLED = '#pool-status[data-state="ready"], #pool-status[data-state="failed"], #pool-status[data-state="not-isolated"]';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withApp(isolated, body) {
  const server = await serve({ root: DIST, isolated });
  try {
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
    await body(page, errors);
    await page.close();
  } finally {
    await server.close();
  }
}

async function setLimit(page, n) {
  await page.fill('#limit', String(n));
}

/** Clicks a mode's Run button and waits for its answer; returns { answer, ms, threads }. */
async function runMode(page, mode) {
  await page.click(`#run-${mode} button`);
  await page.waitForSelector(`#run-${mode}[data-state="done"]`, { timeout: 60_000 });
  const card = page.locator(`#run-${mode}`);
  return {
    answer: Number(await card.locator('.answer').getAttribute('data-value')),
    ms: Number(await card.locator('.wall-time').getAttribute('data-ms')),
    threads: Number(await card.locator('.threads').innerText()),
  };
}

/**
 * Records requestAnimationFrame timestamps from now on; returns a function that stops and
 * gives the longest gap between frames (ms). A blocked main thread shows as one long gap.
 */
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__watching = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      window.__watching = false;
      const f = window.__frames;
      let gap = 0;
      for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
      return { gap, frames: f.length };
    });
}

test('isolated: the pool starts with hardwareConcurrency threads and both modes agree', async () => {
  await withApp(true, async (page, errors) => {
    const status = page.locator('#pool-status');
    assert.equal(await status.getAttribute('data-state'), 'ready', await status.innerText());
    assert.equal(await status.getAttribute('data-isolated'), 'true');
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(Number(await status.getAttribute('data-threads')), hc);
    assert.equal(await page.locator('#logical-processors').innerText(), String(hc));

    await setLimit(page, 2_000_000);
    const main = await runMode(page, 'main');
    const pool = await runMode(page, 'pool');
    assert.equal(main.answer, 148_933, 'π(2,000,000)');
    assert.equal(pool.answer, main.answer);
    assert.equal(main.threads, 1);
    assert.equal(pool.threads, hc);
    assert.ok(main.ms > 0 && pool.ms > 0, `times shown: ${main.ms} ms, ${pool.ms} ms`);
    assert.equal(await page.locator('#compare').getAttribute('data-agree'), 'true');
    assert.match(await page.locator('#compare').innerText(), /speedup \d+\.\d\d×/);
    assert.deepEqual(errors, []);
  });
});

test('isolated: a pool run leaves the page responsive, a main-thread run freezes it', async () => {
  await withApp(true, async (page, errors) => {
    await setLimit(page, 6_000_000);

    // Pool: the page keeps painting frames; no gap comes near the run's length.
    let stop = await watchFrames(page);
    await page.click('#run-pool button');
    // The page answers while the pool works: a blocked main thread could not report "running".
    assert.equal(await page.locator('#run-pool').getAttribute('data-state'), 'running');
    await page.waitForSelector('#run-pool[data-state="done"]', { timeout: 60_000 });
    const poolFrames = await stop();
    const poolMs = Number(await page.locator('#run-pool .wall-time').getAttribute('data-ms'));
    assert.ok(
      poolFrames.gap < poolMs / 2,
      `pool run: longest frame gap ${poolFrames.gap.toFixed(1)} ms of a ${poolMs} ms run`,
    );

    // Main thread: one gap as long as (nearly) the whole run — the freeze is the lesson.
    stop = await watchFrames(page);
    await page.click('#run-main button');
    await page.waitForSelector('#run-main[data-state="done"]', { timeout: 60_000 });
    const mainFrames = await stop();
    const mainMs = Number(await page.locator('#run-main .wall-time').getAttribute('data-ms'));
    assert.ok(
      mainFrames.gap >= mainMs * 0.9,
      `main run: longest frame gap ${mainFrames.gap.toFixed(1)} ms of a ${mainMs} ms run`,
    );
    assert.deepEqual(errors, []);
  });
});

test('not isolated: the page explains why the pool is unavailable and the main thread still runs', async () => {
  await withApp(false, async (page, errors) => {
    const status = page.locator('#pool-status');
    assert.equal(await status.getAttribute('data-state'), 'not-isolated');
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    const notice = await page.locator('#isolation-notice').innerText();
    assert.match(notice, /Cross-Origin-Opener-Policy: same-origin/);
    assert.match(notice, /Cross-Origin-Embedder-Policy: require-corp/);
    assert.match(notice, /SharedArrayBuffer/);
    assert.match(notice, /跨源隔离/);
    assert.equal(await page.locator('#run-pool button').isDisabled(), true);

    await setLimit(page, 100_000);
    const main = await runMode(page, 'main');
    assert.equal(main.answer, 9_592, 'π(100,000)');
    assert.deepEqual(errors, []);
  });
});

test('bad sizes are explained and replaced by safe values', async () => {
  await withApp(true, async (page, errors) => {
    await setLimit(page, 'lots');
    assert.match(await page.locator('#limit-notice').innerText(), /Not a number: using 3000000/);
    await setLimit(page, '99999999999999999999');
    assert.match(await page.locator('#limit-notice').innerText(), /Out of range \(10–30000000\): using 30000000/);
    await setLimit(page, '-5');
    assert.match(await page.locator('#limit-notice').innerText(), /using 10\b/);
    const main = await runMode(page, 'main');
    assert.equal(main.answer, 4, 'the clamped size (10) was used: π(10) = 4');
    await setLimit(page, '1,000');
    assert.equal(await page.locator('#limit-notice').count(), 0);
    assert.equal((await runMode(page, 'pool')).answer, 168);
    assert.deepEqual(errors, []);
  });
});
