// End-to-end: the page's language follows the browser's, is remembered, and a link's wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';
import { serve } from './server.mjs';

const DIST = process.env.DIST ?? 'dist';
const pressed = (page) => page.locator('.lang-picker [aria-pressed="true"]').getAttribute('id');

test('the language follows the browser, is remembered, and a link overrides it', async () => {
  const server = await serve({ root: DIST, isolated: true });
  const browser = await launch({ locale: 'zh-CN' });
  try {
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector('main[data-pool=\"ready\"]');
    assert.equal(await page.evaluate(() => navigator.language), 'zh-CN');
    assert.equal(await pressed(page), 'lang-zh', 'a Chinese browser opens in 中文');
    assert.match(await page.evaluate(() => location.hash), /lang=zh/, 'and the link carries it');
    const htmlLang = () => page.evaluate(() => document.documentElement.lang);
    assert.equal(await htmlLang(), 'zh-CN');

    await page.click('#lang-en');
    // <html lang> follows, for screen readers and fonts.
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.getAttribute('html', 'data-lang'), 'en');
    await page.goto(server.url);
    await page.waitForSelector('main[data-pool=\"ready\"]');
    assert.equal(await pressed(page), 'lang-en', 'the choice is remembered');

    await page.goto(`${server.url}#v=1&w=pi&lang=both`);
    await page.waitForSelector('main[data-pool=\"ready\"]');
    assert.equal(await pressed(page), 'lang-both', "a shared link's language wins");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
