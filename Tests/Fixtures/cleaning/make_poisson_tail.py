"""Reference Poisson upper tails P(X >= k | mu) = scipy.stats.poisson.sf(k - 1, mu) for the midnight-spike test.
Run: python3 make_poisson_tail.py > poisson_tail.json
"""
import json, sys
import scipy
from scipy.stats import poisson

cases = [(0, 1.0), (1, 1.0), (3, 1.0), (8, 1.0), (2, 2.5), (5, 2.5), (12, 2.5), (10, 10.0), (20, 10.0),
         (35, 10.0), (90, 100.0), (100, 100.0), (140, 100.0), (4000, 3000.0), (2950, 3000.0), (60, 4.0)]
json.dump({
    "generator": "scipy %s (scipy.stats.poisson.sf(k - 1, mu))" % scipy.__version__,
    "cases": [{"k": k, "mu": mu, "tail": float(poisson.sf(k - 1, mu))} for k, mu in cases],
}, sys.stdout, indent=1)
sys.stdout.write("\n")
