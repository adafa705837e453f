// Benchmark rows for start-up (issue #8): what the first visit transfers (gzipped), and the
// time from navigation to a ready pool, read from the page's own Performance marks
// (`app-start`, `pool-start`, `pool-ready`, set in src/web), so browser start-up and page
// creation are not counted.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { files } from '../../scripts/files.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Gzipped sizes of what a first visit loads: the wasm, every JS file (the app's, the worker
 * helpers'), the CSS. Lesson notes (dist/lessons/, fetched one at a time) are listed apart.
 */
export async function transferSizes(dist) {
  const all = await files(dist);
  const gz = async (f) => gzipSync(await readFile(f), { level: 9 }).length;
  const by = { wasm: 0, js: 0, css: 0 };
  for (const f of all) {
    // Fetched later, not on the first load: the notes (when a lesson opens) and Python (on
    // the first "Run this Python").
    if (f.includes('/lessons/') || f.includes('/pyodide/') || f.endsWith('py-worker.js')) continue;
    const kind = f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : null;
    if (kind) by[kind] += await gz(f);
  }
  const notes = all.filter((f) => f.includes('/lessons/') && f.endsWith('.html'));
  const noteSizes = await Promise.all(notes.map(gz));
  return {
    ...by,
    total: by.wasm + by.js + by.css,
    html: await gz(join(dist, 'index.html')),
    note_median: noteSizes.length ? median(noteSizes) : 0,
  };
}

/** Opens the page `times` times (fresh pages, warm HTTP cache) and reads its start-up marks. */
export async function loadToReady(context, url, times = 5) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#pool-status[data-state="ready"]', { timeout: 30_000 });
    runs.push(
      await page.evaluate(() => {
        const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          first_content: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          dom_content_loaded: nav.domContentLoadedEventEnd,
          app_start: mark('app-start'),
          pool_start: mark('pool-start'),
          pool_ready: mark('pool-ready'),
        };
      }),
    );
    await page.close();
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    times,
    first_content_ms: pick('first_content'),
    dom_content_loaded_ms: pick('dom_content_loaded'),
    app_start_ms: pick('app_start'),
    pool_start_ms: pick('pool_start'),
    pool_ready_ms: pick('pool_ready'),
  };
}

export function startupRows(sizes, load, poolWorkers) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  return [
    `| wasm + JS + CSS transferred, gzipped (wasm ${kb(sizes.wasm)}, JS ${kb(sizes.js)}, CSS ${kb(sizes.css)}; plus index.html ${kb(sizes.html)} and one lesson note ≈ ${kb(sizes.note_median)} when opened) | ${kb(sizes.total)} | ≤ 300 KB |`,
    `| first content on screen, localhost: navigation start → first contentful paint (the page's head and "Loading…" from index.html, before the wasm has arrived; median of ${load.times}) | ${load.first_content_ms.toFixed(0)} ms | ≤ 150 ms |`,
    `| load → pool ready, localhost: navigation start → all ${poolWorkers} workers ready (median of ${load.times}; DOMContentLoaded ${load.dom_content_loaded_ms.toFixed(0)} ms, app start ${load.app_start_ms.toFixed(0)} ms, workers started ${load.pool_start_ms.toFixed(0)} ms) | ${load.pool_ready_ms.toFixed(0)} ms | ≤ 300 ms |`,
  ];
}
