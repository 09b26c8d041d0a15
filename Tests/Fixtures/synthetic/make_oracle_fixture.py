"""Reference values for the synthetic city's oracle forecaster, computed with scipy.

The oracle sums a near-repeat cascade over generations: with exponential trigger delays of mean tau, a
generation-n descendant comes an Erlang(n, tau) delay after its ancestor and lies a Normal(0, n sigma^2)
displacement away along each axis. This script checks each piece by an independent route:

- "erlang": scipy.stats.gamma.cdf(x, n) (delay x in units of tau) and its integral from 0 to x by
  scipy.integrate.quad;
- "kernel": the probability that a point spread evenly over a sub-cell of side h and displaced by a
  Normal(0, sigma^2) lands d sub-cells away, (1/h) * integral over u in [0, h] of
  Phi(((d+1)h - u)/sigma) - Phi((dh - u)/sigma), by quad;
- "past": the expected descendants (all generations, branching ratio alpha) in [A, B) of a parent at 0,
  by solving the renewal equation m(t) = alpha h(t) + alpha (h * m)(t) as the ODE system
  u' = (m - u)/tau, m = alpha (exp(-t/tau)/tau + u) with scipy.integrate.solve_ivp;
- "immigrants": the expected descendants (generations >= 1) in [A, B) of events arriving at one per second
  over [S0, S1), the same way with v' = (iota + m - v)/tau, m = alpha v;
- "spread": the mass of Normal(centre, n sigma^2) per axis in a box, by scipy.stats.norm.
Made with Python 3.11, scipy 1.17.1, numpy 2.4.6.
Run: python3 make_oracle_fixture.py > oracle_fixture.json
"""
import json, math, sys
import numpy, scipy
from scipy import integrate
from scipy.stats import gamma, norm

erlang = []
for n in [1, 2, 3, 5, 10, 20, 60]:
    for x in [0.001, 0.01, 0.5, 1.0, 3.5, 10.0, 40.0, 250.0]:
        cdf = float(gamma.cdf(x, n))
        value, _ = integrate.quad(lambda u: gamma.cdf(u, n), 0.0, x, epsabs=0.0, epsrel=1e-13, limit=500,
                                  points=[p for p in [n - 1.0, float(n)] if 0 < p < x] or None)
        erlang.append({"n": n, "x": x, "cdf": cdf, "integral": float(value)})

kernel = []
for sigma, h in [(200.0, 50.0), (250.0, 50.0), (100.0, 100.0)]:
    for d in [0, 1, -1, 3, 8, -9, 30]:
        # survival-function differences on the upper side keep the digits of far tails
        if d >= 0:
            f = lambda u: norm.sf((d * h - u) / sigma) - norm.sf(((d + 1) * h - u) / sigma)
        else:
            f = lambda u: norm.cdf(((d + 1) * h - u) / sigma) - norm.cdf((d * h - u) / sigma)
        value, _ = integrate.quad(f, 0.0, h, epsabs=0.0, epsrel=1e-13)
        kernel.append({"sigma": sigma, "step": h, "d": d, "probability": float(value / h)})

def solve(rhs, y0, a, b, t0=0.0):
    """Integrates the state from t0 to a, then the windowed count from a to b."""
    s = integrate.solve_ivp(lambda t, y: rhs(t, y, False), (t0, a), y0, rtol=1e-12, atol=1e-15, method="DOP853") if a > t0 else None
    y = list(s.y[:, -1]) if s is not None else list(y0)
    s = integrate.solve_ivp(lambda t, y: rhs(t, y, True), (a, b), y, rtol=1e-12, atol=1e-15, method="DOP853")
    return float(s.y[-1, -1])

day = 86400.0
past = []
for alpha, tau, A, B in [(0.3, 2 * day, 0.0, day), (0.3, 2 * day, 0.0, 7 * day), (0.3, 2 * day, 7 * day, 14 * day),
                         (0.6, 1.5 * day, 2 * day, 3 * day), (0.9, day, 0.0, 30 * day)]:
    def rhs(t, y, counting):
        u = y[0]
        m = alpha * (math.exp(-t / tau) / tau + u)
        return [(m - u) / tau, m if counting else 0.0]
    past.append({"alpha": alpha, "tau": tau, "from": A, "to": B, "expected": solve(rhs, [0.0, 0.0], A, B)})

immigrants = []
for alpha, tau, S0, S1, A, B in [(0.3, 2 * day, 0.0, 3600.0, 0.0, day), (0.3, 2 * day, 0.0, 7 * day, 0.0, 7 * day),
                                 (0.5, 1.5 * day, 3 * day, 4 * day, 7 * day, 14 * day),
                                 (0.6, day, 0.0, 86400.0, 43200.0, 2 * day)]:
    def rhs(t, y, counting):
        v = y[0]
        iota = 1.0 if S0 <= t < S1 else 0.0
        m = alpha * v
        return [(iota + m - v) / tau, m if counting else 0.0]
    # The source switches on and off: integrate piecewise across its edges.
    edges = sorted({0.0, S0, S1, A, B})
    y = [0.0, 0.0]
    for lo, hi in zip(edges, edges[1:]):
        counting = A <= lo and hi <= B
        s = integrate.solve_ivp(lambda t, y, c=counting: rhs(t, y, c), (lo, hi), y, rtol=1e-12, atol=1e-15,
                                method="DOP853", max_step=3600.0)
        y = list(s.y[:, -1])
    immigrants.append({"alpha": alpha, "tau": tau, "source_from": S0, "source_to": S1, "from": A, "to": B,
                       "expected": y[1]})

def box_mass(cx, cy, s, x0, x1, y0, y1):
    return float((norm.cdf(x1, cx, s) - norm.cdf(x0, cx, s)) * (norm.cdf(y1, cy, s) - norm.cdf(y0, cy, s)))

spread = []
sigma, cx, cy = 200.0, 30.0, -70.0
for box in [(-200.0, 200.0, -200.0, 200.0), (100.0, 500.0, -300.0, 100.0), (-600.0, -200.0, 200.0, 800.0)]:
    for n in [1, 2, 3, 5]:
        spread.append({"sigma": sigma, "x": cx, "y": cy, "generation": n, "x0": box[0], "x1": box[1], "y0": box[2],
                       "y1": box[3], "mass": box_mass(cx, cy, sigma * math.sqrt(n), *box)})

json.dump({"generator": "scipy %s, numpy %s (scipy.stats.gamma, scipy.stats.norm, scipy.integrate.quad, solve_ivp)"
           % (scipy.__version__, numpy.__version__),
           "erlang": erlang, "kernel": kernel, "past": past, "immigrants": immigrants, "spread": spread}, sys.stdout, indent=1)
sys.stdout.write("\n")
