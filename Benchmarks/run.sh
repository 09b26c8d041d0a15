#!/usr/bin/env bash
# Runs CrimeKit's benchmarks and their peers in one go and prints the table for Docs/Performance.md.
# Usage: Benchmarks/run.sh [DAYS]   (default 2600 days ≈ 1,000,000 rows; needs: pip install pandas pyarrow pyproj shapely pyshp)
#        Benchmarks/run.sh --scale  the steps after ingest at 1 M and 17 M rows, and pyarrow / pandas at both
#                                   sizes: the "Scaling to a city's whole history" section. Set
#                                   CRIMEKIT_SCALE_DIR to a folder holding m1.csv and m17.csv (made as below)
#                                   to reuse them; otherwise both are generated in a temporary folder
#                                   (17 M rows: about 40 s and 3.8 GB of disk), and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product crimekit >&2
swift build -c release --product CrimeBench >&2
bin="$(swift build -c release --show-bin-path)"

if [[ "${1:-}" == "--scale" ]]; then
    data="${CRIMEKIT_SCALE_DIR:-$work}"
    [[ -f "$data/m1.csv" ]] || "$bin/crimekit" synth --out "$data/m1.csv" --seed 3 --days 2600 --json > "$work/m1.manifest.json"
    [[ -f "$data/m17.csv" ]] || "$bin/crimekit" synth --out "$data/m17.csv" --seed 3 --days 2600 --rate 3875 --json > "$work/m17.manifest.json"
    for size in m1 m17; do
        echo "CrimeBench scale $size ($(uptime))" >&2
        "$bin/CrimeBench" scale "$data/$size.csv" Tests/Fixtures/areas/Chicago77.shp > "$work/$size.json"
        echo "peers $size ($(uptime))" >&2
        python3 Benchmarks/compare/scale_peers.py "$data/$size.csv" > "$work/$size.peers.json"
    done
    python3 Benchmarks/compare/scale_report.py "$(swift --version 2>&1 | grep -m1 -o 'Swift version [^ ]*')" \
        "$work/m1.json" "$work/m1.peers.json" "$work/m17.json" "$work/m17.peers.json"
    exit 0
fi

days="${1:-2600}"
"$bin/crimekit" synth --out "$work/chicago.csv" --seed 1 --days "$days" --json > "$work/manifest.json"
"$bin/CrimeBench" ingest "$work/chicago.csv" > "$work/ingest.json"
python3 Benchmarks/compare/ingest_peers.py "$work/chicago.csv" > "$work/peers.json"
"$bin/CrimeBench" cube > "$work/cube.json"
python3 Benchmarks/compare/report.py "$work/chicago.csv" "$work/ingest.json" "$work/peers.json" "$work/cube.json"
python3 Benchmarks/compare/areas_peer.py "$bin/CrimeBench"
