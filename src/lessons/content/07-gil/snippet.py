# The GIL: two CPU-bound counters take as long on two threads as one after the other, while IO waits still overlap.
import sys
import threading
import time

N = 20_000_000  # the notes count to 100,000,000; this keeps the run to a few seconds


def count(n: int = N) -> None:
    i = 0
    while i < n:
        i += 1


def on_threads(target, k: int = 2) -> None:
    threads = [threading.Thread(target=target) for _ in range(k)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # False only on a free-threaded build
    print(f"GIL enabled: {gil}, switch interval {sys.getswitchinterval() * 1000:.0f} ms")
    print(f"two counters, one after the other: {timed(lambda: (count(), count())):.2f} s")
    print(f"two counters on two threads:       {timed(lambda: on_threads(count)):.2f} s")
    print(f"eight 0.3 s sleeps on 8 threads:   {timed(lambda: on_threads(lambda: time.sleep(0.3), 8)):.2f} s")
