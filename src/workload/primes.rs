//! Counting primes below `n` by trial division: a plain CPU-bound kernel with a well-known
//! answer (π(n)), cheap to check and easy to split into independent ranges.

use crate::param::Param;
use rayon::prelude::*;

/// Count primes below `n`. The bounds keep a main-thread run under a few seconds on a laptop
/// and a pool run under a minute on two cores.
pub const LIMIT: Param = Param {
    name: "n",
    default: 3_000_000,
    min: 10,
    max: 30_000_000,
};

/// How many numbers one parallel task checks. Small enough to balance load on many threads
/// (larger numbers cost more to test), large enough that scheduling costs nothing visible.
pub const CHUNK: u64 = 20_000;

/// Trial division by 2, 3 and then 6k ± 1 up to √n.
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n < 4 {
        return true;
    }
    if n.is_multiple_of(2) || n.is_multiple_of(3) {
        return false;
    }
    let mut d = 5u64;
    while d.saturating_mul(d) <= n {
        if n.is_multiple_of(d) || n.is_multiple_of(d + 2) {
            return false;
        }
        d += 6;
    }
    true
}

/// Primes in `lo..hi`.
pub fn count_in_range(lo: u64, hi: u64) -> u64 {
    (lo..hi).filter(|&k| is_prime(k)).count() as u64
}

/// Primes below `n`, one number after another on the calling thread.
pub fn count_serial(n: u64) -> u64 {
    count_in_range(0, n)
}

/// Primes below `n`, split into [`CHUNK`]-sized ranges that rayon spreads over its pool.
///
/// In the browser this must run *on* a pool thread (it blocks while the others work); the
/// main thread hands it over with `rayon::spawn` and awaits the answer.
pub fn count_parallel(n: u64) -> u64 {
    let chunks = n.div_ceil(CHUNK);
    (0..chunks)
        .into_par_iter()
        .map(|c| count_in_range(c * CHUNK, ((c + 1) * CHUNK).min(n)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_primes() {
        let primes: Vec<u64> = (0..30).filter(|&k| is_prime(k)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    }

    #[test]
    fn squares_of_primes_are_composite() {
        for p in [5u64, 7, 11, 13, 9973] {
            assert!(!is_prime(p * p), "{p}²");
            assert!(!is_prime(p * (p + 2)), "{p}·{}", p + 2);
        }
    }

    #[test]
    fn large_primes_from_the_notes() {
        // The notes' list of large numbers: the first four are prime, the last is not.
        for p in [
            112_272_535_095_293u64,
            112_582_705_942_171,
            115_280_095_190_773,
            115_797_848_077_099,
        ] {
            assert!(is_prime(p), "{p}");
        }
        assert!(!is_prime(1_099_726_899_285_419));
    }

    #[test]
    fn known_prime_counts() {
        // π(n) for n = 10, 100, 1000, 10^6.
        assert_eq!(count_serial(10), 4);
        assert_eq!(count_serial(100), 25);
        assert_eq!(count_serial(1_000), 168);
        assert_eq!(count_serial(1_000_000), 78_498);
    }

    #[test]
    fn parallel_equals_serial() {
        for n in [
            0,
            1,
            2,
            3,
            10,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            123_457,
            1_000_000,
        ] {
            assert_eq!(count_parallel(n), count_serial(n), "n = {n}");
        }
    }

    // The default must lie within the bounds; checked when the crate compiles.
    const _: () = assert!(LIMIT.min <= LIMIT.default && LIMIT.default <= LIMIT.max);
}
