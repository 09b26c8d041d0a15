"""Reference for the SEPP EM (Tests/CrimeForecastTests/SEPPTests.swift).

Simulates a small self-exciting event set on 3 x 3 cells of 250 m (a square [0, 750) m, UTC, eight weeks
from Monday 2024-01-01) and runs an independent dense-matrix numpy implementation of the same likelihood
and EM as CrimeForecast's SEPPForecaster for 5 and 20 iterations from fixed start values, writing the
events, the hour-of-week bins and exposures, and the log-likelihood and parameters to sepp_reference.json.

Model: lambda_j = mu[c_j] r[h_j] / A + sum_{i: 0 < t_j - t_i <= W, d_ij <= R} theta omega exp(-omega dt)
exp(-d^2 / (2 sigma^2)) / (2 pi sigma^2), W = min(5 / omega, 60) days, R = 4 sigma; log-likelihood
sum log lambda_j - sum_c mu_c sum_h r_h L_h - theta sum_i (1 - exp(-omega min(T - t_i, W))).
M-step: mu_c = B_c / T, r_h = B_h T / (B L_h), theta = P / sum_i (1 - exp(-omega_old min(T - t_i, W_old)))
(<= 0.99), omega the rate of an exponential cut at W_old with mean sum p dt / P (scipy's brentq; <= 1440),
sigma = sqrt(sum p d^2 / (2 P)) (>= 1 m).

numpy 2.4.6, scipy 1.17.1, Python 3.11.7.
"""
import json

import numpy as np
from scipy.optimize import brentq

START = 1_704_067_200  # 2024-01-01 00:00 UTC, a Monday
DAYS = 56
SIDE = 250.0
AREA = SIDE * SIDE


def simulate(rng):
    times, xs, ys = [], [], []
    n_background = rng.poisson(3.0 * DAYS)
    queue = [(rng.uniform(0, DAYS), rng.uniform(0, 3 * SIDE), rng.uniform(0, 3 * SIDE)) for _ in range(n_background)]
    while queue:
        t, x, y = queue.pop()
        if not (0 <= t < DAYS and 0 <= x < 3 * SIDE and 0 <= y < 3 * SIDE):
            continue
        times.append(t), xs.append(x), ys.append(y)
        for _ in range(rng.poisson(0.4)):
            queue.append((t + rng.exponential(1.5), x + rng.normal(0, 40), y + rng.normal(0, 40)))
    seconds = np.round(np.array(times) * 86400).astype(np.int64) + START
    order = np.argsort(seconds, kind="stable")
    return seconds[order], np.round(np.array(xs)[order], 3), np.round(np.array(ys)[order], 3)


def hour_of_week(seconds):
    day = seconds // 86400
    return ((day + 3) % 7) * 24 + (seconds % 86400) // 3600  # 1970-01-01 was a Thursday; Monday = 0


def em(t, x, y, cell, hour, exposure, duration, theta, omega, sigma, iterations):
    mu = np.bincount(cell, minlength=9) / duration
    r = np.ones(168)
    dt = t[None, :] - t[:, None]  # [i, j] = t_j - t_i
    d2 = (x[None, :] - x[:, None]) ** 2 + (y[None, :] - y[:, None]) ** 2

    def estep(mu, r, theta, omega, sigma):
        mask = (dt > 0) & (dt <= min(5 / omega, 60.0)) & (d2 <= (4 * sigma) ** 2)
        g = np.where(mask, theta * omega * np.exp(-omega * dt) * np.exp(-d2 / (2 * sigma**2)) / (2 * np.pi * sigma**2), 0.0)
        background = mu[cell] * r[hour] / AREA
        lam = background + g.sum(axis=0)
        window = min(5 / omega, 60.0)
        ll = (np.log(lam).sum() - mu.sum() * (r * exposure).sum()
              - theta * (1 - np.exp(-omega * np.minimum(duration - t, window))).sum())
        return ll, background / lam, g / lam[None, :]

    ll, pb, p = estep(mu, r, theta, omega, sigma)
    for _ in range(iterations):
        bc = np.bincount(cell, weights=pb, minlength=9)
        bh = np.bincount(hour, weights=pb, minlength=168)
        mu = bc / duration
        r = np.where(exposure > 0, bh * duration / (pb.sum() * np.where(exposure > 0, exposure, 1)), 1.0)
        P = p.sum()
        window = min(5 / omega, 60.0)
        theta = min(P / (1 - np.exp(-omega * np.minimum(duration - t, window))).sum(), 0.99)
        m = (p * dt).sum() / P
        f = lambda w: 1 / w - window / np.expm1(w * window) - m  # the cut exponential's mean minus m
        omega = min(brentq(f, 1e-6, 1e6, xtol=1e-300, rtol=1e-15) if f(1e-6) > 0 else 1e-6, 1440.0)
        sigma = max(np.sqrt((p * d2).sum() / (2 * P)), 1.0)
        ll, pb, p = estep(mu, r, theta, omega, sigma)
    return dict(log_likelihood=ll, branching_ratio=theta, omega=omega, sigma=sigma, background=mu.tolist())


def main():
    rng = np.random.default_rng(16)
    seconds, x, y = simulate(rng)
    cell = (np.floor(y / SIDE) * 3 + np.floor(x / SIDE)).astype(np.int64)
    hour = hour_of_week(seconds)
    grid = np.arange(START, START + DAYS * 86400, 3600)
    exposure = np.bincount(hour_of_week(grid), minlength=168) / 24.0
    t = (seconds - START) / 86400.0
    start = dict(theta=0.3, omega=1.0, sigma=50.0)
    runs = {str(n): em(t, x, y, cell, hour, exposure, float(DAYS), iterations=n, **start) for n in (5, 20)}
    out = dict(start_utc=START, days=DAYS, cell_side_m=SIDE, start_values=start,
               seconds=seconds.tolist(), x=x.tolist(), y=y.tolist(), cell=cell.tolist(), hour=hour.tolist(),
               exposure_days=exposure.tolist(), runs=runs)
    with open("sepp_reference.json", "w") as f:
        json.dump(out, f)
    print(len(seconds), {k: {kk: v for kk, v in r.items() if kk != "background"} for k, r in runs.items()})


if __name__ == "__main__":
    main()
