# Timeouts stop the waiting, not the work: a running task stops only when it checks for a stop request.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

stop = threading.Event()


def crunch(label):
    steps = 0
    while not stop.is_set():  # the cooperative check, once per small step
        sum(range(10_000))
        steps += 1
    return f"{label} stopped after {steps} steps"


with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(crunch, f"task {i}") for i in range(2)]
    done, pending = wait(futures, timeout=0.5)  # returns after 0.5 s, raises nothing
    print(f"timed out: {len(done)} done, {len(pending)} still running")
    print("cancel() on a running future:", futures[0].cancel())  # False: too late
    stop.set()  # ask; each task stops at its next check
    print([f.result() for f in futures])
# Without stop.set(), leaving the with block (shutdown(wait=True)) would wait forever.


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("asyncio: cancelled at its await")
        raise


try:
    asyncio.run(asyncio.wait_for(slow(), timeout=0.5))  # wait_for cancels on timeout
except asyncio.TimeoutError:
    print("asyncio: wait_for timed out after cancelling the task")
