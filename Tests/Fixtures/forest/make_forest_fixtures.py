"""Reference fixtures for CrimeKit's random forests, made with scikit-learn.

single_tree.json: one tree on continuous features without ties (DecisionTreeRegressor /
DecisionTreeClassifier), its test predictions, probabilities and feature_importances_ for several settings;
a forest of one tree without bootstrap over all features must reproduce them.
forest_accuracy.json: Friedman #1 (regression) and make_classification (classification) splits, with the
test R² / accuracy of RandomForestRegressor / RandomForestClassifier(100 trees) on them.
Run: python3 make_forest_fixtures.py
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_friedman1
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.default_rng(7)
n_train, n_test, p = 200, 100, 5
x = rng.uniform(0, 1, size=(n_train + n_test, p))
y_reg = 10 * np.sin(3 * x[:, 0]) + 5 * x[:, 1] ** 2 + x[:, 2] + rng.normal(0, 0.5, n_train + n_test)
y_count = rng.poisson(np.exp(0.3 + 1.5 * x[:, 0] - x[:, 1])).astype(float)
score = 2 * x[:, 0] - 1.5 * x[:, 1] + x[:, 3] + rng.normal(0, 0.3, n_train + n_test)
y_class = np.digitize(score, np.quantile(score, [0.35, 0.7])).astype(float)
xtr, xte = x[:n_train], x[n_train:]

def tree_cases(columns):
    """Trees on the first `columns` features: with one feature no two features can tie for a split, so the
    test predictions of full-depth trees are defined; with five, ties between features that cut a small
    node into the same two sets are broken by scikit-learn's random feature order."""
    a, b = xtr[:, :columns], xte[:, :columns]
    out = []
    for name, params in [("default", {}), ("min_leaf_3", {"min_samples_leaf": 3}), ("max_depth_4", {"max_depth": 4})]:
        common = {"columns": columns, "name": name, "min_samples_leaf": params.get("min_samples_leaf", 1),
                  "max_depth": params.get("max_depth")}
        for criterion, target in [("squared_error", y_reg), ("poisson", y_count)]:
            tree = DecisionTreeRegressor(criterion=criterion, random_state=0, **params).fit(a, target[:n_train])
            out.append({"kind": "regression", "criterion": criterion, **common,
                        "target": "count" if criterion == "poisson" else "continuous", "prediction": tree.predict(b).tolist(),
                        "train_prediction": tree.predict(a).tolist(),
                        "importances": tree.feature_importances_.tolist(), "node_count": int(tree.tree_.node_count)})
        for criterion in ["gini", "entropy"]:
            tree = DecisionTreeClassifier(criterion=criterion, random_state=0, **params).fit(a, y_class[:n_train])
            out.append({"kind": "classification", "criterion": criterion, **common,
                        "target": "class", "prediction": tree.predict(b).tolist(),
                        "train_prediction": tree.predict(a).tolist(),
                        "probability": tree.predict_proba(b).ravel().tolist(),
                        "importances": tree.feature_importances_.tolist(), "node_count": int(tree.tree_.node_count)})
    return out


cases = tree_cases(1) + tree_cases(p)
with open("single_tree.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "columns": p,
               "targets": {"continuous": y_reg[:n_train].tolist(), "count": y_count[:n_train].tolist(),
                           "class": y_class[:n_train].tolist()},
               "x_train": xtr.ravel().tolist(), "x_test": xte.ravel().tolist(), "cases": cases}, f)

# Forest accuracy: features rounded to 4 decimals so that the JSON is small and both sides see the same data.
xf, yf = make_friedman1(n_samples=3000, n_features=5, noise=1.0, random_state=11)
xf, yf = np.round(xf, 4), np.round(yf, 4)
forest = RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=2).fit(xf[:2000], yf[:2000])
r2 = r2_score(yf[2000:], forest.predict(xf[2000:]))
xc, yc = make_classification(n_samples=3000, n_features=5, n_informative=3, n_redundant=1, n_classes=2,
                             flip_y=0.03, random_state=12)
xc = np.round(xc, 4)
clf = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2).fit(xc[:2000], yc[:2000])
accuracy = accuracy_score(yc[2000:], clf.predict(xc[2000:]))
with open("forest_accuracy.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "train_rows": 2000, "columns": 5,
               "regression": {"x": xf.ravel().tolist(), "y": yf.tolist(), "test_r2": r2},
               "classification": {"x": xc.ravel().tolist(), "y": yc.astype(float).tolist(), "test_accuracy": accuracy}},
              f, separators=(",", ":"))
print("r2", r2, "accuracy", accuracy)
