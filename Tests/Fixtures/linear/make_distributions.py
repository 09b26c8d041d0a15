"""Reference values of the t, F and normal distributions from scipy.stats for CrimeKit's tests."""
import json

import scipy
from scipy import stats

t_cases = []
for df in [1, 2, 3, 5.5, 10, 46, 120, 1000, 999_979]:
    # scipy's stdtr loses about 1e-11 at t = 1e-6 with one degree of freedom (the Cauchy closed form
    # 1/2 + atan(t)/pi disagrees), so that point is left to a closed-form test.
    for t in ([0.0] if df == 1 else [0.0, 1e-6]) + [0.3, 1.0, 1.96, 2.5, 4.0, 8.0, 30.0, -2.2]:
        t_cases.append({"df": df, "t": t, "two_sided": float(2 * stats.t.sf(abs(t), df)),
                        "cdf": float(stats.t.cdf(t, df))})
quantiles = []
for df in [1, 2, 4, 7.5, 46, 1188, 999_979]:
    for p in [0.5, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9995, 0.025, 0.001]:
        quantiles.append({"df": df, "p": p, "q": float(stats.t.ppf(p, df))})
f_cases = []
for d1, d2 in [(1, 1), (2, 46), (2, 47), (11, 1188), (3, 10), (19, 999_980), (5, 2.5)]:
    for f in [0.01, 0.5, 1.0, 2.0, 5.0, 28.0, 200.0]:
        f_cases.append({"d1": d1, "d2": d2, "f": f, "sf": float(stats.f.sf(f, d1, d2)),
                        "cdf": float(stats.f.cdf(f, d1, d2))})
normal = [{"p": p, "q": float(stats.norm.ppf(p)), "sf": float(stats.norm.sf(float(stats.norm.ppf(p))))}
          for p in [0.001, 0.025, 0.05, 0.5, 0.8, 0.95, 0.975, 0.995]]
with open("distributions.json", "w") as f:
    json.dump({"versions": {"scipy": scipy.__version__}, "t": t_cases, "t_quantiles": quantiles,
               "f": f_cases, "normal": normal}, f, indent=1)
