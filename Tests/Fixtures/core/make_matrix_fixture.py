"""Reference matrix products for Matrix/Tensor BLAS wrappers, from numpy.
Run: python3 make_matrix_fixture.py > matrix_fixture.json
"""
import json, sys
import numpy as np

rng = np.random.default_rng(20261123)
a = rng.normal(size=(5, 4))
b = rng.normal(size=(4, 3))
v = rng.normal(size=4)
fa = rng.normal(size=(3, 6)).astype(np.float32)
fb = rng.normal(size=(6, 2)).astype(np.float32)
json.dump({
    "generator": "numpy %s" % np.__version__,
    "a": {"rows": 5, "columns": 4, "values": a.ravel().tolist()},
    "b": {"rows": 4, "columns": 3, "values": b.ravel().tolist()},
    "v": v.tolist(),
    "ab": (a @ b).ravel().tolist(),
    "gram": (a.T @ a).ravel().tolist(),
    "av": (a @ v).tolist(),
    "fa": fa.ravel().tolist(), "fb": fb.ravel().tolist(),
    "fafb": (fa @ fb).ravel().tolist(),
}, sys.stdout)
