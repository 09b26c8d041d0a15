"""Reference fixture for longitudes outside [-180, 180] in CrimeKit's H3.latLngToCell, from h3-py.

H3's C library does not wrap a longitude itself: latLngToCell only rejects non-finite coordinates and feeds
the radians straight to cos and sin, so any finite longitude lands where it does modulo 360°.
Writes, next to this script:
  wrap.csv   lat,lng,res,cell — h3.latlng_to_cell for 700 seeded random points at each of the resolutions
             0, 5, 8, 9 and 15 (latitudes uniform in [-90, 90], longitudes uniform in [-1000, 1000]), plus
             a few exact multiples of 180° and the poles with large longitudes. Coordinates are rounded to 9
             decimals *before* h3 sees them.
Made with h3-py 4.5.0 (H3 C 4.5.0) and numpy 2.4.6 on Python 3.11.7.
Run: python3 make_wrap.py   (numpy and h3 from PyPI)
"""
import os
import numpy as np
import h3

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261202)


def r9(x):
    return float("%.9f" % x)


rows = []
for res in (0, 5, 8, 9, 15):
    lats = rng.uniform(-90, 90, 700)
    lngs = rng.uniform(-1000, 1000, 700)
    for lat, lng in zip(lats, lngs):
        rows.append((r9(lat), r9(lng), res))
    for lat, lng in [(0.0, 180.0), (0.0, -180.0), (10.5, 360.0), (-33.25, 540.0), (45.0, -540.0),
                     (12.0, 1000.0), (-12.0, -1000.0), (90.0, 777.7), (-90.0, -999.9), (36.1147, 244.8272)]:
        rows.append((lat, lng, res))

with open(os.path.join(HERE, "wrap.csv"), "w") as f:
    f.write("# h3-py %s (H3 C %s); lat,lng rounded to 9 decimals; cell = latlng_to_cell(lat, lng, res)\n"
            % (h3.__version__, h3.versions()["c"]))
    f.write("lat,lng,res,cell\n")
    for lat, lng, res in rows:
        f.write("%r,%r,%d,%s\n" % (lat, lng, res, h3.latlng_to_cell(lat, lng, res)))
