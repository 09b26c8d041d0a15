"""Reference fixtures for CrimeKit's H3 implementation, computed with h3-py (Uber's H3 C library).

Writes, next to this script:
  points.csv    lat,lng,cell — latLngToCell for ~21,000 points over resolutions 0–15: uniform points on the
                sphere, the 12 pentagon centres and points near them, both poles, the antimeridian, and points
                along the 30 icosahedron edges. Coordinates are rounded to 9 decimals *before* h3 sees them.
  cells.csv     cell,lat,lng,parent,area_km2,area_m2,disk1,boundary — for a subset of those cells:
                cellToLatLng, cellToParent(res-1), cellArea, sorted gridDisk(k=1) (';'-joined) and
                cellToBoundary ('lat lng' pairs, ';'-joined), all degrees printed with repr.
  extras.json   children, rings and a polygonToCells case (Las Vegas box with a hole at resolution 8).
Run: python3 make_h3_fixtures.py   (numpy and h3 from PyPI)
"""
import csv, json, math, os
import numpy as np
import h3

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240604)


def r9(x):
    return float("%.9f" % x)


points = []  # (lat, lng, res)

# 1. Uniform on the sphere, 1,000 per resolution.
for res in range(16):
    u = rng.uniform(-1, 1, 1000)
    lng = rng.uniform(-180, 180, 1000)
    for a, b in zip(np.degrees(np.arcsin(u)), lng):
        points.append((r9(a), r9(b), res))

# 2. Pentagon centres and points within about one cell of them.
for res in range(16):
    for p in h3.get_pentagons(res):
        lat, lng = h3.cell_to_latlng(p)
        points.append((r9(lat), r9(lng), res))
        scale = math.degrees(h3.average_hexagon_edge_length(res, unit="km") / 6371.0)
        for _ in range(4):
            dlat, dlng = rng.normal(0, scale, 2)
            la = max(-90.0, min(90.0, lat + dlat))
            lo = ((lng + dlng + 180.0) % 360.0) - 180.0
            points.append((r9(la), r9(lo), res))

# 3. Poles, near-poles and the antimeridian.
for res in range(16):
    for lng in (-180.0, -135.0, -45.0, 0.0, 60.0, 180.0):
        points.append((90.0, lng, res))
        points.append((-90.0, lng, res))
    for lat in (-89.9999999, -89.99, 89.99, 89.9999999):
        points.append((lat, r9(rng.uniform(-180, 180)), res))
    for lat in np.linspace(-80, 80, 9):
        for lng in (-180.0, 180.0, -179.999999999, 179.999999999):
            points.append((r9(lat), lng, res))

# 4. Along the 30 icosahedron edges (great circles between adjacent res-0 pentagon centres).
pents = [np.array(h3.cell_to_latlng(p)) for p in h3.get_pentagons(0)]
vec = [np.array([math.cos(math.radians(a)) * math.cos(math.radians(b)),
                 math.cos(math.radians(a)) * math.sin(math.radians(b)),
                 math.sin(math.radians(a))]) for a, b in pents]
edges = [(i, j) for i in range(12) for j in range(i + 1, 12) if np.dot(vec[i], vec[j]) > 0.4]
assert len(edges) == 30, len(edges)
for i, j in edges:
    for res in range(16):
        for t in rng.uniform(0.05, 0.95, 8):
            v = vec[i] * (1 - t) + vec[j] * t
            v /= np.linalg.norm(v)
            points.append((r9(math.degrees(math.asin(v[2]))), r9(math.degrees(math.atan2(v[1], v[0]))), res))

cells = []
with open(os.path.join(HERE, "points.csv"), "w", newline="") as f:
    f.write("# h3-py %s (H3 C %s); lat,lng rounded to 9 decimals; cell = latlng_to_cell(lat, lng, res)\n"
            % (h3.__version__, h3.versions()["c"]))
    f.write("lat,lng,cell\n")
    for lat, lng, res in points:
        c = h3.latlng_to_cell(lat, lng, res)
        cells.append(c)
        f.write("%s,%s,%s\n" % (repr(lat), repr(lng), c))

# Geometry for every 25th cell plus every pentagon at every resolution.
subset = sorted(set(cells[::25]) | {p for r in range(16) for p in h3.get_pentagons(r)})
with open(os.path.join(HERE, "cells.csv"), "w", newline="") as f:
    f.write("# h3-py %s (H3 C %s)\n" % (h3.__version__, h3.versions()["c"]))
    f.write("cell,lat,lng,parent,area_km2,area_m2,disk1,boundary\n")
    for c in subset:
        lat, lng = h3.cell_to_latlng(c)
        res = h3.get_resolution(c)
        parent = h3.cell_to_parent(c, res - 1) if res > 0 else ""
        disk = ";".join(sorted(h3.grid_disk(c, 1)))
        bnd = ";".join("%r %r" % v for v in h3.cell_to_boundary(c))
        f.write("%s,%r,%r,%s,%r,%r,%s,%s\n" % (c, lat, lng, parent, h3.cell_area(c, unit="km^2"),
                                               h3.cell_area(c, unit="m^2"), disk, bnd))

extras = {"h3_version": h3.__version__, "children": [], "rings": []}
for c in subset[::40] + list(h3.get_pentagons(3))[:3]:
    res = h3.get_resolution(c)
    if res <= 13:
        extras["children"].append({"cell": c, "res": res + 2, "children": sorted(h3.cell_to_children(c, res + 2))})
for c in subset[::30] + list(h3.get_pentagons(5))[:2]:
    for k in (2, 3):
        extras["rings"].append({"cell": c, "k": k, "ring": sorted(h3.grid_ring(c, k)),
                                "disk": sorted(h3.grid_disk(c, k))})
outer = [(36.05, -115.30), (36.05, -115.05), (36.30, -115.05), (36.30, -115.30)]
hole = [(36.15, -115.20), (36.15, -115.15), (36.20, -115.15), (36.20, -115.20)]
poly = h3.LatLngPoly(outer, hole)
extras["polygon"] = {"outer": outer, "holes": [hole], "res": 8,
                     "cells": sorted(h3.polygon_to_cells(poly, 8))}
with open(os.path.join(HERE, "extras.json"), "w") as f:
    json.dump(extras, f, separators=(",", ":"))
print(len(points), "points;", len(subset), "geometry cells;", len(extras["polygon"]["cells"]), "polygon cells")
