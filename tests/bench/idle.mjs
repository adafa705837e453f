// What a page costs while nothing runs: the CPU time of every browser process (Linux /proc),
// over a few seconds of a settled page, as a share of one core. Anything animating (the
// welcome card's ball) shows here, and takes that time from a pool run beside it.
import { readFileSync, readdirSync } from 'node:fs';

/** Total user + system CPU seconds of the browser's processes (every Chromium or Firefox). */
function browserCpuSeconds() {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!/chrom|firefox/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** The share of one core the browser used while `page` sat idle for `ms`. */
export async function idleCpu(page, ms = 3_000) {
  await page.waitForTimeout(500);
  const a = browserCpuSeconds();
  const t0 = performance.now();
  await page.waitForTimeout(ms);
  const b = browserCpuSeconds();
  return (b - a) / ((performance.now() - t0) / 1e3);
}
