"""Reference fixture for the hot-spot pipeline's study area (HotspotStudyAreaTests), computed with h3-py.

Writes, next to this script:
  square.geojson  a hand-made square boundary, 36.10-36.20 N x 115.20-115.10 W (WGS84), one polygon.
  study_area.json the incidents of a two-week study starting Monday 2023-01-02 (America/Los_Angeles): each
                  as [day, hour, lat, lng] with day 0-6 the training week and 7-13 the test week, and, at
                  H3 resolution 8:
                    boundary_cells  h3.polygon_to_cells of the square (H3's rule: the cells whose centre
                                    lies inside),
                    around_cells    the cells holding a training incident with their grid_disk(1) neighbours,
                    box_cells       the number of cells h3.polygon_to_cells gives for the training
                                    incidents' bounding box,
                    far_test_cell   the cell of the test-only incidents far from every training incident.
  chicago77_cells.json  h3.polygon_to_cells of Chicago's 77 community areas (../areas/chicago77_wgs84.geojson,
                  holes kept) united: every cell at resolution 8, and the count at resolution 9.
Incident coordinates are rounded to 6 decimals before h3 sees them.
Made with h3-py 4.5.0 and numpy on Python 3.
Run: python3 make_study_area_fixture.py   (numpy and h3 from PyPI)
"""
import json, os
import numpy as np
import h3

HERE = os.path.dirname(os.path.abspath(__file__))
RES = 8
SOUTH, NORTH, WEST, EAST = 36.10, 36.20, -115.20, -115.10
rng = np.random.default_rng(20261202)


def r6(x):
    return float("%.6f" % x)


def points(n, south, north, west, east):
    return [(r6(a), r6(b)) for a, b in zip(rng.uniform(south, north, n), rng.uniform(west, east, n))]


incidents = []  # [day, hour, lat, lng]
# Both weeks: 80 incidents inside the square's middle, 20 in a strip east of it (outside the boundary).
for week in (0, 1):
    inside = points(80, 36.12, 36.18, -115.18, -115.12)
    outside = points(20, 36.12, 36.18, -115.08, -115.05)
    for k, (lat, lng) in enumerate(inside + outside):
        day = 7 * week + int(rng.integers(0, 7))
        incidents.append([day, int(rng.integers(0, 24)), lat, lng])
# The first and last day of the study hold an incident, so the data span both weeks.
incidents.append([0, 12, 36.15, -115.15])
incidents.append([13, 12, 36.15, -115.15])
# Test-week incidents far from every training incident (north-east, outside the square).
far = (36.30, -114.95)
for day in (8, 10, 12):
    incidents.append([day, 20, far[0], far[1]])

square = [(SOUTH, WEST), (SOUTH, EAST), (NORTH, EAST), (NORTH, WEST)]
boundary_cells = sorted(h3.polygon_to_cells(h3.LatLngPoly(square), RES))

training = [(lat, lng) for day, _, lat, lng in incidents if day < 7]
around = set()
for lat, lng in training:
    around.update(h3.grid_disk(h3.latlng_to_cell(lat, lng, RES), 1))
lats = [p[0] for p in training]
lngs = [p[1] for p in training]
box = [(min(lats), min(lngs)), (min(lats), max(lngs)), (max(lats), max(lngs)), (max(lats), min(lngs))]
box_cells = len(h3.polygon_to_cells(h3.LatLngPoly(box), RES))

with open(os.path.join(HERE, "square.geojson"), "w") as f:
    ring = [[WEST, SOUTH], [EAST, SOUTH], [EAST, NORTH], [WEST, NORTH], [WEST, SOUTH]]
    json.dump({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "square"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}, f)
    f.write("\n")
with open(os.path.join(HERE, "study_area.json"), "w") as f:
    json.dump({"resolution": RES, "start": "2023-01-02", "zone": "America/Los_Angeles", "incidents": incidents,
               "boundary_cells": boundary_cells, "around_cells": sorted(around), "box_cells": box_cells,
               "far_test_cell": h3.latlng_to_cell(far[0], far[1], RES)}, f, indent=1)
    f.write("\n")
print(len(boundary_cells), "boundary cells,", len(around), "around cells,", box_cells, "box cells")

with open(os.path.join(HERE, "..", "areas", "chicago77_wgs84.geojson")) as f:
    areas = json.load(f)["features"]


def chicago_cells(res):
    cells = set()
    for feature in areas:
        g = feature["geometry"]
        for poly in [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]:
            rings = [[(lat, lng) for lng, lat in ring] for ring in poly]
            cells.update(h3.polygon_to_cells(h3.LatLngPoly(*rings), res))
    return sorted(cells)


chicago8 = chicago_cells(8)
with open(os.path.join(HERE, "chicago77_cells.json"), "w") as f:
    json.dump({"resolution8": chicago8, "count9": len(chicago_cells(9))}, f, indent=0)
    f.write("\n")
print(len(chicago8), "Chicago cells at resolution 8")
