# Cores and logical processors: the same CPU-bound batch on 1, 2, 4 ... up to twice the logical CPUs.
import os
import time
from concurrent.futures import ProcessPoolExecutor

JOBS = 32
WORK = 300_000


def burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def timed(workers: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(burn, [WORK] * JOBS))
    return time.perf_counter() - start


if __name__ == "__main__":
    logical = os.cpu_count() or 1
    # cpu_count() counts logical processors; for physical cores use e.g. psutil.cpu_count(logical=False).
    print(f"logical processors: {logical}")
    baseline = timed(1)
    for workers in sorted({1, 2, 4, logical, 2 * logical}):
        seconds = baseline if workers == 1 else timed(workers)
        print(f"{workers:>3} workers: {seconds:.2f} s, speedup {baseline / seconds:.2f}x")
