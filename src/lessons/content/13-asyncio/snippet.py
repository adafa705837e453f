# asyncio: five 1-second sleeps finish in about 1 s together; one call that never awaits stalls them all.
import asyncio
import time


async def fetch(i, delay=1.0):
    await asyncio.sleep(delay)  # hands the loop back while waiting
    return i


async def hog():
    time.sleep(1.0)  # no await: the whole event loop stops for a second
    return "hog"


async def main():
    t0 = time.perf_counter()
    results = await asyncio.gather(*(fetch(i) for i in range(5)))
    print(results, f"in {time.perf_counter() - t0:.1f} s")  # argument order, about 1.0 s

    tasks = [asyncio.create_task(fetch(i, delay=0.2 * (5 - i))) for i in range(5)]
    for task in tasks:
        task.add_done_callback(lambda t: print("  callback:", t.result()))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"FIRST_COMPLETED: {len(done)} done, {len(pending)} pending")
    done, pending = await asyncio.wait(pending, timeout=0.3)
    print(f"after timeout=0.3: {len(done)} done, {len(pending)} still running")
    await asyncio.gather(*pending)

    t0 = time.perf_counter()
    await asyncio.gather(hog(), *(fetch(i) for i in range(5)))
    print(f"with one blocking task: {time.perf_counter() - t0:.1f} s")  # about 2.0 s


asyncio.run(main())
