# The bank balance race: two threads deposit and withdraw; without a lock updates get lost.
import sys
import threading
import time

sys.setswitchinterval(1e-6)  # switch threads very often, so the race shows up in a short run
ROUNDS, balance = 1_000_000, 0


def bookkeeping():  # anything between the read and the write gives another thread a chance
    pass


def change(amount):
    global balance
    seen = balance  # read
    bookkeeping()
    balance = seen + amount  # write: may overwrite another thread's update


def teller(amount, lock):
    for _ in range(ROUNDS):
        if lock is None:
            change(amount)
            change(-amount)
        else:
            with lock:  # read and write now happen as one indivisible step
                change(amount)
                change(-amount)


for lock in (None, threading.Lock()):
    balance = 0
    start = time.perf_counter()
    tellers = [threading.Thread(target=teller, args=(n, lock)) for n in (5, 8)]
    for t in tellers:
        t.start()
    for t in tellers:
        t.join()
    print(f"lock={lock is not None}: balance {balance} (should be 0), {time.perf_counter() - start:.2f} s")
