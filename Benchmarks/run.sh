#!/usr/bin/env bash
# Runs CrimeKit's benchmarks and their peers in one go and prints the table for Docs/Performance.md.
# Usage: Benchmarks/run.sh [DAYS]   (default 2600 days ≈ 1,000,000 rows; needs: pip install pandas pyarrow)
set -euo pipefail
cd "$(dirname "$0")/.."
days="${1:-2600}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product crimekit >&2
swift build -c release --product CrimeBench >&2
bin="$(swift build -c release --show-bin-path)"

"$bin/crimekit" synth --out "$work/chicago.csv" --seed 1 --days "$days" --json > "$work/manifest.json"
"$bin/CrimeBench" ingest "$work/chicago.csv" > "$work/ingest.json"
python3 Benchmarks/compare/ingest_peers.py "$work/chicago.csv" > "$work/peers.json"
"$bin/CrimeBench" cube > "$work/cube.json"
python3 Benchmarks/compare/report.py "$work/chicago.csv" "$work/ingest.json" "$work/peers.json" "$work/cube.json"
python3 Benchmarks/compare/areas_peer.py "$bin/CrimeBench"
