#!/bin/bash
# Times CrimeKit's and scikit-learn's Poisson gradient boosting in interleaved rounds, so that both see the
# same machine: CrimeKit on every core, scikit-learn on every core, CrimeKit on 1 thread, scikit-learn on 1
# (OMP_NUM_THREADS=1). Prints fit/predict seconds per run. Build first: swift build -c release.
#
# Usage: Benchmarks/compare/gbm_rounds.sh DIR [ROUNDS]   (DIR receives the split; ROUNDS defaults to 5)
set -euo pipefail
dir=${1:?usage: gbm_rounds.sh DIR [ROUNDS]}
rounds=${2:-5}
cd "$(dirname "$0")/../.."
bench=.build/release/CrimeBench
ours='import json,sys; d=json.load(sys.stdin); print("%.3f/%.4f" % (d["gbm_fit_seconds"], d["gbm_predict_seconds"]))'
peer='import json,sys; d=json.load(sys.stdin); print("%.3f/%.4f" % (d["fit_seconds"], d["predict_seconds"]))'
for r in $(seq 1 "$rounds"); do
  a=$("$bench" gbm "$dir" | python3 -c "$ours")
  b=$(python3 Benchmarks/compare/gbm_peer.py "$dir" | python3 -c "$peer")
  c=$("$bench" gbm "$dir" 1 | python3 -c "$ours")
  d=$(OMP_NUM_THREADS=1 python3 Benchmarks/compare/gbm_peer.py "$dir" | python3 -c "$peer")
  echo "round $r (fit/predict s): crimekit $a scikit-learn $b crimekit-1-thread $c scikit-learn-1-thread $d"
done
