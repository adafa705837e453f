// End-to-end: every lesson opens in both languages, shows its note, snippet and demos, and
// its first demo runs to completion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every lesson opens in 中文 and English and its first demo runs', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const ids = await page.locator('#lesson option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(ids.length, 16, ids.join(', '));
    for (const [i, id] of ids.entries()) {
      await page.selectOption('#lesson', id);
      const view = page.locator('#lesson-view');
      assert.equal(await view.getAttribute('data-lesson'), id);
      assert.equal(await page.locator('#lesson-prev').isDisabled(), i === 0, `${id}: previous`);
      assert.equal(await page.locator('#lesson-next').isDisabled(), i === ids.length - 1, `${id}: next`);

      await page.click('#lang-zh');
      assert.equal(await view.locator('article.note').count(), 1);
      const zh = view.locator('article.note[lang="zh-CN"]');
      assert.deepEqual(await zh.locator('h2').allInnerTexts().then((h) => h.slice(1)), ['概念', '类比', '看什么', '常见误解'], id);
      await page.click('#lang-en');
      const en = view.locator('article.note[lang="en"]');
      assert.deepEqual(
        await en.locator('h2').allInnerTexts().then((h) => h.slice(1)),
        ['The idea', 'An analogy', 'What to look for', 'Common misconceptions'],
        id,
      );
      await page.click('#lang-both');
      assert.equal(await view.locator('article.note').count(), 2);
      assert.ok((await view.locator('.snippet code').innerText()).length > 50, `${id}: a Python snippet`);
      assert.ok((await view.locator('.snippet .tok-keyword').count()) > 0, `${id}: highlighted`);
      assert.match(await page.evaluate(() => location.hash), new RegExp(`lesson=${id}`), `${id}: its own link`);

      // The first demo: set up by opening the lesson; run every executor it compares.
      const executors = (await page.locator('#run-all + .help').innerText()).split(': ').pop().split(', ');
      await page.click('#run-all');
      for (const executor of executors) {
        // On a loaded machine an earlier main-thread run calibrates the estimate up past 3 s,
        // and the page asks before freezing (which stops the queue): say yes, then carry on by
        // hand, as a learner would.
        const shown = await Promise.race([
          page.locator(`#result-${executor}`).waitFor({ timeout: 60_000 }).then(() => 'result'),
          page.locator('#confirm').waitFor({ timeout: 60_000 }).then(() => 'confirm'),
        ]);
        if (shown === 'confirm') {
          await page.click('#confirm-run');
          await page.locator(`#result-${executor}`).waitFor({ timeout: 60_000 });
          for (const rest of executors.slice(executors.indexOf(executor) + 1)) {
            await page.waitForSelector('#progress', { state: 'detached', timeout: 60_000 });
            await page.click(`#run-${rest}`);
          }
        }
      }
      await page.waitForSelector('#progress', { state: 'detached', timeout: 60_000 });
      for (const executor of executors) {
        const state = await page.locator(`#result-${executor}`).getAttribute('data-state');
        assert.ok(['completed', 'failed'].includes(state), `${id} on ${executor}: ${state}`);
      }
    }
    assert.deepEqual(errors, []);
  });
});
