// End-to-end: the local history in real Chromium. Finished runs are kept across reloads, reopen
// and compare; exports download real files; a corrupted entry, full storage and disabled storage
// each give a notice while the app works on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, downloadFrom, IS_FIREFOX } from './browser.mjs';
import { serve } from './server.mjs';
import { withApp, setParams, runOn, selectWorkload, HISTORY_KEY, POOL_SETTLED, reloadApp, storedHistory } from './app.mjs';

const KEY = HISTORY_KEY;
const DIST = process.env.DIST ?? 'dist';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The history rows on screen, newest first. */
async function rows(page) {
  return page.locator('#history .history-entry').evaluateAll((trs) =>
    trs.map((tr) => ({ id: Number(tr.dataset.id), executor: tr.dataset.executor, state: tr.dataset.state, answer: Number(tr.dataset.answer), workload: tr.dataset.workload })),
  );
}

/** The ids of the runs in storage, oldest first. */
async function storedIds(page) {
  return (await storedHistory(page)).map((line) => Number(new URLSearchParams(line).get('id')));
}

/** Clicks a download button and returns the file's text and name. */
async function download(page, selector) {
  const { name, body } = await downloadFrom(page, () => page.click(selector));
  return { name, text: body.toString('utf8') };
}


test('finished runs are kept across a reload, reopen their configuration, compare, export and clear', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await reloadApp(page);
    assert.equal(await page.locator('#history-empty').count(), 1);
    await setParams(page, { n: 100_000, tasks: 8 });
    await page.locator('#threads').fill('2');
    assert.equal((await runOn(page, 'main')).answer, 9_592);
    const pool = await runOn(page, 'pool');
    assert.equal(pool.answer, 9_592);
    assert.deepEqual(
      (await rows(page)).map((r) => [r.id, r.executor, r.state, r.answer]),
      [[2, 'pool', 'completed', 9_592], [1, 'main', 'completed', 9_592]],
    );
    // The pool run's speedup against the main run is kept with it.
    assert.match(await page.locator('#history-2 .speedup').innerText(), /^\d+\.\d\d×$/);

    // Exports: the spans of the latest run, and the whole history.
    const spansCsv = await download(page, '#spans-export-csv');
    assert.equal(spansCsv.name, 'concurrency-playground-spans-primes-pool.csv');
    const lines = spansCsv.text.trim().split('\r\n');
    assert.equal(lines[0], 'executor,task,lane,kind,start_ms,end_ms,duration_ms');
    assert.equal(lines.length - 1, pool.spans, 'one row per span');
    const spansJson = JSON.parse((await download(page, '#spans-export-json')).text);
    assert.equal(spansJson.spans.length, pool.spans);
    assert.equal(spansJson.answer, 9_592);
    assert.equal(spansJson.threads, 2);
    assert.deepEqual([...spansJson.completion_order].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.ok(spansJson.spans.every((s) => s.end_ms >= s.start_ms && s.start_ms >= 0));

    const csv = await download(page, '#history-export-csv');
    const csvRows = csv.text.trim().split('\r\n');
    assert.equal(csvRows.length, 3);
    assert.match(csvRows[0], /^id,started_utc,workload,executor,threads,outcome,failure,answer,summary,wall_ms,speedup/);
    assert.match(csvRows[1], /^1,\d{4}-\d\d-\d\dT[\d:.]+Z,primes,main,1,completed,,9592,/);
    assert.match(csvRows[2], /^2,[^,]+,primes,pool,2,completed,,9592,/);
    const json = JSON.parse((await download(page, '#history-export-json')).text);
    assert.deepEqual(json.map((e) => [e.id, e.executor, e.threads, e.answer, e.isolated]), [[1, 'main', 1, 9592, true], [2, 'pool', 2, 9592, true]]);
    assert.ok(json[1].speedup > 0 && json[0].speedup === null);
    assert.equal(json[1].logical_processors, await page.evaluate(() => navigator.hardwareConcurrency));
    assert.match(json[1].browser, IS_FIREFOX ? /Firefox/ : /Chrome/);

    // The history survives a reload.
    await reloadApp(page);
    assert.deepEqual((await rows(page)).map((r) => r.id), [2, 1]);
    assert.equal(await page.locator('#history-notice').count(), 0);
    // Its answers read in the page's language.
    assert.match(await page.locator('#history-2 .answer').innerText(), /^9592 primes below 100000/);
    await page.click('#lang-zh');
    assert.match(await page.locator('#history-2 .answer').innerText(), /^100000 以下有 9592 个质数/);
    await page.click('#lang-en');

    // Compare the two.
    await page.check('#history-1 .pick');
    await page.check('#history-2 .pick');
    const compare = page.locator('#history-compare');
    assert.equal(await compare.getAttribute('data-a'), '1');
    assert.match(await compare.getAttribute('data-differences'), /executor threads/);
    assert.ok(Number(await compare.getAttribute('data-ratio')) > 0);
    assert.match(await compare.innerText(), /Both gave the same answer/);

    // Reopen the pool run's configuration after changing it: it comes back, nothing runs.
    await selectWorkload(page, 'squares');
    await page.click('#history-2 .reopen');
    assert.equal(await page.locator('#workload').inputValue(), 'primes');
    assert.equal(await page.locator('#param-n').inputValue(), '100000');
    assert.equal(await page.locator('#param-tasks').inputValue(), '8');
    assert.equal(await page.locator('#threads-value').innerText(), '2');
    assert.equal(await page.locator('#progress').count(), 0, 'reopening does not run');

    // Clear all, after a confirmation; it stays cleared after a reload.
    await page.click('#history-clear');
    await page.click('#history-clear-confirm');
    assert.equal(await page.locator('#history-empty').count(), 1);
    // Storage keeps no runs, only the mark that runs before now were cleared (for other tabs).
    assert.deepEqual(await storedIds(page), []);
    assert.match(await page.evaluate((k) => localStorage.getItem(k), KEY), /^v=1&since=\d/);
    await reloadApp(page);
    assert.equal(await page.locator('#history-empty').count(), 1);
    assert.deepEqual(errors, []);
  });
});

test('two tabs add to one history: each sees the other\'s runs at once, and neither writes over them', async () => {
  await withApp(browser, { isolated: true }, async (a, errors) => {
    await a.evaluate((k) => localStorage.removeItem(k), KEY);
    await reloadApp(a);
    // The second tab: the same page, opened beside the first.
    const { page: b, errors: bErrors } = await open(browser.context, a.url());
    await b.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
    await setParams(a, { n: 100_000, tasks: 8 });
    assert.equal((await runOn(a, 'main')).answer, 9_592);
    // Tab B lists tab A's run without a reload…
    await b.waitForSelector('#history .history-entry', { timeout: 10_000 });
    assert.deepEqual((await rows(b)).map((r) => [r.id, r.executor]), [[1, 'main']]);
    // …and its own run goes after it, instead of replacing it.
    await selectWorkload(b, 'pi');
    await setParams(b, { samples: 1_000_000 });
    await runOn(b, 'async');
    await a.waitForFunction(() => document.querySelectorAll('#history .history-entry').length === 2);
    for (const page of [a, b]) {
      assert.deepEqual((await rows(page)).map((r) => [r.id, r.executor, r.workload]), [[2, 'async', 'pi'], [1, 'main', 'primes']]);
    }
    // What storage holds is the same, as a reload shows.
    await reloadApp(a);
    assert.deepEqual((await rows(a)).map((r) => r.id), [2, 1]);
    await b.waitForFunction(() => document.querySelectorAll('#history .history-entry').length === 2);

    // Two runs saved at once: B writes its list as it was before it heard of run 2 (what the
    // app does when both finish within the same moment). A hears of it, puts run 2 back and
    // saves; B takes that. Nothing is lost.
    await b.evaluate((k) => {
      const lines = localStorage.getItem(k).split('\n');
      localStorage.setItem(k, lines.filter((l) => !/(^|&)id=2(&|$)/.test(l)).join('\n'));
    }, KEY);
    await b.waitForFunction((k) => /(^|&)id=2(&|$)/m.test(localStorage.getItem(k)), KEY);
    assert.deepEqual(await storedIds(b), [1, 2]);
    assert.deepEqual((await rows(b)).map((r) => r.id), [2, 1]);

    // B clears: A empties too, and does not put its runs back.
    await b.click('#history-clear');
    await b.click('#history-clear-confirm');
    await a.waitForSelector('#history-empty');
    await a.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await storedIds(a), []);
    assert.equal(await b.locator('#history-empty').count(), 1);
    assert.deepEqual([...errors, ...bErrors], []);
    await b.close();
  });
});

test('a corrupted entry is dropped alone, with a notice; the others survive', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await reloadApp(page);
    await setParams(page, { n: 100_000, tasks: 4 });
    for (const executor of ['main', 'async', 'pool']) await runOn(page, executor);
    const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const lines = stored.split('\n');
    assert.equal(lines.length, 3);
    // Break the middle entry, and add garbage around it.
    lines[1] = lines[1].replace(/&ms=[^&]+/, '&ms=not-a-time');
    const corrupted = ['{"json":"from somewhere else"}', ...lines, '\u0000\uFFFD%%%', lines[0].slice(0, 30)].join('\n');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupted]);
    await reloadApp(page);
    assert.deepEqual((await rows(page)).map((r) => r.executor), ['pool', 'main']);
    const notice = page.locator('#history-notice [data-kind="corrupted"]');
    assert.match(await notice.innerText(), /4 stored run\(s\) could not be read/);
    // The app works on, and the history is saved clean again.
    assert.equal((await runOn(page, 'main')).answer, 9_592);
    assert.equal((await rows(page)).length, 3);
    const clean = await page.evaluate((k) => localStorage.getItem(k), KEY);
    assert.equal(clean.split('\n').length, 3);
    await page.click('#history-notice-dismiss');
    assert.equal(await page.locator('#history-notice').count(), 0);
    assert.deepEqual(errors, []);
  });
});

test('full storage: a notice, the run is still listed, and saving resumes when there is room', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await reloadApp(page);
    // Fill the site's storage quota with another key.
    const filled = await page.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      let i = 0;
      while (chunk.length > 16) {
        try {
          localStorage.setItem(`filler-${i++}`, chunk);
        } catch {
          chunk = chunk.slice(0, chunk.length / 2);
        }
      }
      return i;
    });
    assert.ok(filled > 1);
    await setParams(page, { n: 100_000, tasks: 4 });
    assert.equal((await runOn(page, 'main')).answer, 9_592);
    await page.locator('#history-notice [data-kind="full"]').waitFor();
    assert.match(await page.locator('#history-notice').innerText(), /storage is full/);
    assert.equal((await rows(page)).length, 1, 'the run is listed for this page');
    // Room again: the next run saves everything and the notice goes.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
    });
    assert.equal((await runOn(page, 'async')).answer, 9_592);
    await page.locator('#history-notice').waitFor({ state: 'detached' });
    assert.deepEqual(await storedIds(page), [1, 2]);
    assert.deepEqual(errors, []);
  });
});

test('storage disabled by the browser: a notice, runs are listed for the page, and nothing breaks', async () => {
  const blocked = await launch({ blockSiteData: true });
  const server = await serve({ root: DIST, isolated: true });
  try {
    const { page, errors } = await open(blocked.context, server.url);
    await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => { try { localStorage.length; return 'allowed'; } catch (e) { return e.name; } }), 'SecurityError');
    const notice = page.locator('#history-notice [data-kind="unavailable"]');
    assert.match(await notice.innerText(), /does not let the page store data/);
    await setParams(page, { n: 100_000, tasks: 4 });
    for (const executor of ['main', 'pool']) assert.equal((await runOn(page, executor)).answer, 9_592);
    assert.deepEqual((await rows(page)).map((r) => r.executor), ['pool', 'main']);
    assert.equal(await page.locator('#crash').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await blocked.close();
    await server.close();
  }
});
