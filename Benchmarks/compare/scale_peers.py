"""Times the readers a whole city's history would otherwise go through, and prints one JSON object.

Usage: python3 Benchmarks/compare/scale_peers.py FILE

- pyarrow: `pyarrow.csv.read_csv(FILE)` (the Date column stays text);
- pandas: `pandas.read_csv(FILE)` then `pandas.to_datetime(df["Date"], format="%m/%d/%Y %I:%M:%S %p")`.

Each peer runs in its own Python process (this script with `--peer NAME FILE`), after a warm-up read of the
file into the page cache, so that each reports its own wall time, CPU time (user + system, all threads) and peak
resident memory (`resource.getrusage`), the latter also as growth over the process's size after its imports, per row.
pandas is skipped, with the reason in `pandas_skipped`, when the file is larger than a quarter of the
memory available (pandas holds a 3.8 GB extract in several times its size), or when it runs out of memory.
"""
import json
import os
import resource
import subprocess
import sys
import time


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def run_peer(name, path):
    """Runs one peer in this process and prints its JSON."""
    import pandas
    import pyarrow
    import pyarrow.csv
    warm(path)
    base = peak_bytes()
    cpu = cpu_seconds()
    start = time.perf_counter()
    if name == "pyarrow":
        rows = pyarrow.csv.read_csv(path).num_rows
    else:
        frame = pandas.read_csv(path)
        pandas.to_datetime(frame["Date"], format="%m/%d/%Y %I:%M:%S %p")
        rows = len(frame)
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    peak = peak_bytes()
    print(json.dumps({"rows": rows, "seconds": round(seconds, 4), "cpu_seconds": round(cpu, 4), "peak_rss_bytes": peak,
                      "peak_growth_bytes_per_row": round((peak - base) / max(rows, 1), 1),
                      "version": (pyarrow if name == "pyarrow" else pandas).__version__}))


def available_bytes():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def main(path):
    out = {"file": path, "file_bytes": os.path.getsize(path)}
    for name in ("pyarrow", "pandas"):
        if name == "pandas" and out["file_bytes"] * 4 > available_bytes():
            out["pandas_skipped"] = (f"the file ({out['file_bytes'] / 1e9:.1f} GB) is more than a quarter of the "
                                     f"memory available ({available_bytes() / 1e9:.1f} GB)")
            continue
        done = subprocess.run([sys.executable, __file__, "--peer", name, path], capture_output=True, text=True)
        if done.returncode != 0:
            out[f"{name}_skipped"] = f"exited with status {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
            continue
        for key, value in json.loads(done.stdout).items():
            out[f"{name}_{key}"] = value
    print(json.dumps(out))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peer" and sys.argv[2] in ("pyarrow", "pandas"):
        run_peer(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit("usage: scale_peers.py FILE")
