//! The plain-JavaScript primes kernel (`js/kernels.js`), for lesson 16's comparison.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/js/kernels.js")]
extern "C" {
    #[wasm_bindgen(js_name = countPrimesJs)]
    fn count_primes_js(lo: f64, hi: f64) -> f64;
}

/// Primes below `n`, counted by the JavaScript kernel on this thread (`n` < 2⁵³).
pub fn count_primes(n: u64) -> u64 {
    count_primes_js(0.0, n as f64) as u64
}
