"""Reference logistic regressions from scikit-learn for CrimeKit's LogisticRegression tests.

Writes logistic.csv (seeded synthetic binary data, about a quarter positive) and logistic_reference.json:
coefficients, intercept and the first predicted probabilities of LogisticRegression(solver="lbfgs",
tol=1e-12, max_iter=100000) for several C values and class weights. Each fit is checked against the
newton-cholesky solver (they agree to 1e-6), so the numbers are the optimum, not an early stop.
"""
import json

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(7)
n = 600
x = np.column_stack([rng.normal(0, 1, n), rng.normal(5, 2, n), rng.uniform(0, 10, n), rng.binomial(1, 0.3, n)])
z = -2.0 + 0.9 * x[:, 0] + 0.25 * (x[:, 1] - 5) - 0.15 * x[:, 2] + 1.1 * x[:, 3]
label = (rng.uniform(size=n) < 1 / (1 + np.exp(-z))).astype(int)
frame = pd.DataFrame(x, columns=["x1", "x2", "x3", "x4"])
frame["label"] = label
frame.to_csv("logistic.csv", index=False, float_format="%.17g")
frame = pd.read_csv("logistic.csv")
features = frame[["x1", "x2", "x3", "x4"]].to_numpy()
target = frame["label"].to_numpy()

cases = []
for name, c, weight in [("C1", 1.0, None), ("C0.05", 0.05, None), ("balanced", 1.0, "balanced"),
                        ("explicit", 0.5, {0: 1.0, 1: 3.0})]:
    model = LogisticRegression(C=c, class_weight=weight, solver="lbfgs", tol=1e-12, max_iter=100000).fit(features, target)
    check = LogisticRegression(C=c, class_weight=weight, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(features, target)
    gap = max(np.abs(model.coef_ - check.coef_).max(), abs(model.intercept_[0] - check.intercept_[0]))
    assert gap < 1e-6, (name, gap)
    cases.append({"name": name, "C": c, "class_weight": None if weight is None else
                  ("balanced" if weight == "balanced" else {str(k): v for k, v in weight.items()}),
                  "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
                  "proba": model.predict_proba(features[:10])[:, 1].tolist(),
                  "predict": model.predict(features[:10]).tolist(), "solver_gap": float(gap)})
with open("logistic_reference.json", "w") as f:
    json.dump({"versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
               "positives": int(target.sum()), "rows": int(n), "cases": cases}, f, indent=1)
