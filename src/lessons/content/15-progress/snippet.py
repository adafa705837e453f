# A progress bar fed by finished tasks: imap_unordered hands over each result as soon as it is ready.
import sys
from multiprocessing import Pool


def count_primes(bounds):
    lo, hi = bounds
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(max(lo, 2), hi))


def draw(done, total, width=40):
    filled = width * done // total
    sys.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} tasks")
    sys.stdout.flush()


if __name__ == "__main__":
    n, tasks = 400_000, 200
    ranges = [(n * t // tasks, n * (t + 1) // tasks) for t in range(tasks)]
    found = 0
    with Pool() as pool:
        # With tqdm installed, the same loop is:
        #   for count in tqdm(pool.imap_unordered(count_primes, ranges), total=tasks): ...
        for done, count in enumerate(pool.imap_unordered(count_primes, ranges), start=1):
            found += count
            draw(done, tasks)
    print(f"\n{found} primes below {n}")
