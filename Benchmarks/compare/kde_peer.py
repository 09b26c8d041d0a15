"""Kernel density of 1,000,000 incidents at 10,000 cell centres: CrimeKit (CrimeBench kde) against
scikit-learn's KernelDensity in the same run, same points; prints one JSON object and a Markdown row.

Usage: python3 Benchmarks/compare/kde_peer.py [CRIMEBENCH] [--rtol R]

- CrimeBench (default .build/release/CrimeBench) `kde DIR` makes the problem (1 M incidents around 30 hot
  spots and a scatter, 100 x 100 cells of 250 m, Gaussian bandwidth 250 m), times its forecasters and
  its fast density at the cell centres, and writes the points, the centres and those densities to DIR.
- scikit-learn peer (timed, best of three): KernelDensity(kernel="gaussian", bandwidth=250, rtol=R)
  .fit(points).score_samples(centres), R = 1e-3 by default, the accuracy class of CrimeKit's fast path
  (rtol=0, exact, takes several minutes on this problem). The ratio is scikit-learn's seconds over
  CrimeKit's for the same densities (`density_centres_fast_seconds`); CrimeKit's whole KDE forecaster
  fit + forecast (cell masses by quadrature, not just densities at centres) is reported beside it.
- Agreement: CrimeKit's fast densities against scikit-learn's exact ones (rtol=0) at 200 of the
  centres, where the density is at least 1e-3 of its largest value there.
"""
import argparse
import json
import os
import subprocess
import tempfile
import time

import numpy as np
import sklearn
from sklearn.neighbors import KernelDensity


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("crimebench", nargs="?", default=".build/release/CrimeBench")
    parser.add_argument("--rtol", type=float, default=1e-3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        ours = json.loads(subprocess.run([args.crimebench, "kde", work], check=True, capture_output=True,
                                         text=True).stdout)
        points = np.fromfile(os.path.join(work, "points.bin"), dtype="<f8").reshape(-1, 2)
        centres = np.fromfile(os.path.join(work, "centres.bin"), dtype="<f8").reshape(-1, 2)
        fast = np.fromfile(os.path.join(work, "densities.bin"), dtype="<f8")
    h = ours["bandwidth_m"]

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        peer = np.exp(KernelDensity(kernel="gaussian", bandwidth=h, rtol=args.rtol).fit(points).score_samples(centres))
        best = min(best, time.perf_counter() - start)

    sample = np.arange(0, len(centres), len(centres) // 200)
    exact = np.exp(KernelDensity(kernel="gaussian", bandwidth=h, rtol=0).fit(points).score_samples(centres[sample]))
    keep = exact >= 1e-3 * exact.max()
    gap = float(np.max(np.abs(fast[sample][keep] / exact[keep] - 1)))
    peer_gap = float(np.max(np.abs(peer[sample][keep] / exact[keep] - 1)))
    ratio = best / ours["density_centres_fast_seconds"]
    print(json.dumps({
        "points": len(points), "centres": len(centres), "bandwidth_m": h, "sklearn": sklearn.__version__,
        "sklearn_rtol": args.rtol, "sklearn_seconds": round(best, 4),
        "crimekit_density_seconds": round(ours["density_centres_fast_seconds"], 4),
        "crimekit_kde_forecaster_seconds": round(ours["kde_gaussian_seconds"], 4),
        "crimekit_kde_quartic_forecaster_seconds": round(ours["kde_quartic_seconds"], 4),
        "crimekit_promap_seconds": round(ours["promap_seconds"], 4),
        "ratio": round(ratio, 2),
        "crimekit_fast_vs_sklearn_exact_max_relative": gap,
        "sklearn_rtol_vs_exact_max_relative": peer_gap,
    }))
    print(f"| KDE, {len(points):,} points at {len(centres):,} cell centres (Gaussian, h = {h:g} m) | "
          f"{ours['density_centres_fast_seconds']:.3f} s | scikit-learn {sklearn.__version__} KernelDensity"
          f"(rtol={args.rtol:g}).score_samples | {best:.3f} s | {ratio:.1f}× | ≥ 2× |")


if __name__ == "__main__":
    main()
