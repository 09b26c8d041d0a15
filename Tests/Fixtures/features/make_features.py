"""Reference feature rows and a recursive forecast for RegressorForecaster (CrimeForecast).

Made with Python 3 and numpy 2.4.6 (np.polyfit for the trend slope). Writes features.json beside this
script: the counts of 6 cells (a 2 x 3 block of grid cells, queen neighbours) over 40 daily windows and
two cases, each with the feature rows of every cell for every training target window (target-window-major),
for window 40 (the forecast row), and a 5-window recursive forecast by a fixed linear model on the
features, clamped at 0:
  "short": 100 training windows, so the targets are 1..39; the first is less than P into the history, so
           lagSeason, seasonalMean and margins hold mean(v) in every row, forecast rows included;
  "full":  32 training windows, targets 8..39, every one at least P in: the season features as below.

The features are computed here from their definitions, independently of CrimeKit, with numpy slicing:
for target window t, v = the cell's counts in windows 0..t-1, P = 7:
  lag1 v[t-1]; lag2 v[t-2] (else mean(v)); lagSeason v[t-P] (else mean(v));
  mean4 / mean13 the mean of the last 4 / 13 values (as many as there are);
  seasonalMean the mean of v[j] for j < t with (t - j) % P == 0 (else mean(v));
  neighbourLag1 the mean of the neighbours' counts in window t-1;
  margins N_c * N_s / N / n_s over windows before t (mean(v) if n_s == 0, 0 if N == 0);
  trend the least-squares slope of the last min(13, t) values (0 with one value).
"""
import json
import pathlib

import numpy as np

P = 7
ROWS, COLS = 2, 3
WINDOWS = 40
STEPS = 5
WEIGHTS = [0.3, 0.1, 0.2, 0.1, 0.1, 0.2, 0.1, 0.1, -3.0]
INTERCEPT = -1.5


def neighbours():
    cells = [(r, c) for r in range(ROWS) for c in range(COLS)]
    return [[k for k, (r2, c2) in enumerate(cells) if (r2, c2) != (r, c) and abs(r2 - r) <= 1 and abs(c2 - c) <= 1]
            for (r, c) in cells]


def features(counts, nbrs, t, seasonal):
    rows = []
    grand = counts[:, :t].sum()
    season = [j for j in range(t) if (t - j) % P == 0]
    season_total = counts[:, season].sum()
    for c in range(counts.shape[0]):
        v = counts[c, :t]
        m = v.mean()
        k = min(13, t)
        if len(season) == 0:
            margins = m
        elif grand == 0:
            margins = 0.0
        else:
            margins = v.sum() * season_total / grand / len(season)
        rows.append([
            v[t - 1],
            v[t - 2] if t >= 2 else m,
            v[t - P] if seasonal and t >= P else m,
            v[-4:].mean(),
            v[-13:].mean(),
            v[t % P::P].mean() if seasonal and len(season) > 0 else m,
            counts[nbrs[c], t - 1].mean() if nbrs[c] else v[t - 1],
            margins if seasonal else m,
            np.polyfit(np.arange(k), v[-k:], 1)[0] if k >= 2 else 0.0,
        ])
    return rows


def main():
    rng = np.random.default_rng(20240611)
    rate = rng.uniform(0.5, 4.0, size=ROWS * COLS)
    weekday = np.array([0.4, 0.6, 1.0, 1.0, 1.2, 1.8, 2.0])
    lam = rate[:, None] * weekday[np.arange(WINDOWS) % P][None, :]
    counts = rng.poisson(lam).astype(float)
    nbrs = neighbours()
    cases = {}
    for name, training_windows in (("short", 100), ("full", 32)):
        first = max(1, WINDOWS - training_windows)
        seasonal = first >= P
        train_x, train_y = [], []
        for t in range(first, WINDOWS):
            train_x += features(counts, nbrs, t, seasonal)
            train_y += list(counts[:, t])
        forecast_x = features(counts, nbrs, WINDOWS, seasonal)
        series = counts.copy()
        for _ in range(STEPS):
            x = np.array(features(series, nbrs, series.shape[1], seasonal))
            predicted = np.maximum(x @ np.array(WEIGHTS) + INTERCEPT, 0.0)
            series = np.concatenate([series, predicted[:, None]], axis=1)
        cases[name] = {
            "training_windows": training_windows, "train_x": np.array(train_x).tolist(), "train_y": train_y,
            "forecast_x": np.array(forecast_x).tolist(), "recursive_forecast": series[:, WINDOWS:].tolist(),
        }
    out = {
        "period": P, "grid_rows": ROWS, "grid_columns": COLS, "neighbours": nbrs,
        "counts": counts.tolist(), "weights": WEIGHTS, "intercept": INTERCEPT, "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("features.json")
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
