//! The real pool in real Chromium: wasm-bindgen-test runs this in a dedicated worker of a
//! cross-origin-isolated page (the test runner sends COOP/COEP), starts wasm-bindgen-rayon's
//! pool through the app's own glue (`web::pool`), and checks that parallel work really spreads
//! over several threads and gives the serial answer.
#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;

use concurrency_playground::web::pool;
use concurrency_playground::workload::primes;
use rayon::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
async fn pool_runs_in_parallel_and_matches_the_serial_answer() {
    pool::start(2)
        .await
        .expect("the pool starts in an isolated context");
    assert_eq!(rayon::current_num_threads(), 2);

    let n = 400_000;
    let parallel = pool::run(move || primes::count_parallel(n)).await.unwrap();
    assert_eq!(parallel, primes::count_serial(n));
    assert_eq!(parallel, 33_860, "π(400,000)");

    // Every task reports which pool thread ran it: with enough work, both threads take part.
    let threads: HashSet<Option<usize>> = pool::run(|| {
        (0..64u64)
            .into_par_iter()
            .map(|i| {
                std::hint::black_box(primes::count_in_range(i * 5_000, (i + 1) * 5_000));
                rayon::current_thread_index()
            })
            .collect()
    })
    .await
    .unwrap();
    assert_eq!(threads, HashSet::from([Some(0), Some(1)]));

    // The global pool cannot be rebuilt: a second start says so instead of trapping.
    let again = pool::start(2).await;
    assert_eq!(again, Err("the pool was already started".to_string()));
}
