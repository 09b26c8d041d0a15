"""Reference Poisson GLM fits from statsmodels for CrimeKit's PoissonRegression and GLMForecaster tests.

Every fit is statsmodels' GLM(y, X, family=Poisson(), offset=..., exposure=...).fit(tol=1e-12).
Run from this folder: python make_glm.py (writes synthetic.csv, fixed_effects.csv, weekly_trend.csv and
glm_reference.json; the library versions go into the JSON under "versions").

Made with statsmodels 0.15.0, numpy 2.4.6, scipy 1.17.1, pandas 3.1.1, patsy 1.0.3 (Python 3).

(a) synthetic.csv: 600 seeded rows of three numeric columns, an offset and an exposure; fitted with the
    offset alone and with offset + exposure, on the design [const, x1, x2, x3].
(b) fixed_effects.csv: 30 cells x 112 twelve-hour windows (8 weeks from Monday 2024-02-26 00:00 in
    America/Chicago, across the spring-forward day 2024-03-10, whose first half is 11 hours long) of
    Poisson counts; `tow` is the day-of-week x half bucket, `exposure` the window's length in days.
    Fitted as y ~ C(cell) + C(tow) with that exposure; `forecast` holds the fitted model's means for the
    14 windows of the following week (exposure = their lengths).
(c) Anselin's Columbus data is skipped: its CRIME column is a rate per thousand households, not a count,
    and the data carry no household counts to turn it back into one.
(d) weekly_trend.csv: 12 cells x 20 ISO weeks (Monday-to-Monday, America/Chicago) whose data start on
    Wednesday 2024-02-28, so the first week's exposure is 5 days (and the week of 2024-03-10 lasts
    6 days 23 hours); fitted as y ~ C(cell) + trend (trend = week ordinal) with that exposure, and
    forecast for the 4 following weeks.
"""
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import patsy
import scipy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf

CHICAGO = ZoneInfo("America/Chicago")
TOL = 1e-12


def utc(local):
    """UTC seconds of a naive local datetime in Chicago."""
    return int(local.replace(tzinfo=CHICAGO).timestamp())


def figures(fit, names):
    keyed = lambda series: {n: float(series[n]) for n in names}  # noqa: E731
    ci = fit.conf_int()
    return {
        "names": names, "params": keyed(fit.params), "bse": keyed(fit.bse), "tvalues": keyed(fit.tvalues),
        "pvalues": keyed(fit.pvalues), "conf_int": {n: [float(ci.loc[n, 0]), float(ci.loc[n, 1])] for n in names},
        "deviance": float(fit.deviance), "pearson_chi2": float(fit.pearson_chi2), "llf": float(fit.llf),
        "aic": float(fit.aic), "bic_llf": float(fit.bic_llf), "nobs": float(fit.nobs),
        "df_resid": float(fit.df_resid), "df_model": float(fit.df_model), "converged": bool(fit.converged),
        "iterations": int(fit.fit_history["iteration"]), "fittedvalues": [float(v) for v in fit.fittedvalues],
    }


def synthetic():
    rng = np.random.default_rng(20240611)
    n = 600
    x1 = rng.normal(0, 1, n)
    x2 = rng.uniform(-2, 2, n)
    x3 = rng.normal(5, 2, n)
    offset = rng.normal(0, 0.3, n)
    exposure = rng.uniform(0.5, 3, n)
    mu = np.exp(0.4 + 0.5 * x1 - 0.25 * x2 + 0.08 * x3 + offset) * exposure
    y = rng.poisson(mu).astype(float)
    frame = pd.DataFrame({"y": y, "x1": x1, "x2": x2, "x3": x3, "offset": offset, "exposure": exposure})
    frame.to_csv("synthetic.csv", index=False, float_format="%.17g")
    frame = pd.read_csv("synthetic.csv")
    exog = sm.add_constant(frame[["x1", "x2", "x3"]])
    names = ["const", "x1", "x2", "x3"]
    offset_only = sm.GLM(frame.y, exog, family=sm.families.Poisson(), offset=frame.offset).fit(tol=TOL)
    both = sm.GLM(frame.y, exog, family=sm.families.Poisson(), offset=frame.offset,
                  exposure=frame.exposure).fit(tol=TOL)
    return {"synthetic_offset": figures(offset_only, names), "synthetic_offset_exposure": figures(both, names)}


def half_day_windows(first_monday, weeks):
    """(utc start, utc end, tow label, exposure in days) of the twelve-hour windows of `weeks` weeks."""
    out = []
    for k in range(weeks * 14):
        start = first_monday + timedelta(hours=12 * k)
        end = start + timedelta(hours=12)
        a, b = utc(start), utc(end)
        out.append((a, b, f"{start.weekday()}{'am' if start.hour == 0 else 'pm'}", (b - a) / 86400))
    return out


def fixed_effects():
    rng = np.random.default_rng(20240612)
    cells = [f"c{k:02d}" for k in range(30)]
    level = rng.normal(-0.2, 0.7, len(cells))
    windows = half_day_windows(datetime(2024, 2, 26), 9)   # 8 weeks fitted, the 9th forecast
    tow_effect = {f"{d}{h}": rng.normal(0, 0.35) for d in range(7) for h in ["am", "pm"]}
    fitted, future = windows[:112], windows[112:]
    rows = []
    for c, cell in enumerate(cells):
        for w, (_, _, tow, exposure) in enumerate(fitted):
            mu = np.exp(level[c] + tow_effect[tow]) * exposure
            rows.append({"cell": cell, "window": w, "tow": tow, "exposure": exposure, "y": float(rng.poisson(mu))})
    frame = pd.DataFrame(rows)
    assert (frame.groupby("cell").y.sum() > 0).all(), "every cell needs an incident for a finite MLE"
    frame.to_csv("fixed_effects.csv", index=False, float_format="%.17g")
    frame = pd.read_csv("fixed_effects.csv")
    fit = smf.glm("y ~ C(cell) + C(tow)", frame, family=sm.families.Poisson(), exposure=frame.exposure).fit(tol=TOL)
    names = list(fit.params.index)
    new = pd.DataFrame([{"cell": cell, "tow": tow, "exposure": exposure}
                        for cell in cells for (_, _, tow, exposure) in future])
    forecast = fit.predict(new, exposure=new.exposure)
    out = figures(fit, names)
    out["formula"] = "y ~ C(cell) + C(tow)"
    out["zone"] = "America/Chicago"
    out["boundaries"] = [a for (a, _, _, _) in fitted] + [fitted[-1][1]]
    out["forecast_boundaries"] = [a for (a, _, _, _) in future] + [future[-1][1]]
    out["forecast"] = [float(v) for v in forecast]          # cell-major: 30 cells x 14 windows
    return out


def weekly_trend():
    rng = np.random.default_rng(20240613)
    cells = [f"w{k:02d}" for k in range(12)]
    level = rng.normal(0.8, 0.6, len(cells))
    data_start = datetime(2024, 2, 28)                      # a Wednesday: the first week is partial
    monday = datetime(2024, 2, 26)
    weeks = []
    for k in range(24):
        a = utc(monday + timedelta(days=7 * k))
        b = utc(monday + timedelta(days=7 * (k + 1)))
        covered = b - max(a, utc(data_start))
        weeks.append((a, b, covered / 86400))
    fitted, future = weeks[:20], weeks[20:]
    rows = []
    for c, cell in enumerate(cells):
        for w, (_, _, exposure) in enumerate(fitted):
            mu = np.exp(level[c] - 0.03 * w) * exposure
            rows.append({"cell": cell, "trend": w, "exposure": exposure, "y": float(rng.poisson(mu))})
    frame = pd.DataFrame(rows)
    assert (frame.groupby("cell").y.sum() > 0).all()
    frame.to_csv("weekly_trend.csv", index=False, float_format="%.17g")
    frame = pd.read_csv("weekly_trend.csv")
    fit = smf.glm("y ~ C(cell) + trend", frame, family=sm.families.Poisson(), exposure=frame.exposure).fit(tol=TOL)
    names = list(fit.params.index)
    new = pd.DataFrame([{"cell": cell, "trend": 20 + k, "exposure": e}
                        for cell in cells for k, (_, _, e) in enumerate(future)])
    forecast = fit.predict(new, exposure=new.exposure)
    out = figures(fit, names)
    out["formula"] = "y ~ C(cell) + trend"
    out["zone"] = "America/Chicago"
    out["data_start"] = utc(data_start)
    out["boundaries"] = [a for (a, _, _) in fitted] + [fitted[-1][1]]
    out["forecast_boundaries"] = [a for (a, _, _) in future] + [future[-1][1]]
    out["forecast"] = [float(v) for v in forecast]          # cell-major: 12 cells x 4 weeks
    return out


reference = {
    "versions": {"statsmodels": statsmodels.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                 "pandas": pd.__version__, "patsy": patsy.__version__},
    "models": {**synthetic(), "fixed_effects": fixed_effects(), "weekly_trend": weekly_trend()},
}
with open("glm_reference.json", "w") as f:
    json.dump(reference, f, indent=1)
