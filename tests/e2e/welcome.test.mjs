// End-to-end: the first visit. The page opens on a card that runs the same work on the main
// thread and on the pool with one click; a ball moved by the page's own frames stops during
// the main-thread run and keeps going during the pool run; the caption says what happened in
// this run's numbers. Without isolation it says why only the main thread ran.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, READY } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const frames = (page) => page.locator('#welcome [data-role="frames"]').innerText().then(Number);

test('first visit: one click runs the work on the main thread and on the pool, and the caption tells what happened', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.waitForSelector(READY, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => location.hash.includes('lesson=')), false, 'no lesson: the home page');
    const card = page.locator('#welcome');
    assert.match(await card.locator('h2').innerText(), /Start here/);
    // The ball moves while the page is idle.
    const a = await frames(page);
    await page.waitForFunction((n) => Number(document.querySelector('#welcome [data-role="frames"]').textContent) > n + 5, a);
    assert.equal(await card.locator('[data-role="caption"]').count(), 0);

    await card.locator('[data-role="run"]').click();
    const caption = card.locator('[data-role="caption"]');
    await caption.waitFor({ timeout: 60_000 });
    // Whether the pool gained is this machine's at this moment: on two cores with other work
    // running (two busy shell loops), Firefox ESR's pool measured 0.77–1.15× the main thread in
    // 4 of 4 runs. The caption must say what happened in the times the results show: at least
    // 1.2× (welcome::GAIN) is "both", less is "no gain" with the device's cores. Within 0.001 of
    // the line the times below (rounded to a microsecond) cannot tell, so either is right there.
    const ms = (e) => page.locator(`#result-${e} .wall-time`).getAttribute('data-ms').then(Number);
    const speedup = (await ms('main')) / (await ms('pool'));
    const outcome = await caption.getAttribute('data-outcome');
    if (Math.abs(speedup - 1.2) > 0.001) assert.equal(outcome, speedup >= 1.2 ? 'both' : 'no-gain', `speedup ${speedup}`);
    const text = await caption.innerText();
    const shown = Number(text.match(/([\d.]+)×/)?.[1]);
    assert.ok(Math.abs(shown - speedup) <= 0.051, `${text} / ${speedup}`);
    assert.match(text, /On the main thread it took [\d.]+ (ms|s), and the page froze/);
    if (outcome === 'both') {
      assert.match(text, /: \d+ frames dropped, [\d.]+ (ms|s) without a single frame/);
      assert.match(text, /On the pool, \d+ threads took [\d.]+ (ms|s), [\d.]+× faster, and the ball kept moving \(\d+ frames dropped\)/);
    } else {
      assert.equal(outcome, 'no-gain');
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      assert.match(text, /On the pool, \d+ threads took [\d.]+ (ms|s): [\d.]+× the main thread's speed, no real gain/);
      assert.ok(text.includes(cores > 1 ? `has ${cores} logical processors` : `reports ${cores} logical processor`), text);
    }
    const poolDropped = await page.locator('#result-pool .frames').getAttribute('data-dropped');
    assert.ok(text.includes(`(${poolDropped} frames dropped)`), `${text} / ${poolDropped}`);
    // The same runs are in the results below, with the frames the page dropped.
    const dropped = Number(await page.locator('#result-main .frames').getAttribute('data-dropped'));
    assert.ok(dropped > 0, 'the main-thread run froze the page');
    assert.ok(text.includes(`${dropped} frames dropped`), `${text} / ${dropped}`);
    // In Chinese too.
    await page.click('#lang-zh');
    assert.match(await caption.innerText(), /主线程用了 .+，这期间页面卡住了/);
    assert.deepEqual(errors, []);
  });
});

test('first visit without isolation: the main thread runs, and the caption says why the pool did not', async () => {
  // No headers and the service worker blocked: the page cannot become isolated.
  const blocked = await launch({ serviceWorkers: 'block' });
  try {
    await withApp(blocked, { isolated: false }, async (page, errors) => {
      await page.locator('#welcome [data-role="run"]').click();
      const caption = page.locator('#welcome [data-role="caption"]');
      await caption.waitFor({ timeout: 60_000 });
      assert.equal(await caption.getAttribute('data-outcome'), 'main-only');
      assert.match(await caption.innerText(), /cannot use the worker pool/);
      assert.deepEqual(errors, []);
    });
  } finally {
    await blocked.close();
  }
});

test('the ball paints frames only while it is on screen: an idle page scrolled past it costs no frames', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.waitForSelector(READY, { timeout: 30_000 });
    const a = await frames(page);
    await page.waitForFunction((n) => Number(document.querySelector('#welcome [data-role="frames"]').textContent) > n + 5, a);
    // Scrolled until the card is out of view: the count stops.
    await page.evaluate(() => {
      document.body.style.minHeight = '400vh';
      window.scrollTo(0, document.querySelector('#welcome').getBoundingClientRect().bottom + window.scrollY + 50);
    });
    await page.waitForTimeout(300);
    const stopped = await frames(page);
    await page.waitForTimeout(500);
    assert.equal(await frames(page), stopped, 'no frames while the ball is off screen');
    // Back in view: it moves again, from where it was.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((n) => Number(document.querySelector('#welcome [data-role="frames"]').textContent) > n + 5, stopped);
    assert.deepEqual(errors, []);
  });
});
