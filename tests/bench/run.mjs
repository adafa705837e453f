// Benchmark (figures, never pass/fail): the release app in headless Chromium, cross-origin
// isolated. For each workload, the synchronous main thread vs the pool with 2 threads,
// alternating in one page so the ratios are fair on a noisy machine; and the cost of
// recording spans. Prints markdown; writes bench-report.{md,json}.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve } from '../e2e/server.mjs';
import { launch, open } from '../e2e/browser.mjs';
import { benchProcs } from './procs.mjs';
import { visuals } from './visuals.mjs';
import { benchSweep, sweepRow } from './sweep.mjs';
import { transferSizes, loadToReady, startupRows } from './startup.mjs';
import { benchOverhead, caseSpec, kernelTable } from './kernels.mjs';
import { writeReadme } from './readme.mjs';
import { idleCpu } from './idle.mjs';

const DIST = process.env.DIST ?? 'dist';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const OVERHEAD_REPEATS = Number(process.env.BENCH_OVERHEAD_REPEATS ?? 7);

// Sizes chosen so each main-thread run takes roughly 0.3–3 s on a 2-core machine.
// `kernel`: CPU-bound, measured natively too (the kernel table).
const CASES = [
  { workload: 'counter', kernel: true, params: { n: 1_000_000_000, tasks: 2 } },
  { workload: 'primes', kernel: true, params: { n: 5_000_000, tasks: 64 } },
  { workload: 'primes', label: 'primes (notes list)', params: { list: 1 } },
  { workload: 'squares', kernel: true, label: 'squares (chunk 10000)', params: { n: 1_000_000, chunk: 10_000 } },
  { workload: 'squares', kernel: true, label: 'squares (chunk 1: tiny tasks)', params: { n: 200_000, chunk: 1 } },
  { workload: 'pi', kernel: true, params: { samples: 200_000_000, tasks: 8 } },
  { workload: 'io', params: { tasks: 4, wait_ms: 500 } },
  { workload: 'bank', label: 'bank (with lock)', params: { tasks: 2, rounds: 1_000_000, lock: 1 } },
  { workload: 'queue', params: {} },
];

/** The lesson page the runs through benchRun happen on. */
const LESSON = 'lesson=02-serial-vs-parallel&lang=en';
const pct = (f) => `${(f * 100).toFixed(1)}%`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The native side, measured in the same session: the same kernel from the core crate, serial
// and on rayon (src/bin/bench.rs prints a table and a JSON comment).
const nativeArgs = ['--save', 'www/native-figures.txt', ...CASES.filter((c) => c.kernel).flatMap((c) => ['--case', caseSpec(c)])];
const nativeOut = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'bench', '--', ...nativeArgs], { encoding: 'utf8' });
console.log(nativeOut);
const nativeAll = JSON.parse(nativeOut.match(/<!-- json (.*) -->/)[1]);
const native = nativeAll.native;

const server = await serve({ root: DIST, isolated: true });
const browser = await launch();
const report = { date: new Date().toISOString(), repeats: REPEATS, cases: [], native };
try {
  // Start-up first, on a quiet browser: fresh pages, the page's own Performance marks.
  report.sizes = await transferSizes(DIST);
  report.startup = await loadToReady(browser.context, server.url);
  // Runs through benchRun happen on a lesson page, where a learner compares executors: the
  // home page's welcome card animates a ball every frame, which takes CPU from the run (the
  // idle figures below). The runs through the UI (cancel, visuals) use the home page after.
  const { page, errors } = await open(browser.context, `${server.url}#${LESSON}`);
  await page.waitForSelector('#pool-status[data-state="ready"]', { timeout: 30_000 });
  report.logical_processors = await page.evaluate(() => navigator.hardwareConcurrency);
  report.pool_workers = Number(await page.locator('#pool-status').getAttribute('data-threads'));

  // Each run starts on a settled page: a synchronous run leaves rendering work behind it
  // (every frame it blocked), which would otherwise land on the next run's time.
  const run = async (workload, params, executor, threads, record = true) => {
    await page.waitForTimeout(150);
    return page.evaluate(
      ([w, p, e, t, r]) => window.wasmBindings.benchRun(w, p, e, t, r),
      [workload, params, executor, threads, record],
    );
  };

  for (const c of CASES) {
    const label = c.label ?? c.workload;
    await run(c.workload, c.params, 'main', 1); // warm-up: the first calls run baseline code
    await run(c.workload, c.params, 'pool', 2);
    const main = [];
    const pool = [];
    let answers = new Set();
    for (let i = 0; i < REPEATS; i++) {
      const m = await run(c.workload, c.params, 'main', 1);
      const p = await run(c.workload, c.params, 'pool', 2);
      for (const r of [m, p]) if (r.end !== 'completed') throw new Error(`${label}: ${r.end}`);
      answers.add(m.answer).add(p.answer);
      main.push(m.wallMs);
      pool.push(p.wallMs);
    }
    const row = {
      label,
      workload: c.workload,
      kernel: Boolean(c.kernel),
      params: c.params,
      main_ms: median(main),
      pool2_ms: median(pool),
      speedup: median(main) / median(pool),
      answers_agree: answers.size === 1,
    };
    report.cases.push(row);
    console.error(`${label}: ${row.main_ms.toFixed(1)} ms vs ${row.pool2_ms.toFixed(1)} ms (${row.speedup.toFixed(2)}×)`);
  }

  // The notes' GIL experiment: two counters, one after the other vs on two threads under a
  // global lock vs on two threads without it.
  {
    const params = { n: 1_000_000_000, tasks: 2 };
    await run('counter', params, 'gil', 2);
    const main = [];
    const gil = [];
    const pool = [];
    for (let i = 0; i < REPEATS; i++) {
      main.push((await run('counter', params, 'main', 1)).wallMs);
      gil.push((await run('counter', params, 'gil', 2)).wallMs);
      pool.push((await run('counter', params, 'pool', 2)).wallMs);
    }
    report.gil = {
      params,
      main_ms: median(main),
      gil_ms: median(gil),
      pool_ms: median(pool),
      gil_ratio: median(gil) / median(main),
      pool_ratio: median(pool) / median(main),
    };
  }

  // The convoy effect (bpo-7946): an IO thread's 40 IO operations of 0.2 ms beside a CPU-bound
  // thread, under the GIL (5 ms switch interval) and on free threads, against the prediction
  // 40 × (0.2 + 5) ms and the IO alone.
  {
    const params = { ios: 40, io_us: 200, cpu_ms: 3_000 };
    const io = (r) => Number(r.details.io_thread_ms);
    await run('convoy', params, 'gil', 2);
    const gil = [];
    const pool = [];
    for (let i = 0; i < REPEATS; i++) {
      gil.push(io(await run('convoy', params, 'gil', 2)));
      pool.push(io(await run('convoy', params, 'pool', 2)));
    }
    const predicted = 40 * (0.2 + 5);
    report.convoy = { params, alone_ms: 8, predicted_ms: predicted, gil_ms: median(gil), pool_ms: median(pool) };
  }

  // Recording overhead: the same pool run with spans recorded and dropped at the source, for
  // a run of few long tasks and for the worst case, one span per tiny task.
  report.recording = [];
  for (const rec of [
    { label: 'primes n=5M in 256 tasks', workload: 'primes', params: { n: 5_000_000, tasks: 256 } },
    { label: 'squares n=200k, chunk 1 (200,000 tiny tasks; a span for each one the 5 µs clock saw take time)', workload: 'squares', params: { n: 200_000, chunk: 1 } },
  ]) {
    await run(rec.workload, rec.params, 'pool', 2, false);
    const on = [];
    const off = [];
    let spans = 0;
    for (let i = 0; i < OVERHEAD_REPEATS; i++) {
      const a = await run(rec.workload, rec.params, 'pool', 2, true);
      const b = await run(rec.workload, rec.params, 'pool', 2, false);
      spans = a.spans;
      on.push(a.wallMs);
      off.push(b.wallMs);
    }
    report.recording.push({ ...rec, spans, on_ms: median(on), off_ms: median(off), overhead: median(on) / median(off) - 1 });
  }

  report.kernel_table = kernelTable(report.cases, nativeAll);
  report.overhead = await benchOverhead(run, nativeAll, { repeats: REPEATS });
  const procs = await benchProcs(run, REPEATS);
  report.procs = procs.figures;
  report.sweep = await benchSweep(run, report.logical_processors, { repeats: REPEATS });
  // Lesson 16's kernels: WebAssembly and plain JavaScript, alternating, on the main thread.
  const kernels = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.waitForTimeout(150);
    kernels.push(await page.evaluate((n) => window.wasmBindings.benchKernels(n), native.n));
  }
  report.kernels = {
    n: native.n,
    wasm_ms: median(kernels.map((k) => k.wasmMs)),
    js_ms: median(kernels.map((k) => k.jsMs)),
  };
  // The home page, for what runs through its Playground and for the idle figures.
  report.idle = { lesson: await idleCpu(page) };
  await page.goto(server.url);
  await page.waitForSelector('#pool-status[data-state="ready"]', { timeout: 30_000 });
  report.idle.home = await idleCpu(page);
  // Cancel latency through the UI: an IO-bound pool run (every task asleep in a 5 s wait),
  // Cancel clicked, until the run's result is on the page.
  await page.selectOption('#workload', 'io');
  await page.fill('#param-wait_ms', '5000');
  const cancels = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.click('#run-pool');
    await page.waitForSelector('#cancel');
    await page.waitForTimeout(300);
    cancels.push(
      await page.evaluate(
        () =>
          new Promise((done) => {
            const t0 = performance.now();
            // The run is over when its progress bar goes (an older result row may be on the
            // page already, so the row itself proves nothing).
            const over = () => !document.querySelector('#progress');
            const watch = new MutationObserver(() => {
              if (over()) {
                watch.disconnect();
                done(performance.now() - t0);
              }
            });
            watch.observe(document.body, { subtree: true, childList: true, attributes: true });
            document.querySelector('#cancel').click();
          }),
      ),
    );
  }
  report.cancel_ms = median(cancels);
  const cancelled = await page.locator('#result-pool').getAttribute('data-state');
  if (cancelled !== 'cancelled') throw new Error(`the cancel run ended ${cancelled}`);
  report.visuals = await visuals(page, { repeats: OVERHEAD_REPEATS });
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);

  const lines = [
    `### In the browser: headless Chromium, ${report.logical_processors} logical processors, pool of ${report.pool_workers} workers`,
    '',
    `Medians of ${REPEATS} alternating runs after a warm-up; the pool uses 2 threads.`,
    '',
    '| workload | main thread | pool, 2 threads | speedup | answers agree |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...report.cases.map(
      (r) => `| ${r.label} | ${r.main_ms.toFixed(1)} ms | ${r.pool2_ms.toFixed(1)} ms | ${r.speedup.toFixed(2)}× | ${r.answers_agree ? 'yes' : 'no'} |`,
    ),
    '',
    `Every CPU-bound kernel against native code on this machine (\`src/bin/bench.rs\`: the same plans on the engine's executors, natively, rayon with 2 threads; medians of 5), measured in the same session:`,
    '',
    ...report.kernel_table.lines,
    '',
    `What one task costs on each executor: the squares of ${report.overhead.tasks.toLocaleString('en')} numbers as one task per number, less the same numbers as one task, per task (pool, GIL and process workers on 2 threads: wall time, so two lanes share it):`,
    '',
    ...report.overhead.lines,
    '',
    '| figure | value | goal |',
    '| --- | ---: | ---: |',
    ...report.recording.map(
      (r) => `| recording overhead, pool, ${r.label}: ${r.spans} spans (median of ${OVERHEAD_REPEATS}) | ${(r.overhead * 100).toFixed(1)}% (${r.on_ms.toFixed(1)} vs ${r.off_ms.toFixed(1)} ms) | ≤ 3% |`,
    ),
    `| GIL experiment, 2 × count to 10⁹: under the GIL on 2 threads ÷ one after the other on the main thread | ${report.gil.gil_ratio.toFixed(2)} (${report.gil.gil_ms.toFixed(1)} vs ${report.gil.main_ms.toFixed(1)} ms) | 0.9–1.2 |`,
    `| same, without the GIL on 2 threads ÷ main thread | ${report.gil.pool_ratio.toFixed(2)} (${report.gil.pool_ms.toFixed(1)} ms) | ≈ 0.5 |`,
    `| convoy (bpo-7946): an IO thread's 40 × 0.2 ms IO beside a CPU-bound thread, under the GIL ÷ predicted 40 × (0.2 + 5) ms | ${(report.convoy.gil_ms / report.convoy.predicted_ms).toFixed(2)} (${report.convoy.gil_ms.toFixed(1)} vs ${report.convoy.predicted_ms.toFixed(0)} ms; free threads ${report.convoy.pool_ms.toFixed(1)} ms, alone ${report.convoy.alone_ms} ms) | ≈ 1 |`,
    `| cancel → run ended and shown (pool, IO-bound, median of ${REPEATS}) | ${report.cancel_ms.toFixed(1)} ms | ≤ 100 ms |`,
    `| wasm single-thread ÷ native, primes below ${native.n} (main thread ${report.cases.find((c) => c.label === 'primes').main_ms.toFixed(1)} ms, native ${native.serial_ms.toFixed(1)} ms) | ${(report.cases.find((c) => c.label === 'primes').main_ms / native.serial_ms).toFixed(2)} | ≤ 1.2 |`,
    sweepRow(report.sweep),
    `| lesson 16: plain JavaScript ÷ WebAssembly, primes below ${report.kernels.n}, main thread (${report.kernels.js_ms.toFixed(1)} vs ${report.kernels.wasm_ms.toFixed(1)} ms, median of ${REPEATS}) | ${(report.kernels.js_ms / report.kernels.wasm_ms).toFixed(2)} | (figure for the lesson) |`,
    ...startupRows(report.sizes, report.startup, report.pool_workers),
    ...procs.lines,
    ...report.visuals.lines,
    `| a settled page's CPU while nothing runs (every browser process, 3 s): a lesson page · the home page, its welcome ball moving on screen | ${pct(report.idle.lesson)} · ${pct(report.idle.home)} of one core | — |`,
    '',
  ];
  const md = lines.join('\n');
  console.log(md);
  await writeFile('bench-report.md', md);
  await writeFile('bench-report.json', JSON.stringify(report, null, 2) + '\n');
  console.log('(written to bench-report.md and bench-report.json)');
  if (process.env.BENCH_README !== '0') await writeReadme(report, md);
} finally {
  await browser.close();
  await server.close();
}
