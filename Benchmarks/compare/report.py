"""Combines CrimeBench's and the peers' JSON into the Markdown table of Docs/Performance.md.

Usage: python3 report.py FILE ingest.json peers.json cube.json
"""
import json
import os
import platform
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def main(data_file, ingest_path, peers_path, cube_path):
    ours, peers, cube = load(ingest_path), load(peers_path), load(cube_path)
    size_mb = os.path.getsize(data_file) / 1e6
    ingest = ours["ingest_seconds"] + ours.get("clean_seconds", 0.0)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"pandas {peers['pandas_version']}, pyarrow {peers['pyarrow_version']}")
    print(f"File: {int(ours['rows_read'])} rows, {size_mb:.0f} MB (crimekit synth, Chicago schema)\n")
    print("| benchmark | CrimeKit | peer | peer time | ratio (peer / CrimeKit) | target |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| ingest + clean | {ingest:.3f} s | pandas read_csv + to_datetime | {peers['pandas_seconds']:.3f} s | "
          f"{peers['pandas_seconds'] / ingest:.2f}× | ≥ 2× |")
    print(f"| ingest + clean | {ingest:.3f} s | pyarrow.csv.read_csv | {peers['pyarrow_seconds']:.3f} s | "
          f"{peers['pyarrow_seconds'] / ingest:.2f}× | ≥ 1× |")
    print(f"| (of which reading / cleaning) | {ours['ingest_seconds']:.3f} s / {ours.get('clean_seconds', 0.0):.3f} s | | | | |")
    print(f"| resident memory per incident | {ours['rss_bytes_per_incident']:.0f} B | | | | ≤ 80 B |")
    print(f"| peak resident memory per incident | {ours['peak_rss_bytes_per_incident']:.0f} B | | | | |")
    print(f"| cube building, 2,500 cells × 731 daily windows | {cube['cube_daily_incidents_per_second'] / 1e6:.0f} M incidents/s | | | | ≥ 10 M/s |")
    print(f"| cube building, 28 weekday × shift buckets | {cube['cube_shifts_incidents_per_second'] / 1e6:.0f} M incidents/s | | | | ≥ 10 M/s |")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: report.py FILE ingest.json peers.json cube.json")
    main(*sys.argv[1:])
