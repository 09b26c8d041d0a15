"""Reference classification, ranking, calibration, Poisson-deviance and map-F1 scores from
scikit-learn for CrimeEval (Metrics, ConfusionMatrix, MapF1).
Run: python3 make_classification_fixture.py   (writes classification_fixture.json and binary_scores.csv)
"""
import json
import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, precision_score, recall_score, f1_score, confusion_matrix,
                             roc_auc_score, average_precision_score, brier_score_loss, mean_poisson_deviance)
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(11)
cases = []
for n, decimals in ((5, 1), (40, 1), (200, 2), (333, 6)):
    y = rng.integers(0, 2, size=n).astype(float)
    y[0], y[1] = 0.0, 1.0
    s = np.clip(0.35 * y + rng.uniform(0, 0.7, size=n), 0, 1).round(decimals)  # rounding makes ties
    case = {"labels": y.tolist(), "scores": s.tolist(),
            "roc_auc": roc_auc_score(y, s), "average_precision": average_precision_score(y, s),
            "brier": brier_score_loss(y, s), "at": []}
    for t in (0.0, 0.3, 0.5, 0.75, 1.0):
        p = (s >= t).astype(float)
        case["at"].append({"threshold": t, "accuracy": accuracy_score(y, p),
                           "precision": precision_score(y, p, zero_division=0),
                           "recall": recall_score(y, p, zero_division=0), "f1": f1_score(y, p, zero_division=0),
                           "confusion": confusion_matrix(y, p, labels=[0, 1]).tolist()})
    for bins in (5, 10):
        pt, pp = calibration_curve(y, s, n_bins=bins, strategy="uniform")
        case["calibration_%d" % bins] = {"prob_true": pt.tolist(), "prob_pred": pp.tolist()}
    cases.append(case)

poisson = []
for n in (1, 7, 60):
    y = rng.poisson(2.0, size=n).astype(float)
    mu = rng.uniform(0.1, 4.0, size=n)
    poisson.append({"truth": y.tolist(), "predicted": mu.tolist(), "deviance": mean_poisson_deviance(y, mu)})

maps = []
for samples, h, w in ((3, 4, 5), (6, 8, 8)):
    truth = (rng.uniform(size=(samples, h, w)) < 0.15).astype(float)
    score = rng.uniform(size=(samples, h, w)) * 0.8 + 0.3 * truth
    truth[0] = 0.0
    score[0] = 0.1  # an empty sample: no true and no predicted positives
    yt = truth.reshape(samples, -1)
    yp = (score.reshape(samples, -1) >= 0.5).astype(int)
    maps.append({"samples": samples, "height": h, "width": w, "truth": truth.ravel().tolist(),
                 "scores": score.ravel().tolist(),
                 "f1_samples_zero0": f1_score(yt, yp, average="samples", zero_division=0),
                 "f1_samples_zero1": f1_score(yt, yp, average="samples", zero_division=1)})

with open("classification_fixture.json", "w") as f:
    json.dump({"generator": "scikit-learn %s, numpy %s" % (sklearn.__version__, np.__version__),
               "cases": cases, "poisson": poisson, "maps": maps}, f)

# A CSV for the `crimekit metrics --binary` CLI test, with the expected values beside it.
y = np.array(cases[2]["labels"]); s = np.array(cases[2]["scores"])
with open("binary_scores.csv", "w") as f:
    f.write("label,score\n")
    for a, b in zip(y, s):
        f.write("%d,%r\n" % (int(a), float(b)))
