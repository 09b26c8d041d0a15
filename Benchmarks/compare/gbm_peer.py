"""Times scikit-learn's HistGradientBoostingRegressor(loss="poisson") on the split CrimeBench's `gbm`
case wrote and prints one JSON object; given CrimeBench's JSON output, also the Markdown rows of
Docs/Performance.md. Same data, 100 iterations, 255 bins, early stopping off, other defaults.

Usage: python3 gbm_peer.py DIR [crimebench_gbm.json]
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_poisson_deviance


def main(folder, ours_path=None):
    train = np.loadtxt(os.path.join(folder, "gbm_train.csv"), delimiter=",", skiprows=1)
    test = np.loadtxt(os.path.join(folder, "gbm_test.csv"), delimiter=",", skiprows=1)
    model = HistGradientBoostingRegressor(loss="poisson", max_iter=100, max_bins=255, early_stopping=False,
                                          random_state=0)
    start = time.perf_counter()
    model.fit(train[:, :-1], train[:, -1])
    fit_seconds = time.perf_counter() - start
    predict_seconds = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        predictions = model.predict(test[:, :-1])
        predict_seconds = min(predict_seconds, time.perf_counter() - start)
    peer = {"sklearn_version": sklearn.__version__, "fit_seconds": fit_seconds, "predict_seconds": predict_seconds,
            "deviance": mean_poisson_deviance(test[:, -1], predictions), "iterations": int(model.n_iter_)}
    print(json.dumps(peer, sort_keys=True))
    if ours_path is None:
        return
    with open(ours_path) as f:
        ours = json.load(f)
    print("\n| benchmark | CrimeKit | scikit-learn | ratio (peer / CrimeKit) | target |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| gbm fit, 200,000 rows, 100 iterations | {ours['gbm_fit_seconds']:.2f} s | {fit_seconds:.2f} s | "
          f"{fit_seconds / ours['gbm_fit_seconds']:.2f}× | ≥ 2× |")
    print(f"| gbm predict 50,000 rows | {ours['gbm_predict_seconds']:.3f} s | {predict_seconds:.3f} s | "
          f"{predict_seconds / ours['gbm_predict_seconds']:.2f}× | ≥ 2× |")
    print(f"| gbm test Poisson deviance | {ours['gbm_deviance']:.4f} | {peer['deviance']:.4f} | "
          f"{ours['gbm_deviance'] / peer['deviance'] - 1:+.2%} | within 1 % |")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gbm_peer.py DIR [crimebench_gbm.json]")
    main(*sys.argv[1:])
