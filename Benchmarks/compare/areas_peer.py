"""Assigns 1,000,000 random points over Chicago to its 77 community areas with shapely 2 and with
CrimeKit (`CrimeBench areas`) in the same run, compares the labels and prints one JSON object.

Usage: python3 Benchmarks/compare/areas_peer.py CRIMEBENCH [N]

- Points: N (default 1,000,000) uniform lat/lng over 41.64–42.03 N, 87.94–87.52 W (numpy seed 2024),
  written as float64 lat,lng pairs for CrimeBench.
- shapely peer (timed, best of three): pyproj EPSG:4326 -> EPSG:3435 of the points, shapely.points,
  STRtree over the 77 polygons read with pyshp, vectorised `tree.query(points, predicate="within")`
  — building the points included, reading the shapefile and building the tree not (as for CrimeKit's
  `areas_assign_seconds`; both build times are reported).
- Labels are compared for every point farther than 0.01 ftUS from an edge.
"""
import json, os, subprocess, sys, tempfile, time
import numpy as np
import pyproj, shapely, shapefile
from shapely.geometry import shape

HERE = os.path.dirname(os.path.abspath(__file__))
SHP = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "areas", "Chicago77.shp")


def main(crimebench, n):
    rng = np.random.default_rng(2024)
    lat = rng.uniform(41.64, 42.03, n)
    lng = rng.uniform(-87.94, -87.52, n)
    with tempfile.TemporaryDirectory() as work:
        pts_path, out_path = os.path.join(work, "points.bin"), os.path.join(work, "ordinals.bin")
        np.column_stack([lat, lng]).astype("<f8").tofile(pts_path)
        ck = json.loads(subprocess.run([crimebench, "areas", SHP, pts_path, out_path], check=True,
                                       capture_output=True, text=True).stdout)
        ck_ordinals = np.fromfile(out_path, dtype="<i4")

    start = time.perf_counter()
    geoms = [shape(s.__geo_interface__) for s in shapefile.Reader(SHP).shapes()]
    tree = shapely.STRtree(geoms)
    build = time.perf_counter() - start
    to_ft = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3435", always_xy=True)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        x, y = to_ft.transform(lng, lat)
        points = shapely.points(x, y)
        ip, ig = tree.query(points, predicate="within")
        best = min(best, time.perf_counter() - start)
    ours = np.full(n, -1, dtype=np.int64)
    # Lowest ordinal when several areas claim a point (none do off the edges).
    order = np.argsort(ig, kind="stable")[::-1]
    ours[ip[order]] = ig[order]
    near = np.zeros(n, dtype=bool)
    near[shapely.STRtree([g.boundary for g in geoms]).query(points, predicate="dwithin", distance=0.01)[0]] = True
    mismatches = int(np.sum((ours != ck_ordinals) & ~near))
    print(json.dumps({
        "points": n,
        "shapely_assign_seconds": round(best, 4),
        "shapely_build_seconds": round(build, 4),
        "crimekit_assign_seconds": round(ck["areas_assign_seconds"], 4),
        "crimekit_assign_one_thread_seconds": round(ck["areas_assign_one_thread_seconds"], 4),
        "crimekit_build_seconds": round(ck["areas_build_seconds"], 4),
        "ratio": round(best / ck["areas_assign_seconds"], 2),
        "ratio_one_thread": round(best / ck["areas_assign_one_thread_seconds"], 2),
        "label_mismatches_off_edges": mismatches,
        "points_near_edges": int(near.sum()),
        "points_inside": int((ck_ordinals >= 0).sum()),
        "crimekit_one_thread_agrees": ck["areas_one_thread_agrees"] == 1,
        "index_lookup_bytes": int(ck["areas_index_lookup_bytes"]),
        "index_vertex_bytes": int(ck["areas_index_vertex_bytes"]),
        "index_rss_growth_bytes": int(ck["areas_index_rss_growth_bytes"]),
        "index_peak_growth_bytes": int(ck["areas_index_peak_growth_bytes"]),
        "versions": "shapely %s, pyproj %s, numpy %s" % (shapely.__version__, pyproj.__version__, np.__version__),
    }, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
