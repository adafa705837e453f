// Benchmark rows for the thread sweep (issue #8): a CPU-bound workload at 1 … 2 × logical
// processors threads, speedup over one pool thread, checked for "monotone up to the core
// count, within 5% of ideal". Figures only: the caller prints them next to their goals.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `run(workload, params, executor, threads)` runs one benchmark run in the page (benchRun).
 * Returns { workload, points: [{ threads, ms, speedup }], cores, monotone, worstToIdeal }.
 */
export async function benchSweep(run, cores, { repeats = 3, workload = 'primes', params = { n: 5_000_000, tasks: 64 } } = {}) {
  const counts = Array.from({ length: 2 * cores }, (_, i) => i + 1);
  await run(workload, params, 'pool', cores); // warm-up
  const times = new Map(counts.map((t) => [t, []]));
  // Rounds over every count, so a slow spell of the machine hits all counts alike.
  for (let r = 0; r < repeats; r++) {
    for (const t of counts) {
      const out = await run(workload, params, 'pool', t);
      if (out.end !== 'completed') throw new Error(`sweep ${workload} at ${t} threads: ${out.end}`);
      times.get(t).push(out.wallMs);
    }
  }
  const base = median(times.get(1));
  const points = counts.map((t) => {
    const ms = median(times.get(t));
    return { threads: t, ms, speedup: base / ms };
  });
  const upToCores = points.filter((p) => p.threads <= cores);
  const monotone = upToCores.every((p, i) => i === 0 || p.speedup > upToCores[i - 1].speedup);
  // How far below ideal (speedup = threads) the worst point up to the core count falls.
  const worstToIdeal = Math.min(...upToCores.map((p) => p.speedup / p.threads));
  return { workload, params, points, cores, monotone, worstToIdeal };
}

/** The report's table row for a sweep. */
export function sweepRow(s) {
  const pts = s.points.map((p) => `${p.threads}: ${p.speedup.toFixed(2)}×`).join(', ');
  return `| thread sweep, ${s.workload} (speedup over 1 pool thread; ${pts}) | ${s.monotone ? 'monotone' : 'NOT monotone'} to ${s.cores} threads, worst ${(s.worstToIdeal * 100).toFixed(1)}% of ideal | monotone to the core count, ≥ 95% of ideal |`;
}
