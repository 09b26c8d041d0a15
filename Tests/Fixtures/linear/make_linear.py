"""Reference OLS results from statsmodels for CrimeKit's linear-model tests.

Writes synthetic.csv (a seeded synthetic design with a near-collinear pair and a categorical) and
ols_reference.json: for each model, every figure statsmodels reports (nonrobust, HC0-HC3, cluster),
variance inflation factors and the summary diagnostics. Run from this folder after make_columbus_csv.py.
"""
import json

import numpy as np
import pandas as pd
import patsy
from numpy import log  # noqa: F401  (patsy looks log up in this namespace)
import scipy
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson, jarque_bera, omni_normtest


def synthetic():
    rng = np.random.default_rng(20240505)
    n = 1200
    x1 = rng.normal(10, 2, n)
    x2 = x1 + rng.normal(0, 0.02, n)          # near-collinear with x1 (r ~ 0.99995)
    w = rng.uniform(-1, 1, n)
    z = rng.lognormal(1.0, 0.5, n)
    districts = np.array(["Central", "North", "South", "East", "West", "Harbor", "Airport", "Lakeside"])
    d = districts[rng.integers(0, len(districts), n)]
    effect = {k: v for k, v in zip(districts, [0.0, 1.5, -0.7, 0.3, 2.2, -1.1, 0.8, 0.4])}
    y = (3 + 0.8 * x1 - 0.5 * x2 + 1.7 * np.log(z) + np.vectorize(effect.get)(d) + 0.9 * x1 * w
         + rng.normal(0, 1 + 0.3 * np.abs(w), n))
    frame = pd.DataFrame({"y": y, "x1": x1, "x2": x2, "w": w, "z": z, "district": d})
    frame.to_csv("synthetic.csv", index=False, float_format="%.17g")
    return pd.read_csv("synthetic.csv")


def figures(frame, formula, cluster, vif=True):
    model = smf.ols(formula, frame)
    fit = model.fit()
    names = list(model.exog_names)
    keyed = lambda series: {k: float(series[k]) for k in names}
    ci = fit.conf_int()
    ci90 = fit.conf_int(alpha=0.10)
    omnibus, omnibus_p = omni_normtest(fit.resid)
    jb, jb_p, skew, kurtosis = jarque_bera(fit.resid)
    out = {
        "formula": formula,
        "names": names,
        "params": keyed(fit.params), "bse": keyed(fit.bse), "tvalues": keyed(fit.tvalues),
        "pvalues": keyed(fit.pvalues),
        "conf_int": {k: [float(ci.loc[k, 0]), float(ci.loc[k, 1])] for k in names},
        "conf_int_90": {k: [float(ci90.loc[k, 0]), float(ci90.loc[k, 1])] for k in names},
        "rsquared": fit.rsquared, "rsquared_adj": fit.rsquared_adj,
        "fvalue": float(fit.fvalue), "f_pvalue": float(fit.f_pvalue),
        "llf": fit.llf, "aic": fit.aic, "bic": fit.bic, "nobs": fit.nobs,
        "df_model": fit.df_model, "df_resid": fit.df_resid, "ssr": fit.ssr,
        "condition_number": float(fit.condition_number),
        "resid": [float(v) for v in fit.resid], "fittedvalues": [float(v) for v in fit.fittedvalues],
        "vif": {k: float(variance_inflation_factor(model.exog, i)) for i, k in enumerate(names)} if vif else None,
        "omnibus": float(omnibus), "omnibus_pvalue": float(omnibus_p), "jarque_bera": float(jb),
        "jarque_bera_pvalue": float(jb_p), "skew": float(skew), "kurtosis": float(kurtosis),
        "durbin_watson": float(durbin_watson(fit.resid)),
    }
    for cov in ["HC0", "HC1", "HC2", "HC3"]:
        robust = model.fit(cov_type=cov)
        out["bse_" + cov.lower()] = keyed(robust.bse)
        out["pvalues_" + cov.lower()] = keyed(robust.pvalues)
    if cluster:
        groups = pd.factorize(frame[cluster])[0]
        robust = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
        out["cluster"] = cluster
        out["bse_cluster"] = keyed(robust.bse)
        out["pvalues_cluster"] = keyed(robust.pvalues)
    return out


columbus = pd.read_csv("columbus.csv")
synth = synthetic()
reference = {
    "versions": {"statsmodels": statsmodels.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                 "pandas": pd.__version__, "patsy": patsy.__version__},
    "models": {
        "columbus": figures(columbus, "CRIME ~ INC + HOVAL", "CP"),
        "columbus_loglog": figures(columbus, "log(CRIME) ~ log(INC) + log(HOVAL)", "EW"),
        "columbus_nointercept": figures(columbus, "CRIME ~ INC + HOVAL - 1", None),
        "synthetic": figures(synth, "y ~ x1 + x2 + log(z) + C(district) + x1:w", "district"),
        # Full dummy coding without an intercept: statsmodels finds the implicit constant (centred R²).
        # Its VIFs are degenerate there (the centred dummies are collinear), so they are not compared.
        "synthetic_implicit_constant": figures(synth, "y ~ C(district) + x1 + log(z) - 1", None, vif=False),
    },
}
# Summaries as statsmodels prints them (the Date and Time lines are the only ones that vary).
reference["summaries"] = {
    "columbus_nonrobust": str(smf.ols("CRIME ~ INC + HOVAL", columbus).fit().summary()),
    "columbus_nointercept_hc1": str(smf.ols("CRIME ~ INC + HOVAL - 1", columbus).fit(cov_type="HC1").summary()),
    "columbus_loglog_hc3": str(smf.ols("log(CRIME) ~ log(INC) + log(HOVAL)", columbus).fit(cov_type="HC3").summary()),
    "synthetic_nonrobust": str(smf.ols("y ~ x1 + x2 + log(z) + C(district) + x1:w", synth).fit().summary()),
}
with open("ols_reference.json", "w") as f:
    json.dump(reference, f, indent=1)
