# The asyncio part of this lesson's snippet, which runs in the browser: two counting jobs taking turns on one thread.
import asyncio
import time

N = 4_000_000
SLICE = 500_000


def count(n: int) -> int:
    total = 0
    for _ in range(n):
        total += 1
    return total


async def count_in_turns(name: str, turns: list[str]) -> int:
    total = 0
    for _ in range(N // SLICE):
        total += count(SLICE)
        turns.append(name)        # who had the thread for this slice
        await asyncio.sleep(0)    # give the thread back to the event loop
    return total


async def interleaved() -> list[str]:
    turns: list[str] = []
    await asyncio.gather(count_in_turns("A", turns), count_in_turns("B", turns))
    return turns


if __name__ == "__main__":
    start = time.perf_counter()
    turns = asyncio.run(interleaved())
    print(f"concurrent, one thread: {''.join(turns)} in {time.perf_counter() - start:.2f} s")
