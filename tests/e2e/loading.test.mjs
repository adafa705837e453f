// End-to-end: before the app. index.html puts the page's head and "Loading…" on screen while the
// wasm downloads (the first content, long before the app can draw anything), and the app
// replaces it when it mounts. If the app cannot start, the same place says so with the reason,
// instead of "Loading…" for good.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';
import { serve } from './server.mjs';

const DIST = process.env.DIST ?? 'dist';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('while the wasm is on its way the page shows its head and "Loading…", and the app takes its place', async () => {
  let release;
  const released = new Promise((r) => {
    release = r;
  });
  const server = await serve({ root: DIST, hold: (path) => (path.endsWith('.wasm') ? released : undefined) });
  try {
    const { page, errors } = await open(browser.context, server.url);
    const boot = page.locator('#boot');
    await boot.waitFor();
    assert.match(await boot.locator('h1').textContent(), /^并发游乐场Concurrency Playground$/);
    assert.match(await page.locator('#boot-status').innerText(), /正在载入… · Loading…/);
    assert.equal(await boot.getAttribute('aria-busy'), 'true');
    assert.ok(await boot.isVisible(), 'on screen, styled by the page CSS');
    // Still there a while later: nothing but the app replaces it.
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#boot').count(), 1);
    assert.equal(await page.locator('#pool-status').count(), 0, 'the app has not mounted yet');

    release();
    await page.waitForSelector('#pool-status', { timeout: 30_000 });
    assert.equal(await page.locator('#boot').count(), 0, 'the app replaced the loading page');
    assert.match(await page.locator('main.app header.top h1').textContent(), /^并发游乐场Concurrency Playground$/);
    assert.deepEqual(errors, []);
  } finally {
    release();
    await server.close();
  }
});

test('a wasm that does not load: the loading page says the page could not start, and why', async () => {
  const server = await serve({ root: DIST, hold: (path) => (path.endsWith('.wasm') ? 404 : undefined) });
  try {
    const { page } = await open(browser.context, server.url);
    const failed = page.locator('#boot[data-state="failed"]');
    await failed.waitFor({ timeout: 30_000 });
    const status = page.locator('#boot-status');
    assert.equal(await status.getAttribute('role'), 'alert');
    const text = await status.innerText();
    assert.match(text, /^页面没能启动 · The page could not start\. 请刷新，或换一个较新的浏览器 · Reload, or try a recent browser\.\n.*wasm/i);
    assert.match(await status.locator('.reason').innerText(), /404/, 'the reason: the wasm was not found');
    assert.equal(await page.locator('#boot').getAttribute('aria-busy'), null);
  } finally {
    await server.close();
  }
});
