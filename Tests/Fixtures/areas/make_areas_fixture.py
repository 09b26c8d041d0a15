"""Reference fixtures for CrimeGeo polygon areas and projections.

Writes, beside this script:
  chicago77_wgs84.geojson    the community areas unprojected to WGS84 (pyproj), vertices rounded to 1e-6 deg
  chicago_labels.json        random points over Chicago with shapely 2 labels (COMMUNITY), computed
                             (a) in EPSG:3435 against the shapefile, points projected by pyproj, and
                             (b) in WGS84 against the GeoJSON above; points near an edge are skipped
  chicago_areas.json         per area: geodesic area (pyproj.Geod GRS80), centroid (shapely in EPSG:3435,
                             unprojected by pyproj); libpysal queen and rook contiguity
  crs_fixture.json           lat/lng -> EPSG:3435 (ftUS), UTM zones and EPSG:3857 through pyproj
Run: python3 make_areas_fixture.py
"""
import json, os
import numpy as np
import pyproj, shapely, shapefile, libpysal
from shapely.geometry import shape, Point, mapping

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = "shapely %s, pyproj %s (PROJ %s), pyshp %s, libpysal %s, numpy %s" % (
    shapely.__version__, pyproj.__version__, pyproj.proj_version_str, shapefile.__version__,
    libpysal.__version__, np.__version__)

reader = shapefile.Reader(os.path.join(HERE, "Chicago77"))
names = [r["COMMUNITY"] for r in reader.records()]
numbers = [r["AREA_NUMBE"] for r in reader.records()]
shp_geoms = [shape(s.__geo_interface__) for s in reader.shapes()]

to_wgs = pyproj.Transformer.from_crs("EPSG:3435", "EPSG:4326", always_xy=True)
to_ft = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3435", always_xy=True)

def to_wgs84(geom):
    return shapely.transform(geom, lambda c: np.column_stack(to_wgs.transform(c[:, 0], c[:, 1])))

def unproject(geom):
    return shapely.transform(to_wgs84(geom), lambda c: np.round(c, 6))

wgs_geoms = [unproject(g) for g in shp_geoms]
features = [{"type": "Feature", "properties": {"AREA_NUMBE": n, "COMMUNITY": c}, "geometry": mapping(g)}
            for n, c, g in zip(numbers, names, wgs_geoms)]
with open(os.path.join(HERE, "chicago77_wgs84.geojson"), "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
# Read it back so the labels below use exactly the coordinates a reader sees.
with open(os.path.join(HERE, "chicago77_wgs84.geojson")) as f:
    wgs_geoms = [shape(ft["geometry"]) for ft in json.load(f)["features"]]

rng = np.random.default_rng(77)
n = 6000
lat = rng.uniform(41.64, 42.03, n)
lng = rng.uniform(-87.94, -87.52, n)
x, y = to_ft.transform(lng, lat)

def labels(geoms, px, py, eps):
    tree = shapely.STRtree(geoms)
    pts = shapely.points(px, py)
    out = [""] * len(pts)
    idx_pt, idx_geom = tree.query(pts, predicate="within")
    for i, g in zip(idx_pt, idx_geom):
        if out[i] == "" or g < out[i][0]:
            out[i] = (g, names[g])
    boundaries = shapely.union_all([g.boundary for g in geoms])
    near = shapely.dwithin(pts, boundaries, eps)
    return [o[1] if o else "" for o in out], near

shp_labels, shp_near = labels(shp_geoms, x, y, 0.01)          # 0.01 ftUS = 3 mm
wgs_labels, wgs_near = labels(wgs_geoms, lng, lat, 1e-8)      # 1e-8 deg ~ 1 mm
keep = ~(shp_near | wgs_near)
points = [[float(a), float(b), s, w] for a, b, s, w, k in zip(lat, lng, shp_labels, wgs_labels, keep) if k]
with open(os.path.join(HERE, "chicago_labels.json"), "w") as f:
    json.dump({"generator": VERSIONS, "skipped_near_edges": int((~keep).sum()),
               "columns": ["lat", "lng", "label_shp_3435", "label_geojson_wgs84"], "points": points}, f,
              separators=(",", ":"))

geod = pyproj.Geod(ellps="GRS80")
areas = []
for i, g in enumerate(shp_geoms):
    full = to_wgs84(g)   # unrounded vertices
    a, p = geod.geometry_area_perimeter(full)
    c = g.centroid
    clng, clat = to_wgs.transform(c.x, c.y)
    areas.append({"label": names[i], "geodesic_area_m2": abs(a), "centroid": [clat, clng],
                  "planar_area_ft2": g.area})
queen = libpysal.weights.Queen.from_shapefile(os.path.join(HERE, "Chicago77.shp"))
rook = libpysal.weights.Rook.from_shapefile(os.path.join(HERE, "Chicago77.shp"))
pairs = lambda w: sorted([i, j] for i, ns in w.neighbors.items() for j in ns if i < j)
with open(os.path.join(HERE, "chicago_areas.json"), "w") as f:
    json.dump({"generator": VERSIONS, "areas": areas, "queen_pairs": pairs(queen), "rook_pairs": pairs(rook)}, f)

# Projections: Chicago in EPSG:3435, UTM zones north and south, Web Mercator.
crs_rng = np.random.default_rng(3435)
cases = []
chi_lat = crs_rng.uniform(41.6, 42.1, 40); chi_lng = crs_rng.uniform(-88.0, -87.5, 40)
for code in ["EPSG:3435", "EPSG:32616", "EPSG:3857"]:
    t = pyproj.Transformer.from_crs("EPSG:4326", code, always_xy=True)
    px, py = t.transform(chi_lng, chi_lat)
    cases.append({"crs": code, "points": [[a, b, c, d] for a, b, c, d in zip(chi_lat, chi_lng, px, py)]})
for zone, south in [(33, False), (18, False), (56, True), (23, True), (1, False), (60, True)]:
    code = "EPSG:%d" % ((32700 if south else 32600) + zone)
    cm = -183 + 6 * zone
    plat = crs_rng.uniform(-60, -1, 20) if south else crs_rng.uniform(1, 70, 20)
    plng = cm + crs_rng.uniform(-3, 3, 20)
    t = pyproj.Transformer.from_crs("EPSG:4326", code, always_xy=True)
    px, py = t.transform(plng, plat)
    cases.append({"crs": code, "points": [[a, b, c, d] for a, b, c, d in zip(plat, plng, px, py)]})
with open(os.path.join(HERE, "crs_fixture.json"), "w") as f:
    json.dump({"generator": VERSIONS, "columns": ["lat", "lng", "x", "y"], "cases": cases}, f)
print("points kept", keep.sum(), "of", n)
