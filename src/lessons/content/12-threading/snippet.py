# threading: workers wait on an Event, join() waits for them, a daemon thread does not keep the program alive.
import threading
import time

go = threading.Event()


def worker(name):
    go.wait()  # blocks until another thread calls go.set()
    time.sleep(0.5)  # an IO-like wait: the GIL is released meanwhile
    print(f"{name} done")


def heartbeat():
    while True:  # never ends by itself
        print("  (daemon heartbeat)")
        time.sleep(0.3)


threading.Thread(target=heartbeat, daemon=True).start()
workers = [threading.Thread(target=worker, args=(f"worker-{i}",)) for i in range(4)]
for t in workers:
    t.start()
print("4 workers started; all are waiting for the event")
time.sleep(0.7)

start = time.perf_counter()
go.set()  # releases every waiting worker at once
for t in workers:
    t.join()  # returns when that thread has finished
print(f"four 0.5 s waits took {time.perf_counter() - start:.2f} s in all")
# The script ends here: Python waits for non-daemon threads only, and stops the heartbeat.
