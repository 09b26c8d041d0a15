"""OLS on 1,000,000 x 20: CrimeKit (CrimeBench ols) against statsmodels, same data, same run.

Usage: python3 Benchmarks/compare/ols_peer.py [CRIMEBENCH] [ROWS]
Writes the design to a temporary raw file of float64 rows (y, x1..x20), times statsmodels'
OLS(y, add_constant(X)).fit() + summary(), runs `CRIMEBENCH ols FILE 20` (default
.build/release/CrimeBench), checks that both report the same numbers and prints a JSON line and a
Markdown row for Docs/Performance.md.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import statsmodels
import statsmodels.api as sm

bench = sys.argv[1] if len(sys.argv) > 1 else ".build/release/CrimeBench"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
k = 20
rng = np.random.default_rng(2026)
x = rng.normal(size=(rows, k))
x[:, 1] = 0.8 * x[:, 0] + 0.6 * x[:, 1]            # some correlation between regressors
x[:, 5] = np.exp(0.5 * x[:, 5])                    # a skewed one
beta = np.linspace(-1, 1, k)
y = 2.0 + x @ beta + rng.normal(scale=1.0 + 0.5 * np.abs(x[:, 2]), size=rows)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "ols.bin")
    np.column_stack([y, x]).astype("<f8").tofile(path)
    design = sm.add_constant(x)
    start = time.perf_counter()
    fit = sm.OLS(y, design).fit()
    fitted = time.perf_counter()
    text = str(fit.summary())
    end = time.perf_counter()
    peer = {"fit_seconds": fitted - start, "summary_seconds": end - fitted, "total_seconds": end - start}
    ours = json.loads(subprocess.run([bench, "ols", path, str(k)], check=True, capture_output=True, text=True).stdout)

gap = 0.0
for j in range(k + 1):
    for name, theirs in [("params", fit.params[j]), ("bse", fit.bse[j])]:
        gap = max(gap, abs(ours[f"{name}_{j}"] - theirs) / abs(theirs))
for name, theirs in [("rsquared", fit.rsquared), ("fvalue", fit.fvalue), ("llf", fit.llf), ("aic", fit.aic)]:
    gap = max(gap, abs(ours[name] - theirs) / abs(theirs))
ratio = peer["total_seconds"] / ours["total_seconds"]
print(json.dumps({"rows": rows, "columns": k + 1, "statsmodels": statsmodels.__version__,
                  "crimekit": {key: ours[key] for key in ["fit_seconds", "summary_seconds", "total_seconds"]},
                  "statsmodels_seconds": peer, "ratio": ratio, "max_relative_difference": gap}))
print(f"| OLS fit + summary, {rows:,} × {k} (+ constant) | {ours['total_seconds']:.3f} s | statsmodels "
      f"{statsmodels.__version__} OLS().fit() + summary() | {peer['total_seconds']:.3f} s | {ratio:.2f}× | ≥ 2× |")
print(f"max relative difference of params, bse, R², F, llf, AIC: {gap:.1e}")
