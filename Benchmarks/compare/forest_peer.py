"""Times scikit-learn's RandomForestRegressor on the split CrimeBench's `forest` case wrote and
prints one JSON object; given CrimeBench's JSON outputs, also the Markdown rows of Docs/Performance.md.

Usage: python3 forest_peer.py DIR [crimebench_forest.json [crimebench_forest_histogram.json]]
"""
import json
import os
import pickle
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score


def main(folder, *ours_paths):
    train = np.loadtxt(os.path.join(folder, "forest_train.csv"), delimiter=",", skiprows=1)
    test = np.loadtxt(os.path.join(folder, "forest_test.csv"), delimiter=",", skiprows=1)
    model = RandomForestRegressor(n_estimators=100, min_samples_leaf=2, max_features=1 / 3, n_jobs=2, random_state=0)
    start = time.perf_counter()
    model.fit(train[:, :-1], train[:, -1])
    fit_seconds = time.perf_counter() - start
    predict_seconds = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        predictions = model.predict(test[:, :-1])
        predict_seconds = min(predict_seconds, time.perf_counter() - start)
    pickled = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    peer = {"sklearn_version": sklearn.__version__, "r2": r2_score(test[:, -1], predictions),
            "fit_seconds": fit_seconds, "predict_seconds": predict_seconds, "pickle_bytes": len(pickled),
            "nodes": int(sum(t.tree_.node_count for t in model.estimators_))}
    print(json.dumps(peer, sort_keys=True))
    if not ours_paths:
        return
    print("\n| benchmark | CrimeKit | scikit-learn (n_jobs=2) | ratio (peer / CrimeKit) | target |")
    print("| --- | --- | --- | --- | --- |")
    for path, label in zip(ours_paths, ["exact search", "histogram search, 255 bins"]):
        with open(path) as f:
            ours = json.load(f)
        print(f"| forest fit, {label} | {ours['forest_fit_seconds']:.2f} s | {fit_seconds:.2f} s | "
              f"{fit_seconds / ours['forest_fit_seconds']:.2f}× | ≥ 2× |")
        print(f"| forest predict 20,000 rows, {label} | {ours['forest_predict_seconds']:.3f} s | {predict_seconds:.3f} s | "
              f"{predict_seconds / ours['forest_predict_seconds']:.2f}× | ≥ 2× |")
        print(f"| test R², {label} | {ours['forest_r2']:.4f} | {peer['r2']:.4f} | "
              f"Δ {ours['forest_r2'] - peer['r2']:+.4f} | within 0.005 |")
        print(f"| saved forest, {label} | {ours['forest_file_bytes'] / 1e6:.1f} MB | {len(pickled) / 1e6:.1f} MB (pickle) | "
              f"{len(pickled) / ours['forest_file_bytes']:.2f}× | ≥ 1× |")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3, 4):
        sys.exit("usage: forest_peer.py DIR [crimebench_forest.json [crimebench_forest_histogram.json]]")
    main(*sys.argv[1:])
