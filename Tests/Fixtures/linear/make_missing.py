"""statsmodels' formula OLS with missing='drop' on a small table with missing cells (CrimeKit's missing-value tests).

Writes missing.csv (24 seeded rows; cells written as '', NA, NaN, null, N/A and None, which pandas' read_csv
reads as missing by default; the column `note` is missing in rows no formula uses and must not drop them) and
missing_reference.json (coefficients by patsy name, standard errors and nobs per formula).
"""
import json

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

rng = np.random.default_rng(17)
n = 24
x = rng.normal(size=n).round(3)
w = rng.uniform(1, 5, size=n).round(3)
g = np.array(["a", "b", "c"])[rng.integers(0, 3, size=n)]
y = (1.5 + 2.0 * x - 0.7 * w + np.where(g == "b", 1.0, 0.0) + rng.normal(scale=0.5, size=n)).round(3)
cells = {"y": [str(v) for v in y], "x": [str(v) for v in x], "w": [str(v) for v in w], "g": list(g),
         "note": ["ok"] * n}
for column, row, marker in [("y", 3, ""), ("x", 5, "NA"), ("x", 11, "NaN"), ("w", 8, "null"), ("g", 14, "N/A"),
                            ("w", 19, "None"), ("note", 0, "NA"), ("note", 2, "")]:
    cells[column][row] = marker
with open("missing.csv", "w") as fh:
    fh.write("y,x,w,g,note\n")
    for i in range(n):
        fh.write(",".join(cells[c][i] for c in ["y", "x", "w", "g", "note"]) + "\n")

frame = pd.read_csv("missing.csv")
out = {"versions": {"statsmodels": statsmodels.__version__, "pandas": pd.__version__}, "cases": []}
for formula in ["y ~ x + w", "y ~ x + w + C(g)", "y ~ x", "w ~ C(g)"]:
    fit = smf.ols(formula, frame, missing="drop").fit()
    out["cases"].append({"formula": formula, "nobs": int(fit.nobs), "params": fit.params.to_dict(),
                         "bse": fit.bse.to_dict()})
with open("missing_reference.json", "w") as fh:
    json.dump(out, fh, indent=1)
