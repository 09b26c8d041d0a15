"""Geodesic distances (pyproj.Geod on WGS84, Karney's algorithm) between point pairs near Chicago's Loop,
to check CrimeGeo.LocalProjection's planar distances.
Run: python3 make_local_projection_fixture.py > local_projection_fixture.json
"""
import json, sys
import numpy as np
import pyproj

origin = (41.88, -87.63)
geod = pyproj.Geod(ellps="WGS84")
rng = np.random.default_rng(3)
pairs = []
for _ in range(40):
    lat1, lat2 = origin[0] + rng.uniform(-0.12, 0.12, 2)
    lng1, lng2 = origin[1] + rng.uniform(-0.16, 0.16, 2)
    _, _, d = geod.inv(lng1, lat1, lng2, lat2)
    pairs.append([lat1, lng1, lat2, lng2, d])
json.dump({"generator": "pyproj %s (PROJ %s)" % (pyproj.__version__, pyproj.proj_version_str),
           "origin": origin, "pairs": pairs}, sys.stdout)
