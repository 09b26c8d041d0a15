"""Reference fixtures for the time-window and space-time cube tests.

Every expected value is computed here with pandas / numpy / scikit-learn, never with CrimeKit.
The test grid: 3 x 3 cells of 0.01 degrees, rows from latitude 41.80, columns from longitude -87.70
(row = floor((lat - 41.80) / 0.01), column = floor((lng + 87.70) / 0.01)); points are placed well
inside cells. Run: python3 make_cube_fixtures.py (writes the files beside this script).
"""
import calendar
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = f"# made by make_cube_fixtures.py with python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}, scikit-learn {sklearn.__version__}\n"
ZONE = "America/Chicago"


def write_csv(name, frame):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(HEADER)
        frame.to_csv(f, index=False, lineterminator="\n")


def iso_hour_label(ts):
    iso = ts.isoformat()                      # 2024-11-03T01:00:00-05:00
    return iso[:16] + iso[19:]


# ---------------------------------------------------------------- window boundaries across DST
rows = []
for zone in ["America/Chicago", "America/Los_Angeles"]:
    for first, last in [("2024-03-01", "2024-04-01"), ("2024-10-28", "2024-11-12")]:
        days = pd.date_range(first, last, freq="D", tz=zone)
        for a, b in zip(days[:-1], days[1:]):
            rows.append((zone, "daily", a.strftime("%Y-%m-%d"), a.value // 10**9, b.value // 10**9))
        for d in pd.date_range(first, last, freq="D")[:-1]:
            marks = [d, d + pd.Timedelta(hours=12), d + pd.Timedelta(days=1)]
            local = pd.DatetimeIndex(marks).tz_localize(zone)
            for k in range(2):
                rows.append((zone, "12-hour", d.strftime("%Y-%m-%d") + ("T00" if k == 0 else "T12"),
                             local[k].value // 10**9, local[k + 1].value // 10**9))
    for day in ["2024-03-10", "2024-11-03"]:
        start = pd.Timestamp(day, tz=zone)
        end = start.tz_localize(None) + pd.Timedelta(days=1)
        hours = pd.date_range(start, end.tz_localize(zone), freq="h")
        for a, b in zip(hours[:-1], hours[1:]):
            rows.append((zone, "hourly", iso_hour_label(a), a.value // 10**9, b.value // 10**9))
    mondays = pd.date_range("2024-02-26", "2024-04-15", freq="W-MON").tz_localize(zone)
    for a, b in zip(mondays[:-1], mondays[1:]):
        year, week, _ = a.isocalendar()
        rows.append((zone, "weekly", f"{year}-W{week:02d}", a.value // 10**9, b.value // 10**9))
write_csv("windows.csv", pd.DataFrame(rows, columns=["zone", "frequency", "label", "start", "end"]))

# ---------------------------------------------------------------- incidents on the 3 x 3 grid
rng = np.random.default_rng(20240310)
n = 420
t0 = pd.Timestamp("2024-03-01", tz=ZONE).value // 10**9
t1 = pd.Timestamp("2024-03-21", tz=ZONE).value // 10**9
times = rng.integers(t0, t1, size=n)
# Cell (2, 2) stays empty so the cube must keep a zero-count cell; a few points fall off the grid.
cells = [(r, c) for r in range(3) for c in range(3) if (r, c) != (2, 2)]
pick = rng.integers(0, len(cells), size=n)
row = np.array([cells[k][0] for k in pick])
col = np.array([cells[k][1] for k in pick])
lat = 41.80 + 0.01 * row + rng.uniform(0.002, 0.008, size=n)
lng = -87.70 + 0.01 * col + rng.uniform(0.002, 0.008, size=n)
off = np.arange(n) % 70 == 5
lat[off] = 41.90
row[off] = -1
col[off] = -1
categories = np.array(["theft", "assault", "burglary", "robbery"])[rng.integers(0, 4, size=n)]
# Saturday 2024-03-16 01:00-01:59 local, for the cross-midnight shift.
sat = pd.Timestamp("2024-03-16 01:00", tz=ZONE).value // 10**9
times[:6] = sat + rng.integers(0, 3600, size=6)
inc = pd.DataFrame({"id": [f"i{k}" for k in range(n)], "time": times, "lat": lat.round(6), "lng": lng.round(6),
                    "category": categories, "row": row, "col": col})
write_csv("incidents.csv", inc)

# ---------------------------------------------------------------- daily counts per (cell, window)
on = inc[inc.row >= 0].copy()
local = pd.to_datetime(on.time, unit="s", utc=True).dt.tz_convert(ZONE)
on["day"] = local.dt.floor("D")
counts = on.groupby(["row", "col", "day"]).size().rename("count").reset_index()
counts["label"] = counts.day.dt.strftime("%Y-%m-%d")
counts["start"] = counts.day.map(lambda d: d.value // 10**9)
write_csv("daily_counts.csv", counts[["row", "col", "label", "start", "count"]])
theft = on[on.category == "theft"].groupby(["row", "col", "day"]).size().rename("count").reset_index()
theft["label"] = theft.day.dt.strftime("%Y-%m-%d")
write_csv("daily_counts_theft.csv", theft[["row", "col", "label", "count"]])

# ---------------------------------------------------------------- features on the full 3 x 3 grid
days = pd.date_range("2024-03-01", "2024-03-21", freq="D", tz=ZONE)[:-1]
full = pd.MultiIndex.from_product([range(3), range(3), days], names=["row", "col", "day"])
series = on.groupby(["row", "col", "day"]).size().reindex(full, fill_value=0).rename("count").reset_index()
series = series.sort_values(["row", "col", "day"])
g = series.groupby(["row", "col"])["count"]
series["lag_1"] = g.shift(1)
series["lag_2"] = g.shift(2)
series["rolling_mean_3"] = g.transform(lambda s: s.shift(1).rolling(3).mean())
lag1 = series.set_index(["row", "col", "day"])["lag_1"]


def neighbour_mean(r):
    around = [(r.row + dr, r.col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
              if (dr, dc) != (0, 0) and 0 <= r.row + dr < 3 and 0 <= r.col + dc < 3]
    return np.mean([lag1[(a, b, r.day)] for a, b in around])


series["neighbor_mean_lag_1"] = series.apply(neighbour_mean, axis=1)
series["weekday"] = series.day.dt.day_of_week
series["label"] = series.day.dt.strftime("%Y-%m-%d")
series = series.dropna()
write_csv("daily_features.csv", series[["row", "col", "label", "count", "lag_1", "lag_2", "rolling_mean_3",
                                        "neighbor_mean_lag_1", "weekday"]])

# ---------------------------------------------------------------- day-of-week x shift buckets
names = list(calendar.day_name)                        # Monday first


def bucket(ts, starts):
    # starts: [(hour, name)] ascending; hours before the first start belong to the last shift of the day before.
    h = ts.hour
    earlier = [s for s in starts if s[0] <= h]
    if earlier:
        return f"{names[ts.weekday()]} {earlier[-1][1]}"
    # The calendar day before (not 24 hours before, which can land two days back across a clock change).
    return f"{names[(ts.weekday() - 1) % 7]} {starts[-1][1]}"


local_all = pd.to_datetime(inc.time, unit="s", utc=True).dt.tz_convert(ZONE)
standard = [(0, "Late Night"), (6, "Morning"), (12, "Afternoon"), (18, "Evening")]
crossing = [(4, "Morning"), (12, "Afternoon"), (17, "Evening"), (22, "Late Night")]
b = pd.DataFrame({"standard": local_all.map(lambda t: bucket(t, standard)),
                  "crossing": local_all.map(lambda t: bucket(t, crossing))})
out = []
for scheme in ["standard", "crossing"]:
    for label, k in b[scheme].value_counts().sort_index().items():
        out.append((scheme, label, k))
write_csv("bucket_counts.csv", pd.DataFrame(out, columns=["scheme", "label", "count"]))

# ---------------------------------------------------------------- StandardScaler
x = rng.normal(loc=[3.0, -1.0, 100.0, 0.0], scale=[1.0, 0.01, 25.0, 1.0], size=(12, 4))
x[:, 3] = 7.25                                           # a constant column keeps scale 1
scaler = StandardScaler().fit(x)
with open(os.path.join(HERE, "scaler.json"), "w") as f:
    json.dump({"comment": HEADER.strip("# \n"), "x": x.tolist(), "mean": scaler.mean_.tolist(),
               "var": scaler.var_.tolist(), "scale": scaler.scale_.tolist(),
               "transformed": scaler.transform(x).tolist()}, f, indent=1)
