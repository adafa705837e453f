"""Records what CPython prints for the lessons' thread and process snippets.

The browser's Python (Pyodide) cannot start threads or processes, so the page shows these
snippets' output as recorded here, with the Python and the machine that printed it. Each line
is stamped with the seconds since the snippet started, as the page stamps live output.

    /usr/bin/python3 tests/snippets/record.py [NN ...]    # default: every recorded lesson

Writes src/lessons/content/NN-*/recorded.txt (format: src/pyrun/recorded.rs).
"""

import datetime
import glob
import os
import platform
import subprocess
import sys
import time

# The snippets that start threads or processes (pyrun::catalog keeps the same list).
RECORDED = ["01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15"]


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def record(folder: str) -> None:
    snippet = os.path.join(folder, "snippet.py")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-u", "snippet.py"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    lines = []
    for raw in proc.stdout:  # bytes, split at "\n" only
        # A progress bar redraws with "\r": keep what it showed last.
        text = raw.decode("utf-8", "replace").rstrip("\n").split("\r")[-1]
        lines.append(f"{time.perf_counter() - start:.3f}\t{text}")
    proc.wait()
    total = time.perf_counter() - start
    load = os.getloadavg()[0]
    header = [
        f"# python: {platform.python_implementation()} {platform.python_version()}",
        f"# build: {'free-threaded' if not getattr(sys, '_is_gil_enabled', lambda: True)() else 'with the GIL'}",
        f"# machine: {platform.machine()}, {cpu_model()}, {os.cpu_count()} logical CPUs",
        f"# os: {platform.system()} {platform.release()}",
        f"# recorded: {datetime.date.today().isoformat()}, load average {load:.2f} before the end",
        f"# exit: {proc.returncode}, {total:.3f} s in all",
    ]
    out = os.path.join(folder, "recorded.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(header + lines) + "\n")
    print(f"{snippet}: {len(lines)} lines, {total:.2f} s, exit {proc.returncode}")


if __name__ == "__main__":
    root = os.path.join(os.path.dirname(__file__), "..", "..", "src", "lessons", "content")
    for nn in sys.argv[1:] or RECORDED:
        for folder in sorted(glob.glob(os.path.join(root, f"{nn}-*"))):
            record(folder)
