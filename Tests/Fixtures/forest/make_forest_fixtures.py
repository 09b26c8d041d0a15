"""Reference fixtures for CrimeKit's random forests, from scikit-learn.

Run: python3 make_forest_fixtures.py   (writes single_tree.json and forest_accuracy.json here)

single_tree.json — single trees (bootstrap off, every feature) whose predictions and impurity
importances CrimeKit must reproduce exactly. Features are multiples of 2^-20 in [0, 1), so
scikit-learn's float32 copy of them is exact and both libraries see the same numbers.
forest_accuracy.json — held-out data for comparing forest accuracy (not trees) with scikit-learn's.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_friedman1
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def dyadic(a):
    return np.floor(np.asarray(a) * 2**20) / 2**20


def rows(a):
    return [list(map(float, r)) for r in np.asarray(a)]


def tie_free(model, params, xtr, ytr, xte):
    """Fits with several random states and insists the trees agree: scikit-learn visits features
    in a random order and keeps the first of equally good splits, so agreement shows the fixture
    has no ties and any correct CART must reproduce it."""
    trees = [model(random_state=s, **params).fit(xtr, ytr) for s in range(8)]
    for t in trees[1:]:
        assert np.allclose(t.predict(xte), trees[0].predict(xte), rtol=0, atol=1e-12), f"ties in {params}"
        assert np.allclose(t.feature_importances_, trees[0].feature_importances_, rtol=0, atol=1e-12), f"ties in {params}"
    return trees[0]


def single_trees():
    rng = np.random.default_rng(20240611)
    x = dyadic(rng.random((400, 4)))
    xtr, xte = x[:300], x[300:]
    y = 10 * np.sin(3 * x[:, 0]) + 5 * x[:, 1] ** 2 - 4 * x[:, 2] + rng.normal(0, 0.5, 400)
    out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
           "x_train": rows(xtr), "x_test": rows(xte)}

    cases = []
    for name, params in [("deep", {"min_samples_leaf": 8}),
                         ("limited", {"max_depth": 6, "min_samples_leaf": 5, "min_samples_split": 12})]:
        t = tie_free(DecisionTreeRegressor, params, xtr, y[:300], xte)
        cases.append({"name": name, "criterion": "squared_error", "params": params,
                      "y_train": list(map(float, y[:300])), "prediction": list(map(float, t.predict(xte))),
                      "importances": list(map(float, t.feature_importances_)),
                      "node_count": int(t.tree_.node_count)})
    # Poisson rates (counts over a random exposure): continuous, so no two splits tie.
    counts = rng.poisson(np.exp(0.3 + 1.5 * x[:, 0] - x[:, 3])) / rng.uniform(0.5, 2.0, 400)
    t = tie_free(DecisionTreeRegressor, {"criterion": "poisson", "min_samples_leaf": 10}, xtr, counts[:300], xte)
    cases.append({"name": "poisson", "criterion": "poisson", "params": {"min_samples_leaf": 10},
                  "y_train": list(map(float, counts[:300])), "prediction": list(map(float, t.predict(xte))),
                  "importances": list(map(float, t.feature_importances_)), "node_count": int(t.tree_.node_count)})
    out["regression"] = cases

    labels = (x[:, 0] + 0.5 * x[:, 1] + rng.normal(0, 0.2, 400) > 0.8).astype(float) \
        + (x[:, 2] > 0.7).astype(float)
    ccases = []
    for crit, params in [("gini", {"min_samples_leaf": 20, "max_depth": 6}), ("entropy", {"max_depth": 4, "min_samples_leaf": 10})]:
        t = tie_free(DecisionTreeClassifier, dict(criterion=crit, **params), xtr, labels[:300], xte)
        ccases.append({"name": crit, "criterion": crit, "params": params, "y_train": list(map(float, labels[:300])),
                       "prediction": list(map(float, t.predict(xte))), "probability": rows(t.predict_proba(xte)),
                       "importances": list(map(float, t.feature_importances_)), "node_count": int(t.tree_.node_count)})
    bal = {"min_samples_leaf": 10, "max_depth": 5, "class_weight": "balanced"}
    t = tie_free(DecisionTreeClassifier, bal, xtr, labels[:300], xte)
    ccases.append({"name": "balanced", "criterion": "gini", "params": bal,
                   "y_train": list(map(float, labels[:300])), "prediction": list(map(float, t.predict(xte))),
                   "probability": rows(t.predict_proba(xte)),
                   "importances": list(map(float, t.feature_importances_)), "node_count": int(t.tree_.node_count)})
    out["classification"] = ccases
    return out


def rounded(a):
    return [[float(f"{v:.6g}") for v in r] for r in np.asarray(a)]


def forest_accuracy():
    xf, yf = make_friedman1(n_samples=1600, n_features=7, noise=1.0, random_state=7)
    xf, yf = np.array(rounded(xf)), np.array([float(f"{v:.6g}") for v in yf])
    xc, yc = make_classification(n_samples=1600, n_features=6, n_informative=4, n_redundant=1,
                                 n_classes=3, class_sep=0.8, random_state=11)
    xc = np.array(rounded(xc))
    ntr = 1000
    out = {"sklearn_version": sklearn.__version__}
    r2s = []
    for seed in range(5):
        m = RandomForestRegressor(n_estimators=50, min_samples_leaf=2, max_features=1 / 3, random_state=seed)
        r2s.append(r2_score(yf[ntr:], m.fit(xf[:ntr], yf[:ntr]).predict(xf[ntr:])))
    accs = []
    for seed in range(5):
        m = RandomForestClassifier(n_estimators=50, random_state=seed)
        accs.append(accuracy_score(yc[ntr:], m.fit(xc[:ntr], yc[:ntr]).predict(xc[ntr:])))
    out["friedman"] = {"x_train": xf[:ntr].tolist(), "y_train": yf[:ntr].tolist(), "x_test": xf[ntr:].tolist(),
                       "y_test": yf[ntr:].tolist(), "params": "n_estimators=50, min_samples_leaf=2, max_features=1/3",
                       "sklearn_r2_by_seed": r2s, "sklearn_r2_mean": float(np.mean(r2s))}
    out["classification"] = {"x_train": xc[:ntr].tolist(), "y_train": yc[:ntr].astype(float).tolist(),
                             "x_test": xc[ntr:].tolist(), "y_test": yc[ntr:].astype(float).tolist(),
                             "params": "n_estimators=50, max_features=sqrt",
                             "sklearn_accuracy_by_seed": accs, "sklearn_accuracy_mean": float(np.mean(accs))}
    return out


if __name__ == "__main__":
    with open("single_tree.json", "w") as f:
        json.dump(single_trees(), f)
    with open("forest_accuracy.json", "w") as f:
        json.dump(forest_accuracy(), f)
