"""BCa and percentile bootstrap intervals computed by scipy.stats.bootstrap's own code from fixed
replicate values, for CrimeEval.BootstrapInterval.

The resamples are drawn here with numpy; their statistic values (theta_hat_b) are stored, and
scipy's interval code (`scipy.stats._resampling._bca_interval`, the function `bootstrap(method="BCa")`
calls, and `scipy.stats.quantile` with its default linear method) turns them into intervals. The Swift
test recomputes the jackknife from `data` with its own code and must reach the same bounds.
Run: python3 make_bootstrap_fixture.py > bootstrap_fixture.json
"""
import json, sys
import numpy as np
import scipy
from scipy import stats
from scipy.stats._resampling import _bca_interval
from scipy._lib._array_api import array_namespace

rng = np.random.default_rng(5)
xp = array_namespace(np.zeros(1))
cases = []
for name, n, level in (("mean", 30, 0.95), ("std", 25, 0.9), ("mean", 12, 0.99)):
    data = rng.lognormal(0.0, 0.8, size=n)
    stat = (lambda x, axis=-1: np.mean(x, axis=axis)) if name == "mean" else (lambda x, axis=-1: np.std(x, axis=axis))
    idx = rng.integers(0, n, size=(1500, n))
    theta_b = stat(data[idx], axis=-1)
    alpha = (1 - level) / 2
    a1, a2, a_hat = _bca_interval((data,), stat, axis=-1, alpha=alpha, theta_hat_b=theta_b[None, :], batch=None, xp=xp)
    bca = stats.quantile(theta_b, np.array([float(np.squeeze(a1)), float(np.squeeze(a2))]))
    pct = stats.quantile(theta_b, np.array([alpha, 1 - alpha]))
    cases.append({"statistic": name, "level": level, "data": data.tolist(), "replicates": theta_b.tolist(),
                  "acceleration": float(np.squeeze(a_hat)), "bca": [float(bca[0]), float(bca[1])],
                  "percentile": [float(pct[0]), float(pct[1])]})
json.dump({"generator": "scipy %s, numpy %s" % (scipy.__version__, np.__version__), "cases": cases}, sys.stdout)
