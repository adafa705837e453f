//! The native side of the benchmarks: the core's kernels run natively, serially and on rayon's
//! pool, on this machine, so the browser's figures have a native reference measured alongside.
//!
//! `cargo run --release --bin bench` (scripts/bench.sh runs it together with the browser side).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use concurrency_playground::workload::primes;
    use std::time::Instant;

    const N: u64 = 5_000_000;
    const REPEATS: usize = 5;

    fn median_ms(mut f: impl FnMut() -> u64, expect: u64) -> f64 {
        let mut times: Vec<f64> = (0..REPEATS)
            .map(|_| {
                let t0 = Instant::now();
                let answer = std::hint::black_box(f());
                assert_eq!(answer, expect, "the kernel's answer changed between runs");
                t0.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[REPEATS / 2]
    }

    let threads = rayon::current_num_threads();
    let expect = primes::count_serial(N); // also warms caches and the CPU clock
    let serial = median_ms(|| primes::count_serial(N), expect);
    let parallel = median_ms(|| primes::count_parallel(N), expect);
    println!("## Native (this machine, {threads} logical processors)");
    println!();
    println!("| kernel | serial ms | rayon ms ({threads} threads) | speedup |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| primes below {N} (= {expect}) | {serial:.1} | {parallel:.1} | {:.2}× |",
        serial / parallel
    );
    println!();
    println!("<!-- json {{\"native\":{{\"n\":{N},\"serial_ms\":{serial:.3},\"parallel_ms\":{parallel:.3},\"threads\":{threads}}}}} -->");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
