"""Writes a large GeoJSON polygon layer for timing `crimekit areas assign --polygons`.

2,000 features on a 50 x 40 grid over Chicago; each has one outer ring of 2,500 vertices (625 per
side on a jittered lattice, so neighbours share their vertices and edges exactly) and a 40-vertex
hole, 17-digit coordinates and three properties (about 208 MB).

    python3 make_polygon_grid.py OUT.geojson [POINTS.csv]

With POINTS.csv, also writes 200,000 `lat,lng` rows: random points, lattice vertices and edge midpoints.
"""
import math
import random
import sys

COLUMNS, ROWS, SIDE = 50, 40, 625
X0, Y0, WIDTH, HEIGHT = -87.94, 41.64, 0.42, 0.38
DX, DY = WIDTH / (COLUMNS * SIDE), HEIGHT / (ROWS * SIDE)


def lattice(i, j):
    """The vertex at lattice position (i, j), jittered by a fixed function of (i, j)."""
    jx = 0.3 * math.sin(i * 12.9898 + j * 78.233)
    jy = 0.3 * math.cos(i * 39.3468 + j * 11.135)
    return X0 + (i + jx) * DX, Y0 + (j + jy) * DY


def outer(c, r):
    i0, j0 = c * SIDE, r * SIDE
    ring = [lattice(i0 + k, j0) for k in range(SIDE)]
    ring += [lattice(i0 + SIDE, j0 + k) for k in range(SIDE)]
    ring += [lattice(i0 + SIDE - k, j0 + SIDE) for k in range(SIDE)]
    ring += [lattice(i0, j0 + SIDE - k) for k in range(SIDE)]
    return ring


def hole(c, r):
    cx, cy = X0 + (c + 0.5) * SIDE * DX, Y0 + (r + 0.5) * SIDE * DY
    rx, ry = 0.25 * SIDE * DX, 0.25 * SIDE * DY
    return [(cx + rx * math.cos(-2 * math.pi * k / 40), cy + ry * math.sin(-2 * math.pi * k / 40)) for k in range(40)]


def text(ring):
    closed = ring + ring[:1]
    return "[" + ",".join("[%.17g,%.17g]" % p for p in closed) + "]"


def main():
    with open(sys.argv[1], "w") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for r in range(ROWS):
            for c in range(COLUMNS):
                k = r * COLUMNS + c
                props = '{"NAME":"area %d","ROW":%d,"SHARE":%.17g}' % (k, r, (k * 0.618034) % 1)
                geometry = '{"type":"Polygon","coordinates":[%s,%s]}' % (text(outer(c, r)), text(hole(c, r)))
                out.write('%s{"type":"Feature","properties":%s,"geometry":%s}\n' % ("," if k else "", props, geometry))
        out.write("]}\n")
    if len(sys.argv) > 2:
        rng = random.Random(17)
        with open(sys.argv[2], "w") as out:
            out.write("lat,lng\n")
            for n in range(200_000):
                if n % 4 == 0:
                    x, y = lattice(rng.randrange(COLUMNS * SIDE + 1), rng.randrange(ROWS * SIDE + 1))
                elif n % 4 == 1:
                    i, j = rng.randrange(COLUMNS * SIDE), rng.randrange(ROWS * SIDE)
                    (ax, ay), (bx, by) = lattice(i, j), lattice(i + 1, j)
                    x, y = (ax + bx) / 2, (ay + by) / 2
                else:
                    x, y = X0 - 0.01 + rng.random() * (WIDTH + 0.02), Y0 - 0.01 + rng.random() * (HEIGHT + 0.02)
                out.write("%.17g,%.17g\n" % (y, x))


main()
