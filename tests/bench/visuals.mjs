// Benchmark rows for the visuals (issue #5 / #8), through the page's own UI: figures with
// goals, never pass/fail.
// - Replay: a pool run of ≥ 10,000 spans replayed in the timeline; the page's frame rate while
//   it plays (requestAnimationFrame callbacks per second).
// - Smoothness: the longest gap between the page's frames while the pool runs a ~5 s
//   CPU-bound job (the frame meter's figure, which the live timeline's drawing is part of).
// - Cost: the same pool run from the UI (spans recorded, progress and live timeline drawn,
//   frames watched for the frame meter), benchRun watching frames only, and benchRun bare,
//   alternating. UI ÷ frames-only is what recording and live drawing cost; frames-only ÷ bare
//   is the frame meter's own cost (on this machine every core runs a worker, and each frame the
//   browser produces takes CPU from them).

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Waits until the page has painted 10 frames in a row without a long one: drawing a finished
// run's results takes main-thread time, which on a 2-core machine the next run's workers
// would otherwise share.
const settle = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        let calm = 0;
        let last = null;
        const t0 = performance.now();
        const tick = (t) => {
          calm = last !== null && t - last < 25 ? calm + 1 : 0;
          last = t;
          if (calm >= 10 || t - t0 > 5_000) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

async function uiRun(page, workload, params, threads) {
  await page.selectOption('#workload', workload);
  for (const [k, v] of Object.entries(params)) await page.fill(`#param-${k}`, String(v));
  await page.locator('#threads').fill(String(threads));
  await settle(page);
  await page.click('#run-pool');
  await page.waitForSelector('#progress', { state: 'attached', timeout: 10_000 }).catch(() => {});
  await page.waitForSelector('#progress', { state: 'detached', timeout: 300_000 });
  const row = page.locator('#result-pool');
  return {
    ms: Number(await row.locator('.wall-time').getAttribute('data-ms')),
    state: await row.getAttribute('data-state'),
  };
}

/** Counts the page's animation frames for `ms` milliseconds. */
const countFrames = (page, ms) =>
  page.evaluate(
    (ms) =>
      new Promise((done) => {
        let frames = 0;
        let worst = 0;
        let last = null;
        const t0 = performance.now();
        const tick = (t) => {
          if (last !== null) worst = Math.max(worst, t - last);
          last = t;
          frames++;
          if (t - t0 < ms) requestAnimationFrame(tick);
          else done({ fps: (frames - 1) / ((t - t0) / 1000), worst });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

export async function visuals(page, { repeats = 5 } = {}) {
  const out = {};

  // 1. Replay of ≥ 10,000 spans. Tiny tasks shorter than the clock's resolution record no
  // span, so grow the run until it has enough.
  let n = 12_000;
  let spans = 0;
  for (let i = 0; i < 4 && spans < 10_000; i++, n = Math.round(n * 1.6)) {
    await uiRun(page, 'squares', { n, chunk: 1 }, 2);
    spans = Number(await page.locator('#timeline-svg .timeline-run[data-run="pool"]').getAttribute('data-spans'));
  }
  const bars = Number(await page.locator('#timeline-svg').getAttribute('data-bars'));
  await page.selectOption('#timeline-speed', '0.1');
  await page.click('#timeline-play');
  await page.waitForTimeout(200);
  const replay = await countFrames(page, 3_000);
  const moved = Number(await page.locator('#timeline-svg').getAttribute('data-playhead'));
  await page.click('#timeline-play');
  out.replay = { spans, bars, fps: replay.fps, worst_frame_ms: replay.worst, playhead_ms: moved };

  // 2. The longest frame gap while the pool runs ~5 s of counting on 2 threads.
  const job = await uiRun(page, 'counter', { n: 1_000_000_000, tasks: 32 }, 2);
  const meter = page.locator('#timeline-svg .timeline-run[data-run="pool"] .frame-meter');
  out.smooth = {
    run_ms: job.ms,
    longest_gap_ms: Number(await meter.getAttribute('data-longest-gap')),
    dropped: Number(await meter.getAttribute('data-dropped')),
  };

  // 3. Recording + live drawing vs frames watched only vs nothing, alternating (medians).
  const params = { n: 20_000_000, tasks: 256 };
  const ui = [];
  const framed = [];
  const bare = [];
  const bench = (frames) =>
    page.evaluate(([p, f]) => window.wasmBindings.benchRun('primes', p, 'pool', 2, false, f), [params, frames]);
  await bench(false);
  for (let i = 0; i < repeats; i++) {
    ui.push((await uiRun(page, 'primes', params, 2)).ms);
    await settle(page);
    framed.push((await bench(true)).wallMs);
    await settle(page);
    bare.push((await bench(false)).wallMs);
  }
  const [u, f, b] = [median(ui), median(framed), median(bare)];
  out.overhead = { ui_ms: u, framed_ms: f, bare_ms: b, drawing: u / f - 1, frames: f / b - 1, total: u / b - 1, repeats };

  out.lines = [
    `| timeline replay: ${out.replay.spans} spans (${out.replay.bars} bars drawn), 0.1×, page frame rate over 3 s (worst frame ${out.replay.worst_frame_ms.toFixed(1)} ms) | ${out.replay.fps.toFixed(1)} fps | ≥ 30 fps |`,
    `| longest main-thread frame gap while the pool runs a ${(out.smooth.run_ms / 1000).toFixed(1)} s CPU-bound job on 2 threads (frame meter; ${out.smooth.dropped} frames dropped) | ${out.smooth.longest_gap_ms.toFixed(1)} ms | ≤ 34 ms |`,
    `| recording + live drawing (progress, live timeline), pool, primes n=20M in 256 tasks: UI run vs benchRun watching frames only (median of ${repeats}) | ${(out.overhead.drawing * 100).toFixed(1)}% (${out.overhead.ui_ms.toFixed(1)} vs ${out.overhead.framed_ms.toFixed(1)} ms) | ≤ 3% |`,
    `| watching every animation frame (the frame meter), same run: benchRun with vs without (median of ${repeats}) | ${(out.overhead.frames * 100).toFixed(1)}% (${out.overhead.framed_ms.toFixed(1)} vs ${out.overhead.bare_ms.toFixed(1)} ms) | — |`,
    `| everything the page does during a UI run, same run: UI run vs bare benchRun | ${(out.overhead.total * 100).toFixed(1)}% | — |`,
  ];
  return out;
}
