# CPU-bound vs IO-bound: the same worker counts help computation only up to the cores, but waiting far beyond.
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

CORES = os.cpu_count() or 1


def crunch(n: int) -> int:  # CPU-bound: all arithmetic
    return sum(i * i % 7 for i in range(n))


def fetch(delay: float) -> float:  # IO-bound: all waiting, a stand-in for a network call
    time.sleep(delay)
    return delay


def timed(executor_class, workers: int, job, items: list) -> float:
    start = time.perf_counter()
    with executor_class(max_workers=workers) as pool:
        list(pool.map(job, items))
    return time.perf_counter() - start


if __name__ == "__main__":
    cpu_jobs = [1_000_000] * 16
    io_jobs = [0.15] * 16
    print(f"{CORES} logical CPUs; rule of thumb for CPU-bound pools: {CORES + 1}")
    for workers in sorted({1, CORES, CORES + 1, 2 * CORES, 16}):
        cpu = timed(ProcessPoolExecutor, workers, crunch, cpu_jobs)
        io = timed(ThreadPoolExecutor, workers, fetch, io_jobs)
        print(f"{workers:>2} workers: CPU-bound {cpu:.2f} s, IO-bound {io:.2f} s")
