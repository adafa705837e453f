// Figures for the lessons' Python (figures, never pass/fail): what Python adds to dist/ and to
// the first page load, click → first output cold (a fresh page: Pyodide loads) and warm (Python
// already loaded), and the memory in use with Python loaded.
//
//   node tests/bench/python.mjs [dist] [repeats]
import { readdir, stat, readFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { openRunner, editCode, runAndWait } from '../e2e/python.mjs';

const dist = process.argv[2] ?? 'dist';
const repeats = Number(process.argv[3] ?? 3);
/**
 * The proportional set size (kB) of this test's Chromium: the browser process whose command
 * line names our profile folder, and every process below it (Linux /proc; null elsewhere).
 */
function chromiumPssKb(profileDir) {
  try {
    const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return { pid, ppid, cmd };
    });
    const root = procs.find((p) => p.cmd.includes(profileDir) && !p.cmd.includes('--type='));
    if (!root) return null;
    const ours = new Set([root.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
    }
    let kb = 0;
    for (const pid of ours) {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m);
      kb += m ? Number(m[1]) : 0;
    }
    return kb;
  } catch {
    return null;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The files Python adds to dist/: the worker and Pyodide's folder.
const files = ['py-worker.js', ...(await readdir(join(dist, 'pyodide'))).map((f) => join('pyodide', f))];
let raw = 0;
let gzip = 0;
for (const f of files) {
  const body = await readFile(join(dist, f));
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
}
console.log(`Python files in dist/: ${files.length}, ${raw} bytes raw, ${gzip} bytes gzip -9`);
for (const f of files) console.log(`  ${f}: ${(await stat(join(dist, f))).size}`);

const browser = await launch();
const server = await serve({ root: dist, isolated: true });
try {
  // First load: every response's size until the page is idle, and whether any is Python's.
  const page = await browser.context.newPage();
  const loaded = [];
  page.on('response', async (r) => {
    const body = await r.body().catch(() => null);
    loaded.push({ url: r.url(), bytes: body?.length ?? 0 });
  });
  await page.goto(`${server.url}#lesson=13-asyncio&lang=en`);
  await page.waitForSelector('main[data-pool="ready"]', { timeout: 30_000 });
  await page.waitForTimeout(2_000);
  const python = loaded.filter((l) => /\/(pyodide\/|py-worker\.js)/.test(l.url));
  const total = loaded.reduce((a, l) => a + l.bytes, 0);
  console.log(`first load: ${loaded.length} responses, ${total} bytes; Python's: ${python.length} files, ${python.reduce((a, l) => a + l.bytes, 0)} bytes`);
  await page.close();

  const cold = [];
  const warm = [];
  let memory = null;
  for (let i = 0; i < repeats; i++) {
    const p = await browser.context.newPage();
    await openRunner(p, server.url, '13-asyncio');
    await editCode(p, "print('first')\n");
    const before = i === 0 ? await p.evaluate(() => performance.measureUserAgentSpecificMemory?.()) : null;
    const pssBefore = i === 0 ? chromiumPssKb(browser.profileDir) : null;
    const c = await runAndWait(p);
    const w = await runAndWait(p);
    cold.push(c.firstOutputMs);
    warm.push(w.firstOutputMs);
    if (i === 0) {
      const after = await p.evaluate(() => performance.measureUserAgentSpecificMemory?.());
      memory = { before: before?.bytes, after: after?.bytes, pssBefore, pssAfter: chromiumPssKb(browser.profileDir) };
    }
    await p.close();
  }
  console.log(`click → first output, cold (Pyodide loads): median ${median(cold)} ms of ${cold.join(', ')}`);
  console.log(`click → first output, warm (Python loaded): median ${median(warm)} ms of ${warm.join(', ')}`);
  if (memory?.after) {
    const mib = (b) => (b / 2 ** 20).toFixed(1);
    console.log(`memory (measureUserAgentSpecificMemory, page and workers): ${mib(memory.before)} MiB before Run, ${mib(memory.after)} MiB with Python loaded (+${mib(memory.after - memory.before)} MiB)`);
  } else {
    console.log('memory: measureUserAgentSpecificMemory is not available here');
  }
  if (memory?.pssAfter) {
    const mib = (kb) => (kb / 1024).toFixed(1);
    console.log(`memory (PSS of all this Chromium's processes): ${mib(memory.pssBefore)} MiB before Run, ${mib(memory.pssAfter)} MiB with Python loaded (+${mib(memory.pssAfter - memory.pssBefore)} MiB)`);
  }
} finally {
  await browser.close();
  await server.close();
}
