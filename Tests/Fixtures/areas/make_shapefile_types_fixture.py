"""Small shapefiles written by pyshp for CrimeGeo's reader: PolygonZ (15) and PolygonM (25) records with a
hole, a two-part record, a null shape, every dBASE field type CrimeGeo reads (C, N, F, L, D), and a .prj
for WGS 84 / UTM zone 16N written by pyproj (WKT1_ESRI). Expected values come from reading the files back
with pyshp and shapely.
Run: python3 make_shapefile_types_fixture.py
"""
import datetime, json, os
import pyproj, shapefile, shapely
from shapely.geometry import shape

HERE = os.path.dirname(os.path.abspath(__file__))
# Shapefile convention: outer rings clockwise, holes counter-clockwise.
outer = [(440000, 4640000), (440000, 4641000), (441000, 4641000), (441000, 4640000), (440000, 4640000)]
hole = [(440200, 4640200), (440800, 4640200), (440800, 4640800), (440200, 4640800), (440200, 4640200)]
far = [(450000, 4650000), (450000, 4650500), (450500, 4650500), (450000, 4650000)]
prj = pyproj.CRS("EPSG:32616").to_wkt("WKT1_ESRI")

expected = {"generator": "pyshp %s, shapely %s, pyproj %s" % (shapefile.__version__, shapely.__version__,
                                                               pyproj.__version__)}
for name, shape_type in [("types_z", shapefile.POLYGONZ), ("types_m", shapefile.POLYGONM)]:
    path = os.path.join(HERE, name)
    with shapefile.Writer(path, shapeType=shape_type) as w:
        w.field("NAME", "C", size=20)
        w.field("COUNT", "N", size=8, decimal=0)
        w.field("RATE", "F", size=12, decimal=4)
        w.field("ACTIVE", "L")
        w.field("OPENED", "D")
        add = w.polyz if shape_type == shapefile.POLYGONZ else w.polym
        def rings(rs):
            return [[(x, y, 7.5) for x, y in r] for r in rs] if shape_type == shapefile.POLYGONZ else \
                   [[(x, y, 2.0) for x, y in r] for r in rs]
        add(rings([outer, hole])); w.record("with hole", 12, 0.125, True, datetime.date(2021, 3, 4))
        add(rings([outer, far])); w.record("two parts", None, -3.5, False, None)
        w.null(); w.record("nothing", 0, 0.0, None, datetime.date(1999, 12, 31))
    with open(path + ".prj", "w") as f:
        f.write(prj)
    r = shapefile.Reader(path)
    expected[name] = {
        "shape_type": r.shapeType,
        "records": [[None if v is None else (v.isoformat() if isinstance(v, datetime.date) else v) for v in rec]
                    for rec in r.records()],
        "areas": [shape(s.__geo_interface__).area if s.shapeType != 0 else 0.0 for s in r.shapes()],
        "parts": [len(shape(s.__geo_interface__).geoms) if s.shapeType != 0 and
                  shape(s.__geo_interface__).geom_type == "MultiPolygon" else (0 if s.shapeType == 0 else 1)
                  for s in r.shapes()],
    }
with open(os.path.join(HERE, "shapefile_types.json"), "w") as f:
    json.dump(expected, f, indent=1)
