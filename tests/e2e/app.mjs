// Shared steps for the end-to-end tests: open the app, set parameters, run, read results.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
export const POOL_SETTLED = ['ready', 'failed', 'not-isolated'].map((s) => `main[data-pool="${s}"]`).join(', ');

/** The key the app keeps its run history under in localStorage. */
export const HISTORY_KEY = 'concurrency-playground.history';

/**
 * The runs the history holds in storage, oldest first: each entry's line (`key=value&…`), without
 * the line that marks removed runs.
 */
export async function storedHistory(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k) ?? '', HISTORY_KEY);
  return text.split('\n').filter((line) => /(^|&)id=\d+(&|$)/.test(line));
}

/** The selector that shows the pool is ready. */
export const READY = 'main[data-pool="ready"]';

/**
 * One browser and one isolated server of dist/ for a whole test file, started before its tests
 * and closed after them: read `shared.browser` and `shared.server` inside the tests.
 */
export function sharedBrowserAndServer() {
  const shared = {};
  before(async () => {
    shared.browser = await launch();
    shared.server = await serve({ root: DIST, isolated: true });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Serves dist/ (with or without COOP/COEP), opens the app and waits for the pool to settle. */
export async function withApp(browser, { isolated }, body) {
  const server = await serve({ root: DIST, isolated });
  try {
    const { page, errors } = await open(browser.context, server.url);
    await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
    await body(page, errors);
    await page.close();
  } finally {
    await server.close();
  }
}

/** Reloads the page and waits for the pool to settle again. */
export async function reloadApp(page) {
  await page.reload();
  await page.waitForSelector(POOL_SETTLED, { timeout: 30_000 });
}

export async function selectWorkload(page, id) {
  await page.selectOption('#workload', id);
}

/** Types each value into its parameter box. */
export async function setParams(page, params) {
  for (const [name, value] of Object.entries(params)) await page.fill(`#param-${name}`, String(value));
}

/** Reads an executor's result row once it is there. */
export async function result(page, executor, timeout = 60_000) {
  const row = page.locator(`#result-${executor}`);
  await row.waitFor({ timeout });
  await page.waitForSelector('#progress', { state: 'detached', timeout });
  const tasks = row.locator('.tasks');
  return {
    state: await row.getAttribute('data-state'),
    answer: Number(await row.locator('.answer').getAttribute('data-value')),
    text: await row.innerText(),
    ms: Number(await row.locator('.wall-time').getAttribute('data-ms')),
    finished: Number(await tasks.getAttribute('data-finished')),
    spans: Number(await tasks.getAttribute('data-spans')),
    lanes: Number(await tasks.getAttribute('data-lanes')),
    dropped: Number(await row.locator('.frames').getAttribute('data-dropped')),
  };
}

/** Clicks an executor's Run button and waits for its result. */
export async function runOn(page, executor, timeout) {
  await page.click(`#run-${executor}`);
  return result(page, executor, timeout);
}

/**
 * Records when each animation frame's callback runs from now on; returns a function that stops
 * and gives the longest gap between frames (ms). A blocked main thread shows as one long gap.
 * (The time the callback runs, not the frame's timestamp argument: after a freeze the browser
 * may run a frame stamped with a vsync from inside the freeze, which would hide it.)
 */
export async function watchFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__watching = true;
    const tick = () => {
      window.__frames.push(performance.now());
      if (window.__watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      window.__watching = false;
      const f = window.__frames;
      let gap = 0;
      for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
      return { gap, frames: f.length };
    });
}

/** Opens a lesson step's Details drawer (the full note, the instrument panel), if it is closed. */
export async function openDetails(page) {
  const drawer = page.locator('details.drawer');
  if ((await drawer.count()) && (await drawer.getAttribute('open')) === null) {
    await drawer.locator('> summary').click();
  }
}
