// End-to-end: dist/ on static hosts. A plain server that sends no headers (GitHub Pages, below
// a sub-path) gets cross-origin isolation from the service worker after one reload and runs the
// pool; with the service worker blocked the page degrades and says why; every request stays on
// the page's origin and the Content-Security-Policy holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, IS_FIREFOX } from './browser.mjs';
import { serve } from './server.mjs';
import { setParams, runOn, POOL_SETTLED } from './app.mjs';

const DIST = process.env.DIST ?? 'dist';

/** Records every request of the context (pages, workers, service worker) and CSP violations. */
async function watch(context) {
  const requests = [];
  requests.failed = {};
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => (requests.failed[r.url()] = r.failure()?.errorText));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return requests;
}

/** How many times the page itself was fetched from the server (each load, each reload). */
function pageLoads(server) {
  const page = new URL(server.url).pathname;
  return server.requests.filter((path) => path === page).length;
}

function assertSameOrigin(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'every request goes to the page origin');
  assert.ok(requests.length >= 5, `requests were seen (${requests.length})`);
}

test('a plain static server without headers, below a sub-path: the service worker isolates the page after one reload and the pool runs', async () => {
  const browser = await launch();
  const server = await serve({ root: DIST, isolated: false, prefix: '/playground/' });
  try {
    const requests = await watch(browser.context);
    const page = await browser.context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('main[data-pool=\"ready\"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await page.getAttribute('html', 'data-isolation'), 'service-worker');
    assert.match(await page.locator('#isolated').innerText(), /service worker/);
    // Settled: exactly one reload, and no more after a while.
    await page.waitForTimeout(2_000);
    assert.equal(pageLoads(server), 2, 'the first visit reloads once');

    await setParams(page, { n: 100_000, tasks: 8 });
    const pool = await runOn(page, 'pool');
    assert.equal(pool.state, 'completed');
    assert.equal(pool.answer, 9_592);

    // A later visit is isolated at once: no reload.
    await page.reload();
    await page.waitForSelector('main[data-pool=\"ready\"]', { timeout: 30_000 });
    await page.waitForTimeout(1_000);
    assert.equal(pageLoads(server), 3, 'a later visit does not reload');

    const origin = new URL(server.url).origin;
    assertSameOrigin(requests, origin);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the Content-Security-Policy is strict and in force; _headers carries the same policy', async () => {
  const html = await readFile(`${DIST}/index.html`, 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(meta, /'unsafe-inline'|'unsafe-eval'|inline-script-hashes|https?:|\*/);
  const headers = await readFile(`${DIST}/_headers`, 'utf8');
  assert.ok(headers.includes(meta), '_headers repeats the policy');
  assert.match(headers, /Cross-Origin-Opener-Policy: same-origin/);
  assert.match(headers, /Cross-Origin-Embedder-Policy: require-corp/);

  const browser = await launch();
  const server = await serve({ root: DIST, isolated: true });
  try {
    const requests = await watch(browser.context);
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector('main[data-pool=\"ready\"]', { timeout: 30_000 });
    // Served with the headers: no service worker is needed, none is registered.
    assert.equal(await page.getAttribute('html', 'data-isolation'), 'headers');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    // Injected inline code does not run, and an image from elsewhere is not fetched.
    const ran = await page.evaluate(async () => {
      window.__injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      const img = new Image();
      img.src = 'http://example.invalid/pixel.png';
      await new Promise((r) => setTimeout(r, 300));
      return window.__injected;
    });
    assert.equal(ran, false, 'inline script blocked');
    const violations = await page.evaluate(() => window.__csp);
    assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('img-src')), violations.join('\n'));
    // The browser reports the image it refused: it never reached the network. (Firefox over
    // BiDi names no reason for a failed request, nor always reports one the policy stopped.)
    const pixel = 'http://example.invalid/pixel.png';
    if (IS_FIREFOX) assert.ok(!requests.includes(pixel) || pixel in requests.failed, 'the image was not fetched');
    else assert.match(requests.failed[pixel] ?? '', /csp/i);
    assertSameOrigin(requests.filter((u) => u !== pixel), new URL(server.url).origin);
    // The blocked injections above report themselves; nothing else may.
    // (Chromium names the policy; Firefox says "The page’s settings blocked …".)
    assert.deepEqual(errors.filter((e) => !/Content Security Policy|The page’s settings blocked/.test(e)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('with the service worker blocked the page is not isolated, says why, and every executor that needs no shared memory runs', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  const server = await serve({ root: DIST, isolated: false });
  try {
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
    assert.equal(await page.locator('#pool-status').getAttribute('data-state'), 'not-isolated');
    // Chromium: Playwright holds the registration forever, so after the loader's time limit it
    // is refused. Firefox: with service workers off, the page has no `navigator.serviceWorker`.
    const reason = IS_FIREFOX ? 'no-service-worker' : 'refused';
    const notice = page.locator(`#isolation-notice[data-reason="${reason}"]`);
    await notice.waitFor({ timeout: 20_000 });
    const text = await notice.innerText();
    assert.match(text, /SharedArrayBuffer/);
    assert.match(text, IS_FIREFOX ? /offers no service worker here/ : /refused the service worker/);
    assert.match(text, /executors on the main thread still run/);
    assert.equal(pageLoads(server), 1, 'no reload without a working service worker');

    // Every executor: those on the pool are unavailable with the reason beside them, the
    // others (main thread, and any that needs no shared memory) run.
    await setParams(page, { n: 100_000, tasks: 8 });
    const ids = await page.locator('.run-controls button[id^="run-"]:not(#run-all)').evaluateAll((bs) => bs.map((b) => b.id.slice(4)));
    assert.ok(ids.includes('main') && ids.includes('pool'), ids.join());
    for (const executor of ids) {
      const button = page.locator(`#run-${executor}`);
      if (executor === 'pool' || executor === 'gil') {
        assert.equal(await button.isDisabled(), true, `${executor} is unavailable`);
        const help = await page.locator(`.run:has(#run-${executor}) .help`).innerText();
        assert.match(help, /unavailable/, `${executor} says why`);
      } else {
        const r = await runOn(page, executor);
        assert.equal(r.state, 'completed', `${executor}: ${r.text}`);
        assert.equal(r.answer, 9_592, executor);
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('everything the first load fetches is precompressed beside it (gzip and brotli), and the page runs served that way', async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const browser = await launch();
  const server = await serve({ root: DIST, isolated: true });
  try {
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector('main[data-pool="ready"]', { timeout: 30_000 });
    await runOn(page, 'pool');
    const firstLoad = server.encodings.filter((e) => /\.(html|js|mjs|css|wasm)$|\/$/.test(new URL(e.url, 'http://x').pathname));
    assert.ok(firstLoad.some((e) => e.url.endsWith('.wasm')), 'the wasm was fetched');
    for (const { url } of firstLoad) {
      let path = decodeURIComponent(new URL(url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const original = await readFile(`${DIST}${path}`);
      // Both copies exist, are smaller, and decompress to exactly the file.
      const gz = await readFile(`${DIST}${path}.gz`);
      const br = await readFile(`${DIST}${path}.br`);
      assert.ok(gz.length < original.length && br.length < original.length, `${path}: copies are smaller`);
      assert.ok(gunzipSync(gz).equals(original), `${path}.gz decompresses to the file`);
      assert.ok(brotliDecompressSync(br).equals(original), `${path}.br decompresses to the file`);
    }
    // The browser asked for compressed files and got them: the page above ran on them.
    const wasm = firstLoad.find((e) => e.url.endsWith('.wasm'));
    assert.match(wasm.encoding ?? '', /^(br|gzip)$/, `the wasm was sent compressed (${wasm.encoding})`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
