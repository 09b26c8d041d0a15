"""The glm forecaster's model, y ~ C(cell) + C(dow) with exposure, as a statsmodels user fits it: CrimeKit
(CrimeBench glm) against statsmodels in the same run.

Usage: python3 Benchmarks/compare/glm_peer.py [CRIMEBENCH]
Draws 100 cells x 300 daily windows of Poisson counts (numpy, seed 2024: log-normal cell levels, a weekend
bump, a slow trend; the same shapes and distributions as CrimeBench's own seeded draw, not the same numbers),
times statsmodels' GLM(y, X, family=Poisson(), exposure=...).fit() on the dense 30,000 x 106 design, runs
`CRIMEBENCH glm` (default .build/release/CrimeBench) and prints a JSON line and Markdown rows for
Docs/Performance.md. Made with statsmodels 0.15.0, numpy 2.4.6.
"""
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

bench = sys.argv[1] if len(sys.argv) > 1 else ".build/release/CrimeBench"
cells, days = 100, 300
rng = np.random.default_rng(2024)
level = np.exp(-1.2 + 0.8 * rng.normal(size=cells))
day = np.arange(days)
mean = level[:, None] * np.where(day % 7 >= 5, 1.3, 1.0)[None, :] * np.exp(0.0005 * day)[None, :]
y = rng.poisson(mean).ravel().astype(float)
frame = pd.DataFrame({"cell": np.repeat(np.arange(cells), days), "dow": np.tile(day % 7, cells)})
design = pd.get_dummies(frame, columns=["cell", "dow"], drop_first=True, dtype=float)
design.insert(0, "const", 1.0)
exposure = np.ones(cells * days)
start = time.perf_counter()
fit = sm.GLM(y, design.to_numpy(), family=sm.families.Poisson(), exposure=exposure).fit()
peer = time.perf_counter() - start
ours = json.loads(subprocess.run([bench, "glm"], check=True, capture_output=True, text=True).stdout)
print(json.dumps({"statsmodels": statsmodels.__version__, "statsmodels_seconds": peer,
                  "statsmodels_iterations": int(fit.fit_history["iteration"]), **ours}, sort_keys=True))
rows = [
    ("Poisson C(cell) + C(dow), 100 cells × 300 days: glm forecaster (factorised)", ours["forecaster_dense_case_seconds"]),
    ("same, generic PoissonRegression on the dense 30,000 × 106 design", ours["dense_seconds"]),
]
for name, seconds in rows:
    print(f"| {name} | {seconds:.4f} s | statsmodels {statsmodels.__version__} GLM(Poisson).fit() on the dense design "
          f"| {peer:.3f} s | {peer / seconds:.1f}× |")
print(f"| glm backtest: 52 origins × (fit + 7-day forecast), 600 cells × ≤ 365 days | {ours['backtest_seconds']:.3f} s "
      f"(slowest fit {ours['slowest_fit_seconds'] * 1000:.1f} ms) | | | |")
