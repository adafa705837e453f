// End-to-end accessibility: axe-core (npm) on the home page, the first step of every lesson,
// a finished step with its graded guess, and the Playground, in 中文 and English: no serious
// or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';
import { withApp } from './app.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Serious and critical violations on the page as it is, each with the first elements it names. */
async function violations(page) {
  // Evaluated by the test driver, not loaded by the page: the page's CSP stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function openLink(page, fragment, ready, arg) {
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction(ready, arg);
  // Fetched notes in place.
  await page.waitForFunction(() => [...document.querySelectorAll('.fetched')].every((f) => f.dataset.loaded !== 'false'));
}

test('axe finds no serious or critical violation on the home page, each lesson\'s first step, a graded step and the Playground, in both languages', { timeout: 300_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const lessons = await page.locator('#lesson option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    const problems = [];
    for (const lang of ['zh', 'en']) {
      const pages = [
        ['home', `v=1&lang=${lang}`, () => !!document.querySelector('#welcome')],
        ...lessons.map((l) => [l, `v=1&lesson=${l}&lang=${lang}`, (id) => document.querySelector('#step-view')?.dataset.lesson === id, l]),
      ];
      for (const [name, fragment, ready, arg] of pages) {
        await openLink(page, fragment, ready, arg);
        for (const v of await violations(page)) problems.push(`${name} (${lang}): ${v.id} [${v.impact}] ${v.nodes.join(', ')}`);
      }
      // A step after its run: the graded guess, the figure, the caption.
      await openLink(page, `v=1&lesson=07-gil&step=relay&lang=${lang}`, () => document.querySelector('#step-view')?.dataset.step === 'relay');
      await page.click('[data-role=predict] [data-choice="1"]');
      await page.click('[data-role=run]');
      await page.waitForSelector('[data-role=caption].filled, [data-role=caption].differs', { timeout: 60_000 });
      for (const v of await violations(page)) problems.push(`graded step (${lang}): ${v.id} [${v.impact}] ${v.nodes.join(', ')}`);
      // The Playground.
      await page.click('#nav-playground');
      await page.locator('#playground').waitFor();
      for (const v of await violations(page)) problems.push(`playground (${lang}): ${v.id} [${v.impact}] ${v.nodes.join(', ')}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
  });
});
