"""patsy's column names and first design rows for formulas over synthetic.csv (CrimeKit's formula tests)."""
import json

import numpy as np
import pandas as pd
import patsy
from numpy import exp, log, sqrt  # noqa: F401  (patsy looks functions up in this namespace)

frame = pd.read_csv("synthetic.csv")
formulas = [
    "y ~ x1 + w",
    "y ~ x1 + C(district) + log(z) + x1:w + C(district):w",
    "y ~ C(district) - 1",
    "y ~ x1 + C(district) - 1",
    "y ~ 0 + x1 + w",
    "y ~ x1*w",
    "y ~ w + x1:w + x1",
    "y ~ district + x1",
    "y ~ I(x1 ** 2) + I(x1 * w) + sqrt(z)",
    "log(z) ~ (x1 + w):C(district)",
    "y ~ w:C(district)",
    "y ~ np.log(z) + exp(w) + I(x1 / (z + 1))",
]
out = {"versions": {"patsy": patsy.__version__, "pandas": pd.__version__}, "cases": []}
for f in formulas:
    lhs, rhs = patsy.dmatrices(f, frame)
    out["cases"].append({"formula": f, "names": rhs.design_info.column_names,
                         "response": lhs.design_info.column_names[0],
                         "rows": np.asarray(rhs)[:4].tolist(), "response_rows": np.asarray(lhs)[:4, 0].tolist()})
with open("formula_names.json", "w") as fh:
    json.dump(out, fh, indent=1)
