"""Combines `CrimeBench scale` and scale_peers.py at two sizes into the Markdown of Docs/Performance.md's
"Scaling to a city's whole history" section.

Usage: python3 scale_report.py SWIFT_VERSION SMALL.json SMALL.peers.json LARGE.json LARGE.peers.json

Peak memory growth is the peak resident size over the process's size before reading (CrimeKit) or after its imports
(the Python peers).
"""
import json
import os
import platform
import sys

STEPS = [
    ("ingest_clean", "ingest + clean (`IncidentReader`, `cleaned`)"),
    ("h3", "H3 res 8 cell of every row (`H3.latLngToCells`)"),
    ("areas", "community area of every row (`PolygonIndex.ordinals`, 77 areas)"),
    ("study_area", "study area: res-8 cells with incidents + 1 ring (`StudyArea.select`)"),
    ("cube_daily", "cube, daily windows over the whole span (dense path)"),
    ("cube_shifts", "cube, 28 weekday × shift buckets"),
    ("cube_hourly", "cube, hourly windows (sorting path, > 2²³ entries)"),
    ("forecast_data", "rows laid on cells × weeks (`ForecastData`)"),
    ("features", "count features at 52 weekly origins (`gbm` training table + forecast rows)"),
]


def load(path):
    with open(path) as f:
        return json.load(f)


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        ram = int(f.readline().split()[1]) * 1024
    return f"{model}, {os.cpu_count()} cores, {ram / 2**30:.0f} GiB RAM ({platform.machine()}, Linux {platform.release()})"


def millions(n):
    return f"{n / 1e6:.1f} M"


def peer_cell(peers, name):
    if f"{name}_skipped" in peers:
        return "skipped", "—", "—"
    growth = peers[f"{name}_peak_growth_bytes_per_row"]
    return (f"{peers[f'{name}_seconds']:.2f} s", f"{peers[f'{name}_cpu_seconds']:.2f} s",
            f"{growth * peers[f'{name}_rows'] / 1e9:.2f} GB ({growth:.0f} B / row)")


def main(swift, small_path, small_peers_path, large_path, large_peers_path):
    small, large = load(small_path), load(large_path)
    small_peers, large_peers = load(small_peers_path), load(large_peers_path)
    versions = next((p for p in (large_peers, small_peers) if "pyarrow_version" in p), {})
    pandas_version = small_peers.get("pandas_version", large_peers.get("pandas_version", "?"))
    print(f"Machine: {machine()}.  ")
    print(f"Versions: {swift}; Python {platform.python_version()}, pyarrow {versions.get('pyarrow_version', '?')}, "
          f"pandas {pandas_version}.  ")
    print(f"Files: `crimekit synth --seed 3 --days 2600` ({millions(small['rows_read'])} rows, "
          f"{small_peers['file_bytes'] / 1e6:.0f} MB) and the same with `--rate 3875` "
          f"({millions(large['rows_read'])} rows, {large_peers['file_bytes'] / 1e9:.2f} GB), Chicago schema, "
          f"{int(large['study_area_cells'])} res-8 cells in the study area, {int(large['features_weeks'])} weeks.  ")
    print(f"Load (1-minute average when each run started its steps): {small['uptime_load_1min']:.1f} and "
          f"{large['uptime_load_1min']:.1f} on {os.cpu_count()} cores; CPU time per incident is the steadier "
          f"figure when other work shares the machine.\n")
    s, l = millions(small["rows_kept"]), millions(large["rows_kept"])
    print(f"| step | {s}: wall | {s}: ns / incident (wall, CPU) | {s}: peak B / incident | "
          f"{l}: wall | {l}: ns / incident (wall, CPU) | {l}: peak B / incident | CPU ns ratio {l} / {s} |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for key, label in STEPS:
        def cells(run):
            return (f"{run[f'{key}_seconds']:.2f} s",
                    f"{run[f'{key}_ns_per_incident']:.0f}, {run[f'{key}_cpu_ns_per_incident']:.0f}",
                    f"{run.get(f'{key}_peak_bytes_per_incident', float('nan')):.0f}")
        ratio = large[f"{key}_cpu_ns_per_incident"] / small[f"{key}_cpu_ns_per_incident"]
        print(f"| {label} | {' | '.join(cells(small))} | {' | '.join(cells(large))} | {ratio:.2f}× |")
    print(f"| whole `CrimeBench scale` run, peak resident | {small['process_peak_rss_bytes'] / 1e9:.2f} GB | | | "
          f"{large['process_peak_rss_bytes'] / 1e9:.2f} GB | | | |")
    print()
    print(f"| reader | {s}: wall | {s}: CPU | {s}: peak memory growth | {l}: wall | {l}: CPU | {l}: peak memory growth |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    row = []
    for r in (small, large):
        growth = r["peak_rss_bytes_per_incident"]
        row += [f"{r['ingest_clean_seconds']:.2f} s", f"{r['cpu_seconds']:.2f} s",
                f"{growth * r['rows_kept'] / 1e9:.2f} GB ({growth:.0f} B / row)"]
    print(f"| CrimeKit ingest + clean | {' | '.join(row)} |")
    for name, label in (("pyarrow", "pyarrow.csv.read_csv"),
                        ("pandas", "pandas read_csv + to_datetime")):
        print(f"| {label} | {' | '.join(peer_cell(small_peers, name) + peer_cell(large_peers, name))} |")
    for peers, size in ((small_peers, s), (large_peers, l)):
        for name in ("pyarrow", "pandas"):
            if f"{name}_skipped" in peers:
                print(f"\n{name} at {size} was skipped: {peers[f'{name}_skipped']}.")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: scale_report.py SWIFT_VERSION SMALL.json SMALL.peers.json LARGE.json LARGE.peers.json")
    main(*sys.argv[1:])
