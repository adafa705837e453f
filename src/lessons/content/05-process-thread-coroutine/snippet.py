# Process vs thread vs coroutine: who sees a change to the same list, and what each costs to start.
import asyncio
import threading
import time
from multiprocessing import Process

COUNT = 20
shared: list[str] = []  # every process has its own copy of this list


def append(tag: str) -> None:
    shared.append(tag)


def start_and_join(kind) -> float:
    begin = time.perf_counter()
    for i in range(COUNT):
        worker = kind(target=append, args=(f"{kind.__name__} {i}",))
        worker.start()
        worker.join()
    return (time.perf_counter() - begin) / COUNT * 1e3


async def append_later(tag: str) -> None:
    await asyncio.sleep(0)  # a switch point: the loop may run another coroutine here
    shared.append(tag)


async def start_coroutines() -> float:
    begin = time.perf_counter()
    await asyncio.gather(*(append_later(f"coroutine {i}") for i in range(COUNT)))
    return (time.perf_counter() - begin) / COUNT * 1e3


if __name__ == "__main__":
    for kind in (Process, threading.Thread):  # a child process appends to its own copy; threads share one
        ms = start_and_join(kind)
        print(f"{kind.__name__}: {ms:.3f} ms each to start and join, list has {len(shared)} items")
    ms = asyncio.run(start_coroutines())
    print(f"coroutine: {ms:.3f} ms each, list has {len(shared)} items (one thread, one memory)")
