// End-to-end: lesson 16 runs the same primes kernel in WebAssembly and in plain JavaScript on
// the main thread and shows them beside the benchmark's native figures, on the step that teaches it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';
import { serve } from './server.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('lesson 16 compares WebAssembly, JavaScript and native on one kernel', async () => {
  const server = await serve({ root: process.env.DIST ?? 'dist', isolated: true });
  try {
    const { page, errors } = await open(browser.context, `${server.url}#v=1&lesson=16-language-matters&step=three-ways&lang=en`);
    const run = page.locator('#lang-compare-run');
    await run.click();
    const table = page.locator('#lang-compare-result');
    await table.waitFor({ timeout: 60_000 });
    const n = Number(await table.getAttribute('data-n'));
    assert.equal(n, 5_000_000);
    // π(5,000,000) = 348,513: both kernels agreed on it (else the page shows an error instead).
    assert.match(await page.locator('#lang-compare-answer').innerText(), /348513/);
    const rows = await table.locator('tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.row, Number(tr.dataset.ms)]),
    );
    assert.deepEqual(rows.map(([r]) => r), ['wasm', 'js', 'native-serial', 'native-parallel']);
    for (const [row, ms] of rows) assert.ok(ms > 0 && Number.isFinite(ms), `${row}: ${ms}`);
    assert.match(await page.locator('#lang-compare').innerText(), /× the WebAssembly time/);
    assert.equal(await run.isEnabled(), true, 'the button comes back after the run');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});
