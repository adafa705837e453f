// End-to-end: the bank scene of lessons 03 and 04. Each of the four ways to wait really runs
// on the page's event loop and shows its counts; the relations between the ways are what the
// lesson teaches (only polling checks, only the callback customer works meanwhile, only the
// synchronous blocking wait freezes the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp } from './app.mjs';

const MODES = ['sync-blocking', 'sync-polling', 'async-blocking', 'async-callback'];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function runMode(page, mode) {
  await page.click(`#scene-mode-${mode}`);
  await page.waitForSelector(`#scene[data-mode="${mode}"]`);
  await page.click('#scene-run');
  if (mode.startsWith('async')) {
    // The visit runs on the page's event loop: meanwhile no workload run can start beside it.
    const runButtons = page.locator('.run-controls button[id^="run-"]');
    await page.waitForFunction(() => document.querySelector('#scene')?.dataset.state === 'running');
    const states = await runButtons.evaluateAll((bs) => bs.map((b) => b.disabled));
    assert.ok(states.length > 0 && states.every(Boolean), `run buttons during a visit: ${states}`);
  }
  await page.waitForSelector(`#scene[data-mode="${mode}"][data-state="done"]`, { timeout: 30_000 });
  if (mode.startsWith('async')) {
    await page.waitForFunction(() => [...document.querySelectorAll('.run-controls button[id^="run-"]')].some((b) => !b.disabled));
  }
  const row = page.locator(`#scene-row-${mode}`);
  const read = async (name) => Number(await row.getAttribute(`data-${name}`));
  return {
    polls: await read('polls'),
    jobs: await read('jobs'),
    resultMs: await read('result-ms'),
    pickupMs: await read('pickup-ms'),
    gapMs: await read('gap-ms'),
    frames: await read('frames'),
  };
}

test('each way to wait runs for real and shows what the customer did meanwhile', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    // Lesson 03 opens on its first step: the scene, standing in line.
    await page.selectOption('#lesson', '03-sync-vs-async');
    await page.locator('#scene').waitFor();
    assert.equal(await page.locator('#scene').getAttribute('data-mode'), 'sync-blocking', 'the first way by default');
    assert.equal(await page.locator('#scene-freeze').count(), 1, 'the freeze is announced');

    const runs = {};
    for (const mode of MODES) {
      runs[mode] = await runMode(page, mode);
      // The picture ends with the customer served, at the counter.
      assert.equal(await page.locator('.bank-picture').getAttribute('data-doing'), 'served', mode);
      assert.equal(await page.locator('.bank-picture').getAttribute('data-place'), 'counter', mode);
    }
    for (const mode of MODES) {
      const r = runs[mode];
      assert.ok(r.resultMs > 0, `${mode}: a result (${r.resultMs})`);
      assert.ok(r.pickupMs >= 0, `${mode}: never before the teller was done`);
      assert.equal(r.polls > 0, mode === 'sync-polling', `${mode}: polls ${r.polls}`);
      assert.equal(r.jobs > 0, mode === 'async-callback', `${mode}: side jobs ${r.jobs}`);
    }
    const [blocked, callback] = [runs['sync-blocking'], runs['async-callback']];
    // The spin holds the page's only thread for the whole service: one frame gap spans most of
    // the visit, while the callback customer's page keeps painting between jobs.
    assert.ok(blocked.gapMs > 4 * callback.gapMs, `gaps: ${blocked.gapMs} vs ${callback.gapMs}`);
    assert.ok(blocked.gapMs > blocked.resultMs / 2, `the freeze spans the visit: ${blocked.gapMs} of ${blocked.resultMs}`);
    assert.ok(callback.frames > blocked.frames, `frames painted: ${callback.frames} vs ${blocked.frames}`);
    // Polling finds out only at the first glance after the service; a callback on a free loop
    // is called the moment the teller is done.
    const polling = runs['sync-polling'];
    assert.ok(polling.pickupMs > runs['async-blocking'].pickupMs, `pickup: ${polling.pickupMs} vs ${runs['async-blocking'].pickupMs}`);

    // A replay plays the recorded visit again from its start.
    await page.click('#scene-mode-sync-polling');
    await page.click('#scene-replay');
    await page.waitForSelector('.bank-picture:not([data-doing="served"])', { timeout: 5_000 });
    await page.waitForSelector('#scene-replay:not([disabled])', { timeout: 10_000 });
    assert.equal(await page.locator('.bank-picture').getAttribute('data-doing'), 'served');
    assert.deepEqual(errors, []);
  });
});

test('a link opens the scene in a given way, in its lesson', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.selectOption('#lesson', '03-sync-vs-async');
    await page.click('#scene-mode-async-callback');
    const href = await page.locator('#scene-link').getAttribute('href');
    assert.match(href, /scene=async-callback/);
    assert.match(href, /lesson=03-sync-vs-async/);
    assert.match(await page.evaluate(() => location.hash), /scene=async-callback/, 'the address bar follows');

    const link = new URL(href, page.url()).href;
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('#scene[data-mode="async-callback"]', { timeout: 30_000 });
    assert.equal(await page.locator('#lesson-view').getAttribute('data-lesson'), '03-sync-vs-async');
    assert.equal(await page.locator('#scene-mode-async-callback').getAttribute('aria-pressed'), 'true');
    // A lesson without the scene does not show it; the scene's own link still opens it.
    await page.selectOption('#lesson', '07-gil');
    assert.equal(await page.locator('#scene').count(), 0);
    assert.deepEqual(errors, []);
  });
});
