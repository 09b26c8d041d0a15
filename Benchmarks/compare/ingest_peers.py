"""Times the peers of `crimekit ingest` on a Chicago-schema CSV and prints one JSON object.

Usage: python3 Benchmarks/compare/ingest_peers.py FILE

- pandas: `pandas.read_csv(FILE)` then `pandas.to_datetime(df["Date"], format="%m/%d/%Y %I:%M:%S %p")`
- pyarrow: `pyarrow.csv.read_csv(FILE)` (no date parsing, as pyarrow reads the column as text)

Each peer runs once, in this process, after a warm-up read of the file into the page cache.
"""
import json
import sys
import time

import pandas
import pyarrow
import pyarrow.csv


def main(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass
    start = time.perf_counter()
    frame = pandas.read_csv(path)
    dates = pandas.to_datetime(frame["Date"], format="%m/%d/%Y %I:%M:%S %p")
    pandas_seconds = time.perf_counter() - start
    rows = len(frame)
    del frame, dates
    start = time.perf_counter()
    table = pyarrow.csv.read_csv(path)
    pyarrow_seconds = time.perf_counter() - start
    del table
    print(json.dumps({
        "file": path,
        "rows": rows,
        "pandas_seconds": round(pandas_seconds, 4),
        "pyarrow_seconds": round(pyarrow_seconds, 4),
        "pandas_version": pandas.__version__,
        "pyarrow_version": pyarrow.__version__,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: ingest_peers.py FILE")
    main(sys.argv[1])
