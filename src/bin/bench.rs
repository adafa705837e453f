//! The native side of the benchmarks: the core's kernels and executors run natively on this
//! machine, so the browser's figures have a native reference measured alongside.
//!
//! `cargo run --release --bin bench -- [--save www/native-figures.txt] [--case SPEC]…`
//!
//! - Lesson 16's reference: primes below 5 M, serial and on rayon's own parallel iterator
//!   (`--save` writes the figures the lesson shows).
//! - Each `--case workload:k=v,k=v` (the browser benchmark passes its own cases, so both sides
//!   run the same plans): the plan on the engine's synchronous executor (the main thread's)
//!   and on its pool executor with 2 lanes, recording on, as the page runs them.
//! - Per-task overhead: the same squares run as one task per number and as one big task, on
//!   each native executor, recording on and off; the difference per task is what a task costs.
//!
//! scripts/bench.sh runs it together with the browser side (tests/bench/run.mjs).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use concurrency_playground::engine::clock::SystemClock;
    use concurrency_playground::engine::gil::Gil;
    use concurrency_playground::engine::main_thread::{run_blocking, Order};
    use concurrency_playground::engine::{pool, Plan, Recorder, RunEnd, RunOutput};
    use concurrency_playground::param::Values;
    use concurrency_playground::workload::{self, primes, squares};
    use std::sync::Arc;
    use std::time::Instant;

    const N: u64 = 5_000_000;
    const REPEATS: usize = 5;
    /// The pool runs' lanes, as in the browser benchmark.
    const LANES: usize = 2;
    /// Tasks in the per-task overhead runs (one number each).
    pub const OVERHEAD_TASKS: u64 = 200_000;

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    fn median_ms(mut f: impl FnMut() -> u64, expect: u64) -> f64 {
        median(
            (0..REPEATS)
                .map(|_| {
                    let t0 = Instant::now();
                    let answer = std::hint::black_box(f());
                    assert_eq!(answer, expect, "the kernel's answer changed between runs");
                    t0.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        )
    }

    /// A native executor: how the page's executors run a plan, minus the browser.
    #[derive(Clone, Copy)]
    enum Native {
        Main,
        Async,
        Pool,
        Gil,
    }

    impl Native {
        const ALL: [Native; 4] = [Native::Main, Native::Async, Native::Pool, Native::Gil];

        fn tag(self) -> &'static str {
            match self {
                Native::Main => "main",
                Native::Async => "async",
                Native::Pool => "pool",
                Native::Gil => "gil",
            }
        }

        /// Runs `plan`; answers its wall time in ms (the engine's own measurement).
        fn run(self, plan: Plan, record: bool) -> RunOutput {
            let recorder = Recorder::new(plan.tasks.len(), record);
            let out = match self {
                Native::Main => run_blocking(plan, Order::Sequential, &SystemClock, &recorder),
                Native::Async => run_blocking(plan, Order::Interleaved, &SystemClock, &recorder),
                Native::Pool | Native::Gil => {
                    let gil = matches!(self, Native::Gil).then(Gil::default);
                    pool::run_blocking(plan, LANES, SystemClock, Arc::new(recorder), gil)
                }
            };
            assert!(
                matches!(out.end, RunEnd::Completed),
                "a benchmark run did not complete"
            );
            out
        }
    }

    /// `workload:k=v,k=v` → the workload and its (clamped) values.
    fn parse_case(spec: &str) -> (&'static workload::WorkloadDef, Values) {
        let (id, params) = spec.split_once(':').unwrap_or((spec, ""));
        let def = workload::by_id(id).unwrap_or_else(|| panic!("unknown workload {id:?}"));
        let mut values = Values::default();
        for pair in params.split(',').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').expect("k=v");
            let param = def
                .params
                .iter()
                .find(|p| p.name == k)
                .unwrap_or_else(|| panic!("{id} has no parameter {k:?}"));
            values.set(param, v.parse().expect("a whole number"));
        }
        (def, values)
    }

    /// One case: median wall time on one thread and on the pool, alternating.
    fn case(spec: &str) -> (f64, f64) {
        let (def, values) = parse_case(spec);
        let plan = || (def.plan)(&values);
        // Warm-up: caches, the CPU's clock, rayon's threads.
        Native::Main.run(plan(), true);
        Native::Pool.run(plan(), true);
        let (mut one, mut two) = (vec![], vec![]);
        for _ in 0..REPEATS {
            one.push(Native::Main.run(plan(), true).wall_ms);
            two.push(Native::Pool.run(plan(), true).wall_ms);
        }
        (median(one), median(two))
    }

    /// Per-task overhead of one executor in µs: (many tiny tasks − one task, same numbers) ÷
    /// tasks, with recording on and off.
    fn overhead_us(executor: Native) -> (f64, f64) {
        let tiny = || {
            let mut v = Values::default();
            v.set(&squares::N, OVERHEAD_TASKS).set(&squares::CHUNK, 1);
            (squares::DEF.plan)(&v)
        };
        let one = || {
            let mut v = Values::default();
            v.set(&squares::N, OVERHEAD_TASKS)
                .set(&squares::CHUNK, OVERHEAD_TASKS);
            (squares::DEF.plan)(&v)
        };
        let per_task = |record: bool| {
            executor.run(tiny(), record);
            let (mut many, mut single) = (vec![], vec![]);
            for _ in 0..REPEATS {
                many.push(executor.run(tiny(), record).wall_ms);
                single.push(executor.run(one(), record).wall_ms);
            }
            (median(many) - median(single)) * 1e3 / OVERHEAD_TASKS as f64
        };
        (per_task(true), per_task(false))
    }

    pub fn main() {
        // The browser's pool runs use 2 of its workers; natively rayon gets the same 2 threads.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(LANES)
            .build_global();
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let args: Vec<String> = std::env::args().collect();
        let value_of = |flag: &'static str| -> Vec<&str> {
            args.windows(2)
                .filter(|w| w[0] == flag)
                .map(|w| w[1].as_str())
                .collect()
        };

        let expect = primes::count_serial(N); // also warms caches and the CPU clock
        let serial = median_ms(|| primes::count_serial(N), expect);
        let parallel = median_ms(|| primes::count_parallel(N), expect);
        println!("## Native (this machine, {cpus} logical processors; rayon with {LANES} threads)");
        println!();
        println!("| kernel | serial ms | rayon ms ({LANES} threads) | speedup |");
        println!("| --- | ---: | ---: | ---: |");
        println!(
            "| primes below {N} (= {expect}), rayon's parallel iterator | {serial:.1} | {parallel:.1} | {:.2}× |",
            serial / parallel
        );
        let mut cases = vec![];
        for spec in value_of("--case") {
            let (one, two) = case(spec);
            println!(
                "| {spec}, the engine's executors | {one:.1} | {two:.1} | {:.2}× |",
                one / two
            );
            cases.push(format!(
                "{{\"spec\":\"{spec}\",\"serial_ms\":{one:.3},\"pool2_ms\":{two:.3}}}"
            ));
        }
        println!();
        println!("| per-task overhead, squares n={OVERHEAD_TASKS} chunk 1 vs one chunk | µs per task, recording on | recording off |");
        println!("| --- | ---: | ---: |");
        let mut overhead = vec![];
        for executor in Native::ALL {
            let (on, off) = overhead_us(executor);
            println!("| {} | {on:.3} | {off:.3} |", executor.tag());
            overhead.push(format!(
                "\"{}\":{{\"on_us\":{on:.4},\"off_us\":{off:.4}}}",
                executor.tag()
            ));
        }
        println!();
        if let Some(path) = value_of("--save").first() {
            let figures = concurrency_playground::lang_compare::NativeFigures {
                n: N,
                serial_ms: serial,
                parallel_ms: parallel,
                threads: rayon::current_num_threads() as u32,
                measured: format!("{}, {cpus} logical processors", today()),
            };
            std::fs::write(path, figures.to_text()).expect("write the native figures");
            println!("(native figures saved to {path})");
        }
        println!(
            "<!-- json {{\"native\":{{\"n\":{N},\"serial_ms\":{serial:.3},\"parallel_ms\":{parallel:.3},\"threads\":{LANES},\"cpus\":{cpus}}},\"cases\":[{}],\"overhead\":{{{}}},\"overhead_tasks\":{OVERHEAD_TASKS}}} -->",
            cases.join(","),
            overhead.join(",")
        );
    }

    /// Today's date (UTC) from the system clock, as YYYY-MM-DD.
    fn today() -> String {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400) as i64;
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }
}
