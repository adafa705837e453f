// Benchmark rows for issue #19: every kernel against native on one thread and on two, and what
// one task costs on each executor. Figures, never pass/fail: each row names its goal.
//
// The native side is `cargo run --release --bin bench -- --case …` (src/bin/bench.rs): the same
// plans on the engine's own executors, natively, measured in the same session.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `workload:k=v,k=v`: how a case is named to the native bench. */
export function caseSpec(c) {
  return `${c.workload}:${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/**
 * The kernel table: for each CPU-bound case measured in the browser (`cases`, from run.mjs)
 * with a native twin (`native.cases`), wasm ÷ native on one thread and the pool's speedup ÷
 * native's speedup on two.
 */
export function kernelTable(cases, native) {
  const rows = [];
  for (const c of cases.filter((c) => c.kernel)) {
    const twin = native.cases.find((n) => n.spec === caseSpec(c));
    if (!twin) continue;
    const nativeSpeedup = twin.serial_ms / twin.pool2_ms;
    rows.push({
      label: c.label,
      native_ms: twin.serial_ms,
      native_pool2_ms: twin.pool2_ms,
      wasm_ms: c.main_ms,
      wasm_pool2_ms: c.pool2_ms,
      ratio: c.main_ms / twin.serial_ms,
      native_speedup: nativeSpeedup,
      wasm_speedup: c.speedup,
      speedup_ratio: c.speedup / nativeSpeedup,
    });
  }
  const lines = [
    '| kernel | native, 1 thread | wasm, main thread | wasm ÷ native (goal ≤ 1.2) | native speedup, 2 threads | pool speedup, 2 threads | pool ÷ native speedup (goal ≥ 0.97) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.native_ms.toFixed(1)} ms | ${r.wasm_ms.toFixed(1)} ms | ${r.ratio.toFixed(2)} | ${r.native_speedup.toFixed(2)}× | ${r.wasm_speedup.toFixed(2)}× | ${r.speedup_ratio.toFixed(2)} |`,
    ),
  ];
  return { rows, lines };
}

/**
 * Per-task overhead in the browser, per executor: squares over `tasks` numbers as one task per
 * number vs as one task (the same numbers), recording on and off; (many − one) ÷ tasks. The
 * native figures (same method, src/bin/bench.rs) stand beside them.
 */
export async function benchOverhead(run, native, { repeats = 3 } = {}) {
  const tasks = native.overhead_tasks;
  const tiny = { n: tasks, chunk: 1 };
  const one = { n: tasks, chunk: tasks };
  const rows = [];
  for (const executor of ['main', 'async', 'pool', 'gil', 'procs']) {
    const perTask = async (record) => {
      await run('squares', tiny, executor, 2, record); // warm-up (and the process workers' start)
      const many = [];
      const single = [];
      for (let i = 0; i < repeats; i++) {
        const a = await run('squares', tiny, executor, 2, record);
        const b = await run('squares', one, executor, 2, record);
        for (const r of [a, b]) if (r.end !== 'completed') throw new Error(`overhead ${executor}: ${r.end}`);
        if (a.answer !== b.answer) throw new Error(`overhead ${executor}: ${a.answer} vs ${b.answer}`);
        many.push(a.wallMs);
        single.push(b.wallMs);
      }
      return { us: ((median(many) - median(single)) * 1e3) / tasks, many_ms: median(many), one_ms: median(single) };
    };
    const on = await perTask(true);
    const off = await perTask(false);
    rows.push({ executor, on, off, native: native.overhead[executor] ?? null });
  }
  const us = (x) => `${x.toFixed(2)} µs`;
  const lines = [
    `| executor | µs per task (${tasks.toLocaleString('en')} one-number tasks vs one task; recording on) | of which recording | recording off | native, recording on |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.executor} | ${us(r.on.us)} (${r.on.many_ms.toFixed(1)} vs ${r.on.one_ms.toFixed(1)} ms) | ${us(r.on.us - r.off.us)} | ${us(r.off.us)} | ${r.native ? us(r.native.on_us) : '—'} |`,
    ),
  ];
  return { tasks, rows, lines };
}
