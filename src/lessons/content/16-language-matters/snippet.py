# The same counting in a pure-Python loop and inside C code: the language, not the core count, sets the pace.
import itertools
import time

N = 20_000_000


def count_in_python(n):
    i = 0
    for _ in range(n):
        i = i + 1  # each step: bytecode dispatch, an int object, reference counting
    return i


def count_in_c(n):
    return sum(itertools.repeat(1, n))  # the loop runs inside the interpreter's C code


def timed(label, fn):
    start = time.perf_counter()
    result = fn(N)
    elapsed = time.perf_counter() - start
    print(f"{label:<18} {elapsed * 1e3:8.1f} ms  {elapsed / N * 1e9:6.2f} ns per step  ({result})")


timed("pure Python loop", count_in_python)
timed("C loop via sum()", count_in_c)
# For scale: the playground's WebAssembly counts at roughly 0.3 ns per increment,
# so these 20,000,000 steps take about 6 ms there, on one core.
