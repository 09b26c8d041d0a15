"""Makes the gradient-boosting fixture: Poisson count data and scikit-learn's scores on it.

Versions used: Python 3, numpy 2.4.6, scikit-learn 1.9.1.
Run from this folder: python3 make_gbm.py
Writes train.csv, test.csv (3,000 and 1,000 rows; target column `count`) and reference.json with the
test mean Poisson deviance, MAE and RMSE of `HistGradientBoostingRegressor` for each case. Every case
has fewer than 10,000 rows, so scikit-learn's early_stopping='auto' leaves early stopping off.
"""
import json

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance, mean_squared_error

rng = np.random.default_rng(16)
n = 4000
lag1 = rng.poisson(2.0, n)
lag4 = rng.poisson(2.0 * 4, n) + lag1
x = rng.uniform(0, 10, n)                      # continuous: exercises quantile bins
y_coord = rng.normal(0, 1, n)                  # continuous
weekday = rng.integers(0, 7, n)                # few distinct values
rate = np.exp(-1.0 + 0.25 * lag1 + 0.04 * lag4 + 0.6 * np.sin(x) + 0.3 * (y_coord > 0.5) + 0.1 * (weekday >= 5))
count = rng.poisson(rate)
columns = {"lag1": lag1, "lag4": lag4, "x": np.round(x, 6), "y": np.round(y_coord, 6), "weekday": weekday,
           "count": count}
names = list(columns)
table = np.column_stack([columns[k] for k in names]).astype(float)


def write(path, rows):
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for r in rows:
            f.write(",".join(repr(float(v)) if k in ("x", "y") else str(int(v)) for k, v in zip(names, r)) + "\n")


write("train.csv", table[:3000])
write("test.csv", table[3000:])
X_train, y_train = table[:3000, :-1], table[:3000, -1]
X_test, y_test = table[3000:, :-1], table[3000:, -1]

cases = {
    "poisson_default": dict(loss="poisson"),
    "squared_error_default": dict(loss="squared_error"),
    "poisson_small": dict(loss="poisson", learning_rate=0.2, max_iter=50, max_leaf_nodes=8, max_depth=3,
                          min_samples_leaf=30, l2_regularization=1.0, max_bins=32),
}
out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "cases": {}}
for name, params in cases.items():
    model = HistGradientBoostingRegressor(**params, random_state=0).fit(X_train, y_train)
    p = model.predict(X_test)
    out["cases"][name] = {
        "params": params,
        "n_iter": int(model.n_iter_),
        "mean_poisson_deviance": float(mean_poisson_deviance(y_test, np.maximum(p, 1e-12))),
        "mae": float(mean_absolute_error(y_test, p)),
        "rmse": float(np.sqrt(mean_squared_error(y_test, p))),
        "first_predictions": [float(v) for v in p[:5]],
    }
with open("reference.json", "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out, indent=1))
