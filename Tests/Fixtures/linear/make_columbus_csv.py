"""Copies Anselin's Columbus attributes from /work/shared/data/columbus/columbus.json to columbus.csv.

Provenance: PySAL example data (libpysal/examples/columbus, BSD-3-Clause, copyright PySAL Developers),
as shipped in the libpysal package on PyPI; Anselin (1988), Spatial Econometrics, Table 12.1 publishes the
OLS fit CRIME = 68.619 - 1.597 INC - 0.274 HOVAL (R^2 ~ 0.552, n = 49). Values are copied unchanged.
"""
import csv
import json
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/columbus/columbus.json"
columns = ["POLYID", "NEIG", "HOVAL", "INC", "CRIME", "OPEN", "PLUMB", "DISCBD", "X", "Y", "NSA", "NSB", "EW", "CP"]
features = json.load(open(source))["features"]
with open("columbus.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for feature in features:
        writer.writerow([repr(feature["properties"][c]) for c in columns])
