"""Reference regression metrics from scikit-learn for CrimeEval.Metrics.
Run: python3 make_metrics_fixture.py > metrics_fixture.json
"""
import json, sys
import numpy as np
import sklearn
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.dummy import DummyRegressor

rng = np.random.default_rng(7)
cases = []
for n in (1, 2, 10, 257):
    y = rng.poisson(4.0, size=n).astype(float)
    p = y + rng.normal(scale=1.5, size=n)
    cases.append({"truth": y.tolist(), "predicted": p.tolist(),
                  "mae": mean_absolute_error(y, p), "mse": mean_squared_error(y, p),
                  "r2": r2_score(y, p) if n > 1 else None})
const = [3.0, 3.0, 3.0]
cases.append({"truth": const, "predicted": const, "mae": 0.0, "mse": 0.0, "r2": r2_score(const, const)})
cases.append({"truth": const, "predicted": [3.0, 4.0, 3.0], "mae": mean_absolute_error(const, [3, 4, 3]),
              "mse": mean_squared_error(const, [3, 4, 3]), "r2": r2_score(const, [3.0, 4.0, 3.0])})
x = rng.normal(size=(6, 2)); y = rng.normal(size=6)
dummy = DummyRegressor(strategy="mean").fit(x, y).predict(rng.normal(size=(3, 2)))
json.dump({"generator": "scikit-learn %s" % sklearn.__version__, "cases": cases,
           "dummy": {"x": x.ravel().tolist(), "y": y.tolist(), "prediction": dummy.tolist()}}, sys.stdout)
