"""Reference kernel densities and kernel masses over cells for Tests/CrimeForecastTests/KDETests.swift.

Usage: python3 Tests/Fixtures/kde/make_kde.py   (writes kde.json beside this script)
Made with numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1.

Conventions (CrimeKit's KernelDensity): points in metres; f(p) = sum_i w_i K_h(p - p_i) / sum_i w_i with
K_h(u) = K(u/h) / h^2 and
  gaussian  K(u) = exp(-|u|^2 / 2) / (2 pi)            (h = standard deviation)
  quartic   K(u) = 3/pi (1 - |u|^2)^2 for |u| < 1       (h = support radius; not sklearn's epanechnikov)

- "densities": per bandwidth, densities at query points from
    sklearn KernelDensity(kernel="gaussian", bandwidth=h, rtol=0, atol=0).score_samples (exp'd),
    scipy gaussian_kde with its covariance fixed to h^2 I (a subclass that skips the data-driven factor),
    and the quartic by a direct numpy sum;
  unweighted and with time-decay weights w_i = exp(-age_i / tau) (ages in days from integer UTC seconds),
  passed to sklearn as sample_weight and to scipy as weights.
- "masses": the kernel mass of one incident over cells, i.e. the integral of K_h(p - p_i) over the cell:
  axis-aligned squares for the Gaussian in closed form (products of normal CDF differences,
  scipy.special.ndtr), squares for the quartic and a regular hexagon for both kernels by
  scipy.integrate.dblquad (epsabs 1e-13, epsrel 1e-11).
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy import integrate
from scipy.special import ndtr
from scipy.stats import gaussian_kde
from sklearn.neighbors import KernelDensity

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


class FixedGaussianKDE(gaussian_kde):
    """gaussian_kde with the kernel covariance fixed to h^2 I instead of a factor times the data's."""

    def __init__(self, dataset, h, weights=None):
        self.fixed_h = h
        super().__init__(dataset, weights=weights)

    def _compute_covariance(self):
        h = self.fixed_h
        self.factor = 1.0
        self.covariance = np.eye(self.d) * h * h
        self.cho_cov = np.eye(self.d) * h
        self.log_det = 2 * np.log(np.diag(self.cho_cov * np.sqrt(2 * np.pi))).sum()


def quartic(px, py, x, y, w, h):
    r2 = ((px[:, None] - x[None, :]) ** 2 + (py[:, None] - y[None, :]) ** 2) / (h * h)
    k = np.where(r2 < 1, 3 / np.pi * (1 - r2) ** 2, 0.0) / (h * h)
    return (k * w[None, :]).sum(axis=1) / w.sum()


# Incidents: two hot spots and a scatter, metres around the origin; integer UTC times over 60 days.
n = 300
x = np.concatenate([rng.normal(-400, 150, 120), rng.normal(600, 250, 100), rng.uniform(-2000, 2000, 80)])
y = np.concatenate([rng.normal(300, 200, 120), rng.normal(-500, 120, 100), rng.uniform(-2000, 2000, 80)])
reference = 1_717_200_000
times = reference - rng.integers(3_600, 60 * 86_400, n)
tau = 14.0
ages = (reference - times) / 86_400.0
decay = np.exp(-ages / tau)
qx = np.concatenate([rng.uniform(-1500, 1500, 40), x[:5] + 1.0, [0.0, -400.0, 600.0]])
qy = np.concatenate([rng.uniform(-1500, 1500, 40), y[:5] - 2.0, [0.0, 300.0, -500.0]])

densities = []
for h in [100.0, 250.0]:
    entry = {"bandwidth": h}
    for label, w in [("unweighted", np.ones(n)), ("decay", decay)]:
        kde = KernelDensity(kernel="gaussian", bandwidth=h, rtol=0, atol=0)
        kde.fit(np.column_stack([x, y]), sample_weight=w)
        sk = np.exp(kde.score_samples(np.column_stack([qx, qy])))
        sp = FixedGaussianKDE(np.vstack([x, y]), h, weights=w)(np.vstack([qx, qy]))
        assert np.max(np.abs(sk / sp - 1)) < 1e-11, "sklearn and scipy disagree"
        entry[f"gaussian_{label}_sklearn"] = sk.tolist()
        entry[f"gaussian_{label}_scipy"] = sp.tolist()
        entry[f"quartic_{label}_numpy"] = quartic(qx, qy, x, y, w, h).tolist()
    densities.append(entry)


def gaussian_square(x0, x1, y0, y1, px, py, h):
    return (ndtr((x1 - px) / h) - ndtr((x0 - px) / h)) * (ndtr((y1 - py) / h) - ndtr((y0 - py) / h))


def polygon_mass(ring, kernel, px, py, h):
    """dblquad of the kernel over a convex polygon, in slabs between its vertices' x (and the quartic's
    support edges), each slab's y-range clipped to the support."""
    ring = np.asarray(ring)
    xs = sorted(set(ring[:, 0]))

    def bounds(xv):
        hits = []
        for (ax, ay), (bx, by) in zip(ring, np.roll(ring, -1, axis=0)):
            if min(ax, bx) <= xv <= max(ax, bx) and ax != bx:
                hits.append(ay + (xv - ax) * (by - ay) / (bx - ax))
        return min(hits), max(hits)

    def f(yv, xv):
        r2 = ((xv - px) ** 2 + (yv - py) ** 2) / (h * h)
        if kernel == "gaussian":
            return np.exp(-0.5 * r2) / (2 * np.pi * h * h)
        return 3 / np.pi * (1 - r2) ** 2 / (h * h) if r2 < 1 else 0.0

    def inner(xv):
        # The polygon's y-range at xv, clipped to the quartic's support so the integrand is smooth.
        lo, hi = bounds(xv)
        if kernel == "quartic":
            half = np.sqrt(max(h * h - (xv - px) ** 2, 0.0))
            lo, hi = max(lo, py - half), min(hi, py + half)
            hi = max(hi, lo)
        return lo, hi

    total = 0.0
    for a, b in zip(xs[:-1], xs[1:]):
        # Split each slab where the quartic's support circle meets it, so the integrand is smooth.
        cuts = [a, b]
        if kernel == "quartic":
            cuts += [c for c in (px - h, px + h) if a < c < b]
        cuts = sorted(cuts)
        for lo, hi in zip(cuts[:-1], cuts[1:]):
            total += integrate.dblquad(f, lo, hi, lambda xv: inner(xv)[0], lambda xv: inner(xv)[1],
                                       epsabs=1e-13, epsrel=1e-11)[0]
    return total


side = 250.0
squares = [[(c * side, r * side), ((c + 1) * side, r * side), ((c + 1) * side, (r + 1) * side), (c * side, (r + 1) * side)]
           for r in range(-1, 2) for c in range(-1, 2)]
hexagon = [(100 + 150 * np.cos(t), -50 + 150 * np.sin(t)) for t in np.arange(6) * np.pi / 3]
sources = [(10.0, 20.0), (130.0, 260.0), (-300.0, -100.0), (450.0, 420.0)]
masses = []
for h in [100.0, 250.0]:
    for px, py in sources:
        entry = {"bandwidth": h, "x": px, "y": py,
                 "squares": [[list(v) for v in s] for s in squares],
                 "hexagon": [list(v) for v in hexagon],
                 "gaussian_squares": [gaussian_square(s[0][0], s[1][0], s[0][1], s[2][1], px, py, h) for s in squares],
                 "quartic_squares": [polygon_mass(s, "quartic", px, py, h) for s in squares],
                 "gaussian_hexagon": polygon_mass(hexagon, "gaussian", px, py, h),
                 "quartic_hexagon": polygon_mass(hexagon, "quartic", px, py, h)}
        check = [polygon_mass(s, "gaussian", px, py, h) for s in squares]
        assert np.allclose(check, entry["gaussian_squares"], rtol=1e-9, atol=1e-15), "dblquad misses the closed form"
        masses.append(entry)

out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
       "x": x.tolist(), "y": y.tolist(), "times": times.tolist(), "reference": reference, "decay_days": tau,
       "decay_weights": decay.tolist(), "query_x": qx.tolist(), "query_y": qy.tolist(),
       "densities": densities, "masses": masses}
with open(os.path.join(HERE, "kde.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote kde.json")
