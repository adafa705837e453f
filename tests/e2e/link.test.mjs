// End-to-end: share links. A configured demo's link opens the same demo in a fresh page; a
// hostile link is explained and replaced by safe values, runs nothing and injects nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, IS_FIREFOX } from './browser.mjs';
import { selectWorkload, setParams, READY, sharedBrowserAndServer } from './app.mjs';

const shared = sharedBrowserAndServer();

/** What the page shows as its configuration. */
async function configuration(page) {
  const params = {};
  for (const input of await page.locator('.params input').all()) {
    params[(await input.getAttribute('id')).replace('param-', '')] = await input.inputValue();
  }
  return {
    workload: await page.locator('#workload').inputValue(),
    params,
    threads: await page.locator('#threads').inputValue(),
    fault: await page.locator('#fault').inputValue(),
  };
}

test('a copied link opens exactly the same demo in a fresh page', async () => {
  const { page, errors } = await open(shared.browser.context, shared.server.url);
  await page.waitForSelector(READY);
  await selectWorkload(page, 'pi');
  await setParams(page, { samples: 123_456, tasks: 7, seed: 99 });
  await page.locator('#threads').fill('1');
  await page.selectOption('#fault', 'error');
  const expected = await configuration(page);

  // Firefox has no clipboard-read permission to grant: there the text the page hands to the
  // clipboard is read on its way (the write itself is still Firefox's, and must succeed).
  if (IS_FIREFOX) {
    await page.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => write(text).then(() => (window.__copied = text));
    });
  } else {
    await shared.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  }
  await page.click('#copy-link');
  await page.waitForSelector('#share-status[data-ok="true"]');
  const copied = await page.evaluate(() => window.__copied ?? navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href), 'the address bar holds the link');
  assert.match(copied, /#v=1&w=pi&.*samples=123456/);

  const { page: fresh, errors: freshErrors } = await open(shared.browser.context, copied);
  await fresh.waitForSelector(READY);
  assert.deepEqual(await configuration(fresh), expected);
  assert.equal(await fresh.locator('#link-notices').count(), 0, 'a link the app wrote needs no notice');
  assert.equal(await fresh.locator('#progress').count(), 0, 'opening a link runs nothing');
  assert.equal(await fresh.locator('.results').count(), 0);
  assert.deepEqual([...errors, ...freshErrors], []);
  await page.close();
  await fresh.close();
});

test('a hostile link shows a notice and safe defaults, and runs or injects nothing', async () => {
  const hostile =
    'w=counter&n=99999999999999&tasks=-4&x=main,<img src=x onerror="window.__pwned=1">' +
    '&t=9999&junk=1&lang=<script>window.__pwned=2</script>&fault=panic:77777777';
  const { page, errors } = await open(shared.browser.context, `${shared.server.url}#${hostile}`);
  await page.waitForSelector(READY);
  // The link's language is not valid, so the page's default (中 · En: labels in Chinese).
  const notices = await page.locator('#link-notices').innerText();
  assert.match(notices, /n = 99999999999999 超出范围，改为 1000000000/);
  assert.match(notices, /忽略未知执行方式/);
  assert.match(notices, /忽略未知字段 “junk”/);
  const config = await configuration(page);
  assert.equal(config.workload, 'counter');
  assert.equal(config.params.n, '1000000000');
  assert.equal(config.params.tasks, '1');
  assert.ok(Number(config.threads) <= Number(await page.locator('#threads').getAttribute('max')));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing from the link ran');
  assert.equal(await page.locator('#link-notices img, #link-notices script').count(), 0, 'no markup from the link');
  assert.equal(await page.locator('#progress').count(), 0, 'a link never starts a run');
  // The address bar now holds the cleaned link.
  assert.match(await page.evaluate(() => location.hash), /^#v=1&w=counter&n=1000000000&/);
  await page.click('#link-notices-dismiss');
  assert.equal(await page.locator('#link-notices').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('100 KB of junk in the link is refused without being read', async () => {
  const { page, errors } = await open(shared.browser.context, `${shared.server.url}#${'x&'.repeat(50_000)}`);
  await page.waitForSelector(READY);
  assert.match(await page.locator('#link-notices').innerText(), /链接太长（100000 字节）/);
  assert.equal(await page.locator('#workload').inputValue(), 'primes');
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing the link in the address bar opens the new demo', async () => {
  const { page, errors } = await open(shared.browser.context, shared.server.url);
  await page.waitForSelector(READY);
  await page.evaluate(() => {
    location.hash = 'v=1&w=queue&producers=3&x=async';
  });
  await page.waitForFunction(() => document.querySelector('#workload').value === 'queue');
  assert.equal(await page.locator('#param-producers').inputValue(), '3');
  assert.deepEqual(errors, []);
  await page.close();
});
