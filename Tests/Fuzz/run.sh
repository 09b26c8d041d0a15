#!/usr/bin/env bash
# Builds every fuzz target of Tests/Fuzz (one per folder of Sources/, each listed in Package.swift) with
# libFuzzer and AddressSanitizer and runs each for a fixed budget on its seed corpus (Corpus/<corpus>/,
# the target's name without "Fuzz", lower-cased). Fails when a target crashes or breaks an invariant; the input that did it is
# printed and kept in the work folder, to become a unit test.
# Usage: Tests/Fuzz/run.sh [SECONDS]   (default 30 per target)
set -euo pipefail
cd "$(dirname "$0")"
budget="${1:-30}"
work="$(mktemp -d)"
# Scratch files of the targets go to the work folder too.
export TMPDIR="$work"
# Swift's own crash reporter would take over libFuzzer's signal handling and slow every crash down.
export SWIFT_BACKTRACE=enable=no
# lld: gold fails on the instrumented objects with an internal error.

flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld)
swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"

failed=0
for dir in Sources/*/; do
    target="$(basename "$dir")"
    corpus="Corpus/$(tr '[:upper:]' '[:lower:]' <<<"${target%Fuzz}")"
    mkdir -p "$work/$target"
    echo "fuzzing $target for ${budget}s (seeds: Tests/Fuzz/$corpus)"
    # New inputs go to the work folder; the committed seeds are only read.
    if ! "$bin/$target" -max_total_time="$budget" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$work/$target/" "$work/$target" "$corpus" >"$work/$target.log" 2>&1; then
        tail -n 40 "$work/$target.log" >&2
        echo "error: $target crashed; the input is in $work/$target/" >&2
        failed=1
    else
        grep -E "^stat::number_of_executed_units|^Done" "$work/$target.log" || true
    fi
done
if [ "$failed" -ne 0 ]; then exit 1; fi
rm -rf "$work"
