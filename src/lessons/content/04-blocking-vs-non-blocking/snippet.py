# The four ways to wait for one slow job: sync or async, blocking or non-blocking.
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor


def slow_job() -> str:
    time.sleep(0.5)  # stands in for a network reply
    return "reply"


def other_work(what: str) -> None:
    print(f"    ...{what}")
    time.sleep(0.1)


with ThreadPoolExecutor() as pool:
    print("sync + blocking: wait in line, doing nothing")
    print("  got", pool.submit(slow_job).result())

    print("sync + non-blocking: keep checking (polling)")
    future = pool.submit(slow_job)
    while not future.done():
        other_work("not yet, doing something else")
    print("  got", future.result())

    print("async + blocking: take a ticket, then sit idle until called")
    called = threading.Event()
    pool.submit(slow_job).add_done_callback(lambda f: called.set())
    called.wait()
    print("  called")

    print("async + non-blocking: take a ticket and get on with other work")

    def on_ready(f: Future) -> None:
        print("  called back with", f.result())

    pool.submit(slow_job).add_done_callback(on_ready)
    for _ in range(7):
        other_work("busy with something else")
