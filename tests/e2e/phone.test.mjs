// End-to-end at a phone's size (390×844): no page is wider than the screen — the home page and
// every lesson in 中文, English and both, and a page full of results (table, timelines,
// insight cards, the thread sweep). Selects with long options, Python snippets and wide
// drawings keep to their own boxes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp, selectWorkload, setParams, runOn, READY } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The page's width, and the elements that stick out (outside scrolling boxes), if any. */
const overflow = (page) =>
  page.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (b.right > W + 1 && b.width > 0 && !el.closest('pre, svg')) out.push(`${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join('.')}`);
    }
    return { width: document.documentElement.scrollWidth, out: out.slice(0, 5) };
  });

test('at 390×844 no page scrolls sideways: home, every lesson in every language, and results', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.waitForSelector(READY, { timeout: 30_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    const lessons = await page.locator('#lesson option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(lessons.length, 16);
    for (const lang of ['zh', 'en', 'both']) {
      for (const id of ['', ...lessons]) {
        await page.evaluate(([i, l]) => { location.hash = i ? `v=1&lesson=${i}&lang=${l}` : `v=1&lang=${l}`; }, [id, lang]);
        await page.waitForFunction(([i]) => (document.querySelector('#lesson')?.value ?? '') === i, [id]);
        const o = await overflow(page);
        assert.ok(o.width <= 390, `${lang} ${id || 'home'}: ${o.width} px wide (${o.out.join(', ')})`);
      }
    }
    // A page full of results.
    await page.evaluate(() => { location.hash = 'v=1&lang=en'; });
    await selectWorkload(page, 'counter');
    await setParams(page, { n: 20_000_000, tasks: 2 });
    for (const executor of ['main', 'async', 'pool', 'gil']) assert.equal((await runOn(page, executor)).state, 'completed');
    await page.click('#sweep-start');
    await page.waitForFunction(() => document.querySelector('#sweep-table') && !document.querySelector('#progress'), null, { timeout: 60_000 });
    const o = await overflow(page);
    assert.ok(o.width <= 390, `with results: ${o.width} px wide (${o.out.join(', ')})`);
    assert.deepEqual(errors, []);
  });
});

test('at 390×844 sizes change with steppers, no typing: + and − walk 1, 2, 5, 10, … within the bounds', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await selectWorkload(page, 'primes');
    const field = page.locator('.field', { has: page.locator('#param-n') });
    const up = field.locator('[data-role=nudge-up]');
    const down = field.locator('[data-role=nudge-down]');
    for (const b of [up, down]) {
      const box = await b.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
    }
    assert.equal(await page.inputValue('#param-n'), '3000000');
    await up.click();
    assert.equal(await page.inputValue('#param-n'), '5000000');
    await down.click();
    assert.equal(await page.inputValue('#param-n'), '2000000');
    await down.click();
    assert.equal(await page.inputValue('#param-n'), '1000000');
    // The top of the range: + stops there and turns off.
    for (let i = 0; i < 6; i++) if (await up.isEnabled()) await up.click();
    assert.equal(await page.inputValue('#param-n'), '30000000');
    assert.equal(await up.isDisabled(), true);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
    assert.deepEqual(errors, []);
  });
});
