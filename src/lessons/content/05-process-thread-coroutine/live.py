# The asyncio part of this lesson's snippet, which runs in the browser: coroutines share one list on one thread.
import asyncio
import time

COUNT = 20
shared: list[str] = []  # every process has its own copy of this list


async def append_later(tag: str) -> None:
    await asyncio.sleep(0)  # a switch point: the loop may run another coroutine here
    shared.append(tag)


async def start_coroutines() -> float:
    begin = time.perf_counter()
    await asyncio.gather(*(append_later(f"coroutine {i}") for i in range(COUNT)))
    return (time.perf_counter() - begin) / COUNT * 1e3


if __name__ == "__main__":
    ms = asyncio.run(start_coroutines())
    print(f"coroutine: {ms:.3f} ms each, list has {len(shared)} items (one thread, one memory)")
