"""Moran's I reference values from PySAL (libpysal weights + esda.Moran) on Chicago's 77 community
areas (/work/shared/data/chicago77, EPSG:3435 feet), for CrimeEval.SpatialWeights / MoranI.

Stores the queen, rook and 4-nearest-neighbour lists (area ordinals in .dbf order) so the Swift test
needs no polygon reader, the area centroids used for the k-NN weights, two variables, and esda's
I, EI, VI_norm, VI_rand, z_norm, z_rand, p_norm, p_rand for row-standardised ("r") and binary ("b") weights.
Run: python3 make_moran_fixture.py > moran_fixture.json
"""
import json, sys, warnings
import numpy as np
import libpysal, esda
from libpysal.weights import Queen, Rook, KNN

warnings.filterwarnings("ignore")
shp = "/work/shared/data/chicago77/Chicago77.shp"
db = libpysal.io.open(shp.replace(".shp", ".dbf"))
area = np.array(db.by_col("AREA"), dtype=float)
perimeter = np.array(db.by_col("PERIMETER"), dtype=float)
variables = {"area_km2": area * 0.09290304e-6, "compactness": 4 * np.pi * area / perimeter ** 2}

shapes = libpysal.io.open(shp).read()
centroids = np.array([s.centroid for s in shapes])

weights = {"queen": Queen.from_shapefile(shp), "rook": Rook.from_shapefile(shp), "knn4": KNN.from_array(centroids, k=4)}
out = {"generator": "libpysal %s, esda %s, numpy %s" % (libpysal.__version__, esda.__version__, np.__version__),
       "centroids": centroids.tolist(), "variables": {k: v.tolist() for k, v in variables.items()},
       "neighbors": {}, "results": []}
for wname, w in weights.items():
    out["neighbors"][wname] = [sorted(int(j) for j in w.neighbors[i]) for i in range(len(area))]
    for vname, y in variables.items():
        for transform in ("r", "b"):
            m = esda.Moran(y, w, transformation=transform, permutations=0)
            out["results"].append({"weights": wname, "variable": vname, "transform": transform,
                                   "I": m.I, "EI": m.EI, "VI_norm": m.VI_norm, "VI_rand": m.VI_rand,
                                   "z_norm": m.z_norm, "z_rand": m.z_rand, "p_norm": m.p_norm, "p_rand": m.p_rand})
json.dump(out, sys.stdout)
