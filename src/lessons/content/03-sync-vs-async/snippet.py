# Sync vs async: wait for each reply in turn, or take a ticket for each and get called back when it is ready.
import asyncio
import time

WAITS = [0.78, 0.67, 0.26, 0.49, 0.34]  # the same waits as the demo preset


def ask_sync(i: int, wait: float) -> str:
    time.sleep(wait)  # stand in line until the reply comes
    return f"reply {i}"


async def ask_async(i: int, wait: float) -> str:
    await asyncio.sleep(wait)  # the loop serves others while this one waits
    return f"reply {i}"


def called_back(task: asyncio.Task) -> None:
    print("async: called back with", task.result())


async def with_tickets() -> None:
    tickets = []
    for i, wait in enumerate(WAITS):
        task = asyncio.create_task(ask_async(i, wait))
        task.add_done_callback(called_back)  # "call my number when it is ready"
        tickets.append(task)
    print("async: all tickets taken, free to do other things")
    await asyncio.gather(*tickets)


if __name__ == "__main__":
    start = time.perf_counter()
    for i, wait in enumerate(WAITS):
        print("sync: got", ask_sync(i, wait))
    print(f"sync total {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    asyncio.run(with_tickets())
    print(f"async total {time.perf_counter() - start:.2f} s")
