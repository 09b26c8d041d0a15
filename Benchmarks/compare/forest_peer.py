"""Peer of `crimebench forest DIR`: scikit-learn's RandomForestRegressor (100 trees, min_samples_leaf 2,
max_features 1/3, n_jobs 2) on the same train/test CSVs, timed in this run, with the ratios to CrimeKit.
Usage: python3 forest_peer.py DIR CRIMEBENCH_JSON
"""
import json
import pickle
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score

directory, ours_path = sys.argv[1], sys.argv[2]
train = np.loadtxt(f"{directory}/train.csv", delimiter=",", skiprows=1)
test = np.loadtxt(f"{directory}/test.csv", delimiter=",", skiprows=1)
forest = RandomForestRegressor(n_estimators=100, min_samples_leaf=2, max_features=1 / 3, n_jobs=2, random_state=0)
t0 = time.perf_counter()
forest.fit(train[:, :-1], train[:, -1])
fit = time.perf_counter() - t0
t0 = time.perf_counter()
predicted = forest.predict(test[:, :-1])
predict = time.perf_counter() - t0
pickle_bytes = len(pickle.dumps(forest, protocol=pickle.HIGHEST_PROTOCOL))
ours = json.load(open(ours_path))
print(json.dumps({
    "sklearn": sklearn.__version__,
    "sklearn_r2": r2_score(test[:, -1], predicted), "crimekit_r2": ours["forest_r2"],
    "sklearn_fit_seconds": fit, "crimekit_fit_seconds": ours["forest_fit_seconds"],
    "fit_speedup": fit / ours["forest_fit_seconds"],
    "sklearn_predict_seconds": predict, "crimekit_predict_seconds": ours["forest_predict_seconds"],
    "predict_speedup": predict / ours["forest_predict_seconds"],
    "sklearn_pickle_bytes": pickle_bytes, "crimekit_file_bytes": ours["forest_file_bytes"],
    "size_ratio": ours["forest_file_bytes"] / pickle_bytes,
}, indent=1))
