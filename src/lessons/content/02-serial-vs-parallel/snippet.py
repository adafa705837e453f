# Serial vs parallel: count the primes below N one range after another, then on every core at once.
import os
import time
from concurrent.futures import ProcessPoolExecutor

N = 600_000
TASKS = 64


def is_prime(k: int) -> bool:
    if k < 4:
        return k >= 2
    if k % 2 == 0 or k % 3 == 0:
        return False
    d = 5
    while d * d <= k:
        if k % d == 0 or k % (d + 2) == 0:
            return False
        d += 6
    return True


def count_primes(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    return sum(1 for k in range(lo, hi) if is_prime(k))


if __name__ == "__main__":
    ranges = [(N * i // TASKS, N * (i + 1) // TASKS) for i in range(TASKS)]
    start = time.perf_counter()
    serial = sum(map(count_primes, ranges))
    serial_s = time.perf_counter() - start

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        parallel = sum(pool.map(count_primes, ranges))
    parallel_s = time.perf_counter() - start
    assert serial == parallel
    print(f"{serial} primes below {N}: serial {serial_s:.2f} s, parallel {parallel_s:.2f} s "
          f"({serial_s / parallel_s:.1f}x on {os.cpu_count()} logical CPUs)")
