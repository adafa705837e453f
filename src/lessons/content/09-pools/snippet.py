# Pools: map keeps submission order, as_completed yields in finishing order, chunksize batches tiny tasks.
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, as_completed, wait

# Done callbacks run on the pool's own result thread, beside the main thread: two prints at
# once can cut into each other's line, so each line is printed whole, under a lock.
lines = threading.Lock()


def say(*parts):
    with lines:
        print(*parts)


def square(x):
    return x * x


def slow_square(x):
    time.sleep(0.1 * (5 - x))  # later inputs finish sooner
    return x * x


def announce(future):
    say("  callback:", future.result())


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=5) as pool:  # created once, reused for every job below
        futures = [pool.submit(slow_square, x) for x in range(5)]
        for future in futures:
            future.add_done_callback(announce)
        done, pending = wait(futures, return_when=FIRST_COMPLETED)
        say(f"first wait: {len(done)} done, {len(pending)} pending")
        say("as_completed:", [f.result() for f in as_completed(futures)])
        print("map:         ", list(pool.map(slow_square, range(5))))

        for chunksize in (1, 1_000):
            start = time.perf_counter()
            total = sum(pool.map(square, range(20_000), chunksize=chunksize))
            print(f"chunksize={chunksize:<5} {time.perf_counter() - start:.3f} s  (sum {total})")
    # leaving the with block called pool.shutdown(wait=True)
