// End-to-end: the visuals of issue #5 — lanes per thread, the frame meter (a pool run keeps
// the page smooth, a synchronous main-thread run freezes it), replay controls (play, pause,
// speed, playhead, zoom, reduced motion), bar details, the live timeline, the wall-time chart,
// and SVG/PNG export. Shapes only: counts, orderings and attributes, never wall-clock bounds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, downloadFrom } from './browser.mjs';
import { withApp, selectWorkload, setParams, runOn } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const run = (key) => `#timeline-svg .timeline-run[data-run="${key}"]`;
const attr = (page, sel, name) => page.locator(sel).first().getAttribute(name);
const num = async (page, sel, name) => Number(await attr(page, sel, name));

test('a pool run and a main-thread run: lanes, frame meters, the wall chart, stacked on one axis', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);
    await selectWorkload(page, 'primes');
    await setParams(page, { n: 6_000_000, tasks: 32 });
    await page.locator('#threads').fill('2');
    const pool = await runOn(page, 'pool');
    const main = await runOn(page, 'main');
    assert.equal(pool.answer, main.answer);

    // One lane per thread: the main thread's lane (empty in a pool run) and the workers used.
    const poolLanes = await num(page, run('pool'), 'data-lanes');
    assert.ok(poolLanes >= 2 && poolLanes <= 3, `pool lanes ${poolLanes}`);
    assert.equal(await page.locator(`${run('pool')} .timeline-row[data-sub="0"]`).first().getAttribute('data-lane'), 'main thread');
    assert.equal(await num(page, run('main'), 'data-lanes'), 1);
    assert.equal(await num(page, run('main'), 'data-spans'), main.spans);
    // Both runs in one drawing, on one shared axis: the axis covers the longer run.
    const total = await num(page, '#timeline-svg', 'data-total');
    assert.ok(total >= Math.max(pool.ms, main.ms) * 0.5, `${total} vs ${pool.ms}, ${main.ms}`);
    assert.equal(await num(page, '#timeline-svg', 'data-runs'), 2);

    // The frame meter: no long gap while the pool ran, one freeze as long as the run while
    // the main thread ran (the same figures as the results table).
    const meter = (key) => page.locator(`${run(key)} .frame-meter`).evaluate((g) => ({
      dropped: Number(g.dataset.dropped), gap: Number(g.dataset.longestGap), gaps: Number(g.dataset.gaps),
    }));
    const [pm, mm] = [await meter('pool'), await meter('main')];
    assert.equal(mm.dropped, main.dropped, 'the meter agrees with the results table');
    assert.equal(pm.dropped, pool.dropped);
    // (A frame may still be painted while the run sets off: most of the run, not all of it.)
    assert.ok(mm.gap >= main.ms * 0.8, `main: longest gap ${mm.gap} of a ${main.ms} ms run`);
    assert.ok(mm.dropped >= Math.floor((main.ms * 0.8) / 16.7) - 1, `main dropped ${mm.dropped}`);
    assert.ok(mm.gaps >= 1);
    assert.ok(pm.gap < pool.ms / 2, `pool: longest gap ${pm.gap} of a ${pool.ms} ms run`);
    assert.ok(await page.locator(`${run('main')} .frame-gap`).count() >= 1, 'the freeze is marked');

    // Legend: every state, copying included, in the page's language.
    const kinds = await page.locator('#timeline .timeline-legend li[data-kind]').evaluateAll((l) => l.map((e) => e.dataset.kind));
    assert.deepEqual(kinds, ['compute', 'io', 'wait', 'locked', 'copy']);

    // The wall chart: one bar per run, parts adding up to the wall time, speedup written on it.
    const rows = page.locator('#wall-chart-svg .wall-row');
    assert.equal(await rows.count(), 2);
    const poolRow = page.locator('#wall-chart-svg .wall-row[data-executor="pool"]');
    const parts = await poolRow.evaluate((g) =>
      ['ms', 'compute', 'wait', 'copy', 'start', 'overhead'].map((k) => Number(g.dataset[k])),
    );
    assert.ok(Math.abs(parts[1] + parts[2] + parts[3] + parts[4] + parts[5] - parts[0]) < 0.01 * parts[0] + 0.01, String(parts));
    assert.equal(parts[4], 0, 'a pool starts no processes');
    assert.ok(parts[1] > 0, 'the pool computed');
    assert.match(await poolRow.locator('.wall-note').textContent(), /× (faster|slower) than the main thread|as fast as the main thread/);

    // Unticking a run removes it from the stacked view.
    await page.uncheck('#show-main');
    await page.waitForFunction(() => document.querySelector('#timeline-svg')?.dataset.runs === '1');
    assert.equal(await page.locator(run('main')).count(), 0);
    assert.deepEqual(errors, []);
  });
});

test('replay: play, pause, speed, dragging the playhead, zoom and pan, details on focus', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'io');
    await setParams(page, { tasks: 4, wait_ms: 200, random: 0 });
    await page.locator('#threads').fill('2');
    await runOn(page, 'pool');
    const svg = '#timeline-svg';
    const total = await num(page, svg, 'data-total');
    assert.equal(await num(page, svg, 'data-playhead'), total, 'a finished run shows whole');
    const bars = await num(page, svg, 'data-bars');
    assert.equal(await num(page, svg, 'data-visible'), bars);

    // Play from the start at the slowest speed: the playhead moves forward, bars appear.
    await page.selectOption('#timeline-speed', '0.1');
    await page.click('#timeline-play');
    await page.waitForFunction((s) => document.querySelector(s).dataset.playing === 'true', svg);
    await page.waitForTimeout(400);
    const t1 = await num(page, svg, 'data-playhead');
    assert.ok(t1 > 0 && t1 < total, `playhead ${t1} of ${total}`);
    assert.ok((await num(page, svg, 'data-visible')) < bars);
    await page.click('#timeline-play'); // pause
    const paused = await num(page, svg, 'data-playhead');
    await page.waitForTimeout(300);
    assert.equal(await num(page, svg, 'data-playhead'), paused, 'paused: it stays');
    assert.equal(await attr(page, svg, 'data-playing'), 'false');

    // Drag the playhead (the slider): to the start, nothing has begun yet.
    await page.locator('#timeline-slider').fill('0');
    assert.equal(await num(page, svg, 'data-playhead'), 0);
    assert.ok((await num(page, svg, 'data-visible')) < bars, 'only bars that start at once');
    // Keyboard: End jumps to the end, Home back, Space plays.
    await page.focus(svg);
    await page.keyboard.press('End');
    assert.equal(await num(page, svg, 'data-playhead'), total);

    // Zoom in around the playhead and pan: the window narrows and stays inside the run.
    const windowAfter = async (button) => {
      const before = await attr(page, svg, 'data-window');
      await page.click(button);
      await page.waitForFunction(([s, w]) => document.querySelector(s).dataset.window !== w, [svg, before]);
      return (await attr(page, svg, 'data-window')).split(' ').map(Number);
    };
    let [a, b] = await windowAfter('#timeline-zoom-in');
    assert.ok(b - a < total * 0.6 && a >= 0 && b <= total + 1e-3, `${a} ${b}`);
    let [a2, b2] = await windowAfter('#timeline-pan-left');
    assert.ok(a2 < a && Math.abs(b2 - a2 - (b - a)) < 0.01, `${a} ${b} → ${a2} ${b2} of ${total}`);
    const labels = await page.locator(`${svg} .tick-label`).allTextContents();
    assert.ok(labels.length >= 2 && labels.every((l) => /^\d+(\.\d+)? (µs|ms|s)$/.test(l)), labels.join(','));
    [a, b] = await windowAfter('#timeline-zoom-reset');
    assert.equal(a, 0);
    assert.equal(b, total);

    // The mouse: a plain wheel leaves the view alone (the page scrolls); Ctrl+wheel zooms in
    // around the pointer; a drag pans the zoomed view with the pointer.
    await page.locator(svg).scrollIntoViewIfNeeded();
    const box = await page.locator(svg).boundingBox();
    const [plotLeft, plotRight] = [box.x + box.width * 0.25, box.x + box.width * 0.75];
    await page.mouse.move(plotRight, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((s) => document.querySelector(s).dataset.window.split(' ')[0] !== '0.000', svg);
    [a, b] = (await attr(page, svg, 'data-window')).split(' ').map(Number);
    assert.ok(b - a < total * 0.6, `zoomed in: ${a} ${b} of ${total}`);
    assert.ok(a > total * 0.2, `around the pointer, right of the middle: ${a} ${b} of ${total}`);
    await page.mouse.move(plotLeft, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(plotRight, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(([s, w]) => document.querySelector(s).dataset.window !== w, [svg, `${a.toFixed(3)} ${b.toFixed(3)}`]);
    [a2, b2] = (await attr(page, svg, 'data-window')).split(' ').map(Number);
    assert.ok(a2 < a && Math.abs(b2 - a2 - (b - a)) < 0.01, `dragged right shows earlier: ${a} ${b} → ${a2} ${b2}`);
    const dragged = await attr(page, svg, 'data-window');
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(200);
    assert.equal(await attr(page, svg, 'data-window'), dragged, 'a plain wheel scrolls the page, not the view');
    await page.click('#timeline-zoom-reset');

    // Focus a bar: its details (task, lane, start, duration, state, result) are shown.
    const bar = page.locator(`${svg} rect.span-io`).first();
    await bar.focus();
    const detail = await page.locator('#timeline-detail').innerText();
    assert.match(detail, /task \d+ · worker \d+ · start .* · duration .* · waiting on IO · result \d+/);
    assert.deepEqual(errors, []);
  });
});

test('the live timeline grows while a pool run goes on, beside the progress bar and Cancel', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'io');
    await setParams(page, { tasks: 16, wait_ms: 300, random: 0 });
    await page.locator('#threads').fill('2');
    await page.click('#run-pool');
    await page.waitForSelector('#cancel');
    await page.waitForFunction(() => Number(document.querySelector('#live-timeline')?.dataset.spans) > 0);
    const first = await num(page, '#live-timeline', 'data-spans');
    await page.waitForFunction((n) => Number(document.querySelector('#live-timeline')?.dataset.spans) > n, first);
    assert.ok(await page.locator('#live-svg .timeline-run rect.span').count() > 0);
    assert.equal(await page.locator('#live-by-batch').count(), 0, 'threads share memory: no batch note');
    // The bar reads the run's own count: tasks done of 16, growing, with the elapsed time.
    assert.equal(await page.locator('#progress').getAttribute('data-total'), '16');
    await page.waitForFunction(() => Number(document.querySelector('#progress')?.dataset.done) > 0);
    const done = await num(page, '#progress', 'data-done');
    await page.waitForFunction((n) => Number(document.querySelector('#progress')?.dataset.done) > n, done);
    assert.match(await page.locator('#progress .count').innerText(), /\d+ ?\/ ?16/);
    assert.equal(await page.locator('#progress progress').getAttribute('max'), '16');
    await page.waitForSelector('#progress', { state: 'detached', timeout: 60_000 });
    assert.equal(await page.locator('#live-timeline').count(), 0);
    assert.deepEqual(errors, []);
  });
});

test('reduced motion: Play jumps to the end of the run instead of animating', async () => {
  // A browser that prefers reduced motion from its start (Firefox over BiDi cannot emulate it
  // per page, so both browsers are set up the same way).
  const reduced = await launch({ reducedMotion: true });
  try {
    await withApp(reduced, { isolated: true }, async (page, errors) => {
      assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
      await selectWorkload(page, 'io');
      await setParams(page, { tasks: 4, wait_ms: 200, random: 0 });
      await runOn(page, 'pool');
      const svg = '#timeline-svg';
      const total = await num(page, svg, 'data-total');
      await page.locator('#timeline-slider').fill('0');
      assert.equal(await num(page, svg, 'data-playhead'), 0);
      await page.click('#timeline-play');
      assert.equal(await num(page, svg, 'data-playhead'), total);
      assert.equal(await attr(page, svg, 'data-playing'), 'false');
      assert.deepEqual(errors, []);
    });
  } finally {
    await reduced.close();
  }
});

test('charts and timelines save as standalone SVG and PNG', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await setParams(page, { n: 500_000 });
    await runOn(page, 'pool');
    for (const [svg, stem] of [['timeline-svg', 'timeline-pool'], ['wall-chart-svg', 'wall-times']]) {
      const svgFile = await downloadFrom(page, () => page.click(`.save-svg[data-for="${svg}"]`));
      assert.equal(svgFile.name, `${stem}.svg`);
      const text = svgFile.body.toString('utf8');
      assert.match(text, /^<\?xml/);
      assert.match(text, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(text, /<rect[^>]+ fill="(?!none)[^"]+"/, 'computed paint written in: the file stands alone');
      const pngFile = await downloadFrom(page, () => page.click(`.save-png[data-for="${svg}"]`));
      assert.equal(pngFile.name, `${stem}.png`);
      const png = pngFile.body;
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.length > 1000, `${png.length} bytes`);
    }
    assert.deepEqual(errors, []);
  });
});

test('the chunk-size sweep runs the tiny-task workload once per size and marks the fastest', async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await selectWorkload(page, 'squares');
    await setParams(page, { n: 100_000 });
    await page.locator('#threads').fill('2');
    await page.click('#chunk-sweep-start');
    const chart = '#chunk-chart-svg';
    await page.waitForFunction(
      (s) => {
        const c = document.querySelector(s);
        return c && c.dataset.points === c.dataset.planned && !document.querySelector('#progress');
      },
      chart,
      { timeout: 120_000 },
    );
    const chunks = await page.locator(`${chart} circle.point`).evaluateAll((cs) => cs.map((c) => Number(c.dataset.chunk)));
    assert.deepEqual(chunks, [1, 10, 100, 1_000, 10_000, 100_000], 'one point per size, in order');
    // 100,000 one-number tasks cost far more than 100 tasks of 1,000 numbers.
    assert.notEqual(await attr(page, chart, 'data-fastest'), '1');
    assert.equal(await page.locator(`${chart} circle.fastest`).count(), 1);
    // The last point's run is the pool's result, with the same answer as any other chunking.
    const answer = Number(await page.locator('#result-pool .answer').getAttribute('data-value'));
    assert.equal(answer, 333328333350000);
    assert.deepEqual(errors, []);
  });
});

test("lesson 8's IO-bound preset: the thread sweep's speedup keeps growing past the core count", async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const presets = (await readFile('src/lessons/content/08-cpu-vs-io-bound/presets.txt', 'utf8'))
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const io = presets.map((l) => l.split(' | ')[0].trim()).find((f) => f.includes('w=io'));
    await page.evaluate((f) => (location.hash = f), io);
    await page.waitForFunction(() => document.querySelector('#workload')?.value === 'io');
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);
    const workers = Number(await page.locator('#pool-status').getAttribute('data-threads'));
    await page.click('#sweep-start');
    await page.waitForFunction(
      (n) => document.querySelector('.sweep-chart')?.dataset.points === String(n) && !document.querySelector('#progress'),
      workers,
      { timeout: 180_000 },
    );
    const points = await page.locator('.sweep-chart circle.point title').allTextContents();
    const speedups = points.map((t) => t.match(/^(\d+) threads: ([\d.]+)×$/)).map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(speedups.map((p) => p[0]), Array.from({ length: workers }, (_, i) => i + 1));
    const top = speedups[speedups.length - 1][1];
    if (workers > hc) assert.ok(top > hc, `IO-bound: ${top}× on ${workers} threads, past ${hc} cores`);
    // The sweep chart saves too.
    const file = await downloadFrom(page, () => page.click('.save-svg[data-for="sweep-chart-svg"]'));
    assert.equal(file.name, 'thread-sweep.svg');
    const text = file.body.toString('utf8');
    assert.equal((text.match(/<circle[^>]+class="point/g) ?? []).length, workers);
    assert.deepEqual(errors, []);
  });
});
