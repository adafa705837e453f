// Benchmark (not a test): the built app in headless Chromium, cross-origin isolated. Times the
// prime count on the main thread and on the pool, alternating, in one page and one run so the
// ratio is fair on a noisy machine. Prints a markdown table and writes bench-report.{md,json}.
import { writeFile } from 'node:fs/promises';
import { serve } from '../e2e/server.mjs';
import { launch, open } from '../e2e/browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const N = Number(process.env.BENCH_N ?? 5_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(page, mode) {
  await page.click(`#run-${mode} button`);
  await page.waitForSelector(`#run-${mode}[data-state="running"]`, { state: 'detached', timeout: 120_000 });
  await page.waitForSelector(`#run-${mode}[data-state="done"]`, { timeout: 120_000 });
  const card = page.locator(`#run-${mode}`);
  return {
    answer: Number(await card.locator('.answer').getAttribute('data-value')),
    ms: Number(await card.locator('.wall-time').getAttribute('data-ms')),
  };
}

const server = await serve({ root: DIST, isolated: true });
const browser = await launch();
try {
  const loadStart = Date.now();
  const { page, errors } = await open(browser.context, server.url);
  await page.waitForSelector('#pool-status[data-state="ready"]', { timeout: 30_000 });
  const readyMs = Date.now() - loadStart;
  const threads = Number(await page.locator('#pool-status').getAttribute('data-threads'));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.fill('#limit', String(N));

  // Warm-up: the first call of a wasm function runs baseline code until the optimiser tiers up.
  await run(page, 'main');
  await run(page, 'pool');
  const main = [];
  const pool = [];
  let answer;
  for (let i = 0; i < REPEATS; i++) {
    const m = await run(page, 'main');
    const p = await run(page, 'pool');
    if (m.answer !== p.answer) throw new Error(`answers differ: ${m.answer} vs ${p.answer}`);
    answer = m.answer;
    main.push(m.ms);
    pool.push(p.ms);
  }
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
  const mainMs = median(main);
  const poolMs = median(pool);
  const report = {
    date: new Date().toISOString(),
    logical_processors: cores,
    pool_threads: threads,
    n: N,
    answer,
    repeats: REPEATS,
    main_ms: main,
    pool_ms: pool,
    main_median_ms: mainMs,
    pool_median_ms: poolMs,
    speedup: mainMs / poolMs,
    load_to_pool_ready_ms: readyMs,
  };
  const md = [
    `## Browser (headless Chromium, ${cores} logical processors, pool of ${threads} threads)`,
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| primes below ${N} (answer ${answer}), main thread, median of ${REPEATS} | ${mainMs.toFixed(1)} ms |`,
    `| same on the pool | ${poolMs.toFixed(1)} ms |`,
    `| **pool speedup over the main thread** | **${report.speedup.toFixed(2)}×** |`,
    `| page load → pool ready (incl. browser start-up of the page) | ${readyMs} ms |`,
    '',
  ].join('\n');
  console.log(md);
  await writeFile('bench-report.md', md);
  await writeFile('bench-report.json', JSON.stringify(report, null, 2) + '\n');
  console.log('(written to bench-report.md and bench-report.json)');
} finally {
  await browser.close();
  await server.close();
}
