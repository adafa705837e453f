import { launch } from './browser.mjs';
import { withApp } from './app.mjs';
const browser = await launch();
await withApp(browser, { isolated: true }, async (page, errors) => {
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.selectOption('#lesson', '04-blocking-vs-non-blocking');
  await page.click('#lang-both');
  for (const m of ['sync-blocking','sync-polling','async-blocking','async-callback']) {
    await page.click(`#scene-mode-${m}`);
    await page.click('#scene-run');
    await page.waitForSelector(`#scene[data-state="done"][data-mode="${m}"]`);
  }
  const rows = await page.locator('.scene-counts tbody tr').evaluateAll(rs => rs.map(r => r.id + ' ' + JSON.stringify(r.dataset)));
  console.log(rows.join('\n'));
  await page.click('#scene-mode-sync-blocking');
  await page.click('#scene-replay');
  await page.waitForTimeout(500);
  await page.locator('#scene').screenshot({ path: 'target/bank-replay.png' });
  console.log(errors);
});
await browser.close();
