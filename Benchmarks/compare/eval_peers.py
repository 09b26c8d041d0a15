"""Times the peers of `crimebench eval` on the same shapes and prints JSON, then (given the
crimebench JSON) the ratios.

- scikit-learn roc_auc_score + average_precision_score on 1,000,000 scores rounded to 3 decimals;
- esda.Moran with 999 permutations on a 50 x 50 rook lattice (libpysal.weights.lat2W, row-standardised);
- scipy.stats.bootstrap(method="BCa", n_resamples=2000) of the MAE of 10,000 forecasts (paired, vectorised),
  plus the percentile interval from the same distribution (scipy computes one method per call; the
  BCa call includes the jackknife).
Best of three each.

Usage: python3 eval_peers.py [crimebench-eval.json]
"""
import json, sys, time, warnings
import numpy as np
import sklearn, scipy, esda, libpysal
from sklearn.metrics import roc_auc_score, average_precision_score
from scipy import stats

warnings.filterwarnings("ignore")
rng = np.random.default_rng(7)


def best(f):
    t = []
    for _ in range(3):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t)


n = 1_000_000
y = (rng.uniform(size=n) < 0.3).astype(float)
s = np.round((0.3 * y + 0.7 * rng.uniform(size=n)) * 1000) / 1000
out = {"roc_auc_ap_1m_seconds": best(lambda: (roc_auc_score(y, s), average_precision_score(y, s)))}

w = libpysal.weights.lat2W(50, 50, rook=True)
field = np.repeat(np.arange(50) * 0.05, 50) + rng.uniform(size=2500)
out["moran_2500_cells_999_perms_seconds"] = best(lambda: esda.Moran(field, w, permutations=999))

truth = np.round(rng.uniform(size=10_000) * 10)
forecast = truth + rng.uniform(size=10_000) * 2 - 1
mae = lambda a, b, axis=-1: np.mean(np.abs(a - b), axis=axis)
out["bootstrap_mae_10k_2000_seconds"] = best(lambda: stats.bootstrap(
    (truth, forecast), mae, paired=True, n_resamples=2000, method="BCa", rng=1, batch=200))
out["versions"] = "scikit-learn %s, scipy %s, esda %s, libpysal %s, numpy %s" % (
    sklearn.__version__, scipy.__version__, esda.__version__, libpysal.__version__, np.__version__)
print(json.dumps(out))
if len(sys.argv) > 1:
    ours = json.load(open(sys.argv[1]))
    for k, v in out.items():
        if k in ours:
            print(f"{k}: CrimeKit {ours[k]:.3f} s, peer {v:.3f} s, ratio (peer / CrimeKit) {v / ours[k]:.1f}x")
