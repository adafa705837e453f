// Benchmark rows for the process-like workers (figures, never pass/fail): what copying data to
// a worker with its own memory costs per megabyte, and what starting a worker (and its wasm
// instance) costs compared with reusing one. Called from run.mjs with its `run` helper.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures on the open page; returns { figures, lines } (markdown table rows). */
export async function benchProcs(run, repeats) {
  // The list demo copies the page's list to each worker with its first batch: 2 tasks on 2
  // workers, so every run copies the list twice. Subtracting an empty list's run leaves the
  // cost of the data itself (copy out of wasm memory, structured clone, copy in).
  const MB = (4_000_000 * 4) / 2 ** 20;
  const list = (length) => ({ length, appends: 1, tasks: 2 });
  await run('shared_list', list(0), 'procs', 2); // start the workers once
  const big = [];
  const empty = [];
  for (let i = 0; i < repeats; i++) {
    const b = await run('shared_list', list(4_000_000), 'procs', 2);
    const e = await run('shared_list', list(0), 'procs', 2);
    for (const r of [b, e]) if (r.end !== 'completed') throw new Error(`list demo: ${r.end}`);
    big.push(b.copyMs);
    empty.push(e.copyMs);
  }
  const perMb = (median(big) - median(empty)) / (2 * MB);

  // Fresh worker per batch vs reused workers, on the same small CPU run (16 tasks on 2 workers:
  // 8 batches, so 8 start-ups when fresh).
  const primes = { n: 200_000, tasks: 16 };
  await run('primes', primes, 'procs', 2);
  const fresh = [];
  const reused = [];
  const startups = [];
  for (let i = 0; i < repeats; i++) {
    const f = await run('primes', primes, 'procs-fresh', 2);
    const r = await run('primes', primes, 'procs', 2);
    if (f.answer !== r.answer) throw new Error(`fresh ${f.answer} vs reused ${r.answer}`);
    fresh.push(f.wallMs);
    reused.push(r.wallMs);
    startups.push(f.startupMs);
  }
  const figures = {
    copy_ms_per_mb: perMb,
    list_copy_ms: median(big),
    empty_copy_ms: median(empty),
    startup_ms: median(startups),
    fresh_ms: median(fresh),
    reused_ms: median(reused),
  };
  const lines = [
    `| process workers: copying data to a worker (list of 4M u32 to 2 workers, less an empty list; median of ${repeats}) | ${perMb.toFixed(2)} ms/MB (${figures.list_copy_ms.toFixed(1)} vs ${figures.empty_copy_ms.toFixed(1)} ms) | — |`,
    `| process workers: starting one (worker + its own wasm instance, spawn → ready) | ${figures.startup_ms.toFixed(1)} ms | — |`,
    `| process workers: primes n=200k in 16 tasks, a fresh worker per batch vs reused workers | ${figures.fresh_ms.toFixed(1)} vs ${figures.reused_ms.toFixed(1)} ms | — |`,
  ];
  return { figures, lines };
}
