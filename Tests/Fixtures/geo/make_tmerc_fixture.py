"""Transverse Mercator references from pyproj (PROJ's tmerc, exact Poder/Engsager algorithm) for
CrimeGeo.TransverseMercator: UTM zone 16N (EPSG:32616) and a local tmerc centred on Chicago's Loop.
Run: python3 make_tmerc_fixture.py > tmerc_fixture.json
"""
import json, sys
import numpy as np
import pyproj

rng = np.random.default_rng(11)
lat = rng.uniform(40.0, 44.0, 30); lng = rng.uniform(-90.5, -85.5, 30)
utm = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32616", always_xy=True)
ux, uy = utm.transform(lng, lat)
local = pyproj.Transformer.from_crs("EPSG:4326", "+proj=tmerc +lat_0=41.88 +lon_0=-87.63 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m", always_xy=True)
lx, ly = local.transform(lng, lat)
json.dump({"generator": "pyproj %s (PROJ %s)" % (pyproj.__version__, pyproj.proj_version_str),
           "points": [[a, b] for a, b in zip(lat, lng)],
           "utm16n": [[a, b] for a, b in zip(ux, uy)],
           "local": [[a, b] for a, b in zip(lx, ly)]}, sys.stdout)
