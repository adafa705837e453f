// Lesson 16's plain-JavaScript twin of the Rust primes kernel (src/workload/primes.rs,
// `is_prime_u32`): the same trial division by 2, 3 and 6k ± 1, written the way a JavaScript
// programmer would, so the browser's JIT and its WebAssembly compiler race on equal terms.

function isPrime(n) {
  if (n < 4) return n >= 2;
  if (n % 2 === 0 || n % 3 === 0) return false;
  for (let d = 5; d * d <= n; d += 6) {
    if (n % d === 0 || n % (d + 2) === 0) return false;
  }
  return true;
}

/** Primes in [lo, hi), on the calling thread. */
export function countPrimesJs(lo, hi) {
  let count = 0;
  for (let n = lo; n < hi; n++) {
    if (isPrime(n)) count++;
  }
  return count;
}
