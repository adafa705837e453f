// End-to-end: the learner's progress is kept in the browser (lessons opened, demos run),
// survives a reload, is reset with a notice when the stored value is corrupt, and the page
// works on when storage refuses; the free playground opens from the nav and by link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, runOn, selectWorkload, openDetails } from './app.mjs';

const KEY = 'concurrency-playground.progress';
const POOL_SETTLED = 'main[data-pool="ready"], main[data-pool="failed"]';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Loads `url` afresh (a hash-only change would not reload the page). */
async function reload(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
}

const option = (page, id) => page.locator(`#lesson option[value="${id}"]`);
async function summary(page) {
  const el = page.locator('#lesson-progress');
  return { opened: Number(await el.getAttribute('data-opened')), demos: Number(await el.getAttribute('data-demos')) };
}

test('progress is kept across visits, and a corrupt record is reset with a notice', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const root = new URL('/', page.url()).href;
    // Each test starts from what an earlier one may have left in this browser profile.
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await reload(page, root);
    assert.deepEqual(await summary(page), { opened: 0, demos: 0 });
    assert.ok(await page.locator('#lesson-progress-reset').isDisabled());

    await page.selectOption('#lesson', '01-concurrency-vs-parallelism');
    await page.click('#lesson-next');
    await page.click('#lesson-next');
    // A demo in lesson 03: one executor of its first preset (under Details), and one visit to
    // the bank (the first step's scene).
    await openDetails(page);
    await page.click('#preset-0');
    const run = await runOn(page, 'async');
    assert.equal(run.state, 'completed');
    await page.click('#scene-run');
    await page.waitForSelector('#scene[data-state="done"]', { timeout: 30_000 });
    assert.deepEqual(await summary(page), { opened: 3, demos: 2 });

    await reload(page, root);
    assert.deepEqual(await summary(page), { opened: 3, demos: 2 }, 'kept across a reload');
    for (const id of ['01-concurrency-vs-parallelism', '02-serial-vs-parallel', '03-sync-vs-async']) {
      assert.equal(await option(page, id).getAttribute('data-opened'), 'true', id);
    }
    assert.equal(await option(page, '03-sync-vs-async').getAttribute('data-demos'), '2');
    assert.equal(await option(page, '04-blocking-vs-non-blocking').getAttribute('data-opened'), 'false');
    assert.match(await option(page, '01-concurrency-vs-parallelism').innerText(), /^✓/);
    assert.equal(await page.locator('#lesson-progress-notice').count(), 0);

    // Something that is not a progress record: reset, said once, and the page works on.
    await page.evaluate((key) => localStorage.setItem(key, '{"opened": ["01"], "demos": 7}'), KEY);
    await reload(page, root);
    assert.deepEqual(await summary(page), { opened: 0, demos: 0 });
    assert.equal(await page.locator('#lesson-progress-notice').getAttribute('data-kind'), 'reset');
    await selectWorkload(page, 'pi');
    assert.equal((await runOn(page, 'main')).state, 'completed');
    await reload(page, root);
    assert.equal(await page.locator('#lesson-progress-notice').count(), 0, 'the notice is shown once');

    // Reset by hand.
    await page.selectOption('#lesson', '05-process-thread-coroutine');
    assert.equal((await summary(page)).opened, 1);
    await page.click('#lesson-progress-reset');
    assert.deepEqual(await summary(page), { opened: 0, demos: 0 });
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
    assert.deepEqual(errors, []);
  });
});

test('a browser that refuses to store: a notice, and the page works on', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await reload(page, new URL('/', page.url()).href);
    assert.equal(await page.locator('#lesson-progress-notice').count(), 0, 'nothing to say before a save');
    await page.selectOption('#lesson', '03-sync-vs-async');
    await page.locator('#lesson-progress-notice[data-kind="cannot-save"]').waitFor();
    assert.equal((await summary(page)).opened, 1, 'kept for this visit');
    await openDetails(page);
    await page.click('#preset-0');
    assert.equal((await runOn(page, 'async')).state, 'completed');
    assert.equal((await summary(page)).demos, 1);
    assert.deepEqual(errors, []);
  });
});

test('the playground opens from the nav and by link', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.selectOption('#lesson', '04-blocking-vs-non-blocking');
    await openDetails(page);
    await page.click('#preset-0');
    const executors = () => page.locator('#run-all + .help').innerText().then((t) => t.split(/[:：]\s*/).pop().split(', '));
    // Every executor the page has: one Run button each.
    const all = await page
      .locator('.run-controls .run button[id^="run-"]:not(#run-all)')
      .evaluateAll((bs) => bs.map((b) => b.id.slice('run-'.length)));
    assert.ok(all.length >= 4, all.join(', '));
    assert.ok((await executors()).length < all.length, 'the lesson compares a few executors');
    await page.click('#nav-playground');
    await page.locator('#playground').waitFor();
    assert.equal(await page.locator('#lesson-view').count(), 0, 'no lesson note');
    assert.equal(await page.locator('#scene').count(), 0);
    assert.equal(await page.locator('#nav-playground').getAttribute('aria-pressed'), 'true');
    assert.deepEqual((await executors()).sort(), [...all].sort(), 'every executor on offer');
    assert.equal(await page.locator('#lesson').inputValue(), '');
    const hash = await page.evaluate(() => location.hash);
    assert.doesNotMatch(hash, /lesson=/);

    // By link: a link without a lesson is the playground, with what the link set up.
    await reload(page, new URL('/#v=1&w=pi&x=main,async,pool,gil&lang=en', page.url()).href);
    await page.locator('#playground').waitFor();
    assert.equal(await page.locator('#playground h2').innerText(), 'Playground');
    assert.equal(await page.locator('#workload').inputValue(), 'pi');
    assert.deepEqual(await executors(), ['main', 'async', 'pool', 'gil']);
    assert.equal((await runOn(page, 'gil')).state, 'completed');
    assert.deepEqual(errors, []);
  });
});
