//! The native side of the benchmarks: the core's kernels run natively, serially and on rayon's
//! pool, on this machine, so the browser's figures have a native reference measured alongside.
//!
//! `cargo run --release --bin bench [-- --save www/native-figures.txt]` (scripts/bench.sh runs
//! it together with the browser side and saves the figures lesson 16 shows).

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
    if let Some(path) = std::env::args().skip_while(|a| a != "--save").nth(1) {
        let figures = concurrency_playground::lang_compare::NativeFigures {
            n: N,
            serial_ms: serial,
            parallel_ms: parallel,
            threads: threads as u32,
            measured: format!("{}, {threads} logical processors", today()),
        };
        std::fs::write(&path, figures.to_text()).expect("write the native figures");
        println!("(native figures saved to {path})");
    }
    println!("<!-- json {{\"native\":{{\"n\":{N},\"serial_ms\":{serial:.3},\"parallel_ms\":{parallel:.3},\"threads\":{threads}}}}} -->");
}

/// Today's date (UTC) from the system clock, as YYYY-MM-DD.
#[cfg(not(target_arch = "wasm32"))]
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

#[cfg(target_arch = "wasm32")]
fn main() {}
