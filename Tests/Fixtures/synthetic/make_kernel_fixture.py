"""Reference masses and densities of the synthetic city's near-repeat kernel, computed with scipy.

The kernel of a parent at (x, y, t): offspring count Poisson(alpha), delay ~ Exponential(mean tau),
displacement ~ Normal(0, sigma) independently along each axis. For a rectangle [x0, x1] x [y0, y1] (metres)
and a window [t_from, t_to) (seconds) the expected offspring inside is
    alpha * P(t_from <= t + D < t_to) * P(x0 <= x + U <= x1) * P(y0 <= y + V <= y1),
and the density (per second per square metre) at delay s and offset (dx, dy) is
    alpha * expon.pdf(s, scale=tau) * norm.pdf(dx, scale=sigma) * norm.pdf(dy, scale=sigma).
Tail cases (a box 9 sigma away, a one-second window) check that small masses keep their digits.
Run: python3 make_kernel_fixture.py > kernel_fixture.json
"""
import json, sys
import numpy, scipy
from scipy.stats import expon, norm

def interval_mass(dist, lo, hi):
    # survival-function differences on the upper side keep the digits of far tails
    if lo >= 0:
        return float(dist.sf(lo) - dist.sf(hi))
    return float(dist.cdf(hi) - dist.cdf(lo))

def mass_case(alpha, tau, sigma, x, y, t, x0, x1, y0, y1, t_from, t_to):
    a, b = max(t_from, t) - t, t_to - t
    time = interval_mass(expon(scale=tau), a, b) if b > a else 0.0
    n = norm(scale=sigma)
    space = interval_mass(n, x0 - x, x1 - x) * interval_mass(n, y0 - y, y1 - y)
    return {"alpha": alpha, "tau": tau, "sigma": sigma, "x": x, "y": y, "t": t, "x0": x0, "x1": x1, "y0": y0,
            "y1": y1, "from": t_from, "to": t_to, "expected": alpha * time * space}

def density_case(alpha, tau, sigma, delay, dx, dy):
    value = alpha * float(expon(scale=tau).pdf(delay)) * float(norm(scale=sigma).pdf(dx)) * float(norm(scale=sigma).pdf(dy))
    return {"alpha": alpha, "tau": tau, "sigma": sigma, "delay": delay, "dx": dx, "dy": dy, "density": value}

day = 86400.0
masses = [
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 0.0, -200.0, 200.0, -200.0, 200.0, 0.0, day),
    mass_case(0.3, 2 * day, 200.0, 150.0, -80.0, 1000.0, -200.0, 200.0, -200.0, 200.0, 0.0, 7 * day),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 0.0, 100.0, 300.0, -50.0, 50.0, 3 * day, 4 * day),
    mass_case(0.5, day, 350.0, -1000.0, 2000.0, 5000.0, -1200.0, -900.0, 1500.0, 2600.0, 0.0, 30 * day),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 0.0, 1800.0, 2000.0, -200.0, 200.0, 0.0, day),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 0.0, -2000.0, -1800.0, -2000.0, -1800.0, 0.0, day),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 100.0, -200.0, 200.0, -200.0, 200.0, 5000.0, 5001.0),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 0.0, -10000.0, 10000.0, -10000.0, 10000.0, 0.0, 1e9),
    mass_case(0.3, 2 * day, 200.0, 0.0, 0.0, 2 * day, -200.0, 200.0, -200.0, 200.0, 0.0, day),
]
densities = [
    density_case(0.3, 2 * day, 200.0, 3600.0, 0.0, 0.0),
    density_case(0.3, 2 * day, 200.0, 5 * day, 120.0, -340.0),
    density_case(0.5, day, 350.0, 10.0, 1000.0, 1000.0),
    density_case(0.3, 2 * day, 200.0, -1.0, 0.0, 0.0),  # before the parent: expon.pdf is 0
]
json.dump({"generator": "scipy %s, numpy %s (scipy.stats.expon, scipy.stats.norm)" % (scipy.__version__, numpy.__version__),
           "masses": masses, "densities": densities}, sys.stdout, indent=1)
sys.stdout.write("\n")
