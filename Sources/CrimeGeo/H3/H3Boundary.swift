/// Cell boundaries: the hexagon's or pentagon's vertices, plus extra vertices where a Class III cell's
/// edge crosses an icosahedron edge (so each part is projected with its own face).
enum H3Boundary {
    /// Class II lattice offsets of a cell's vertices on the vertex substrate (`vertsCII` of H3 4.5.0).
    private static let verticesClassII = [H3CoordIJK(i: 2, j: 1, k: 0), H3CoordIJK(i: 1, j: 2, k: 0),
                                          H3CoordIJK(i: 0, j: 2, k: 1), H3CoordIJK(i: 0, j: 1, k: 2),
                                          H3CoordIJK(i: 1, j: 0, k: 2), H3CoordIJK(i: 2, j: 0, k: 1)]
    /// Class III lattice offsets of a cell's vertices on the vertex substrate (`vertsCIII` of H3 4.5.0).
    private static let verticesClassIII = [H3CoordIJK(i: 5, j: 4, k: 0), H3CoordIJK(i: 1, j: 5, k: 0),
                                           H3CoordIJK(i: 0, j: 5, k: 4), H3CoordIJK(i: 0, j: 1, k: 5),
                                           H3CoordIJK(i: 4, j: 0, k: 5), H3CoordIJK(i: 5, j: 0, k: 1)]

    /// The vertex positions (first `count`) of the cell centred at `center`, on the substrate of the returned
    /// resolution (one finer at Class III).
    private static func vertices(_ center: H3FaceIJK, resolution res: Int, count: Int) -> (H3FaceIJK, Int, [H3FaceIJK]) {
        var c = center
        var adjusted = res
        c.coord = c.coord.downAp3().downAp3r()
        let offsets = H3Math.isClassIII(res) ? verticesClassIII : verticesClassII
        if H3Math.isClassIII(res) {
            c.coord = c.coord.downAp7r()
            adjusted += 1
        }
        let verts = (0..<count).map { H3FaceIJK(face: c.face, coord: (c.coord + offsets[$0]).normalized()) }
        return (c, adjusted, verts)
    }

    /// Intersection of line p0–p1 with line p2–p3 in the plane.
    private static func intersect(_ p0: (x: Double, y: Double), _ p1: (x: Double, y: Double),
                                  _ p2: (x: Double, y: Double), _ p3: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let s1 = (x: p1.x - p0.x, y: p1.y - p0.y)
        let s2 = (x: p3.x - p2.x, y: p3.y - p2.y)
        let t = (s2.x * (p0.y - p2.y) - s2.y * (p0.x - p2.x)) / (-s2.x * s1.y + s1.x * s2.y)
        return (p0.x + t * s1.x, p0.y + t * s1.y)
    }

    /// The face edge (two lattice corners) between a face and its neighbour in quadrant `q`.
    private static func faceEdge(quadrant q: Int, resolution res: Int) -> ((x: Double, y: Double), (x: Double, y: Double)) {
        let m = Double(H3Overage.maxDimension[res])
        let v0 = (x: 3.0 * m, y: 0.0)
        let v1 = (x: -1.5 * m, y: 3.0 * H3Math.sqrt3Over2 * m)
        let v2 = (x: -1.5 * m, y: -3.0 * H3Math.sqrt3Over2 * m)
        switch q {
        case 1: return (v0, v1)
        case 3: return (v1, v2)
        default: return (v2, v0)
        }
    }

    /// A substrate position as latitude/longitude in radians.
    private static func point(_ x: Double, _ y: Double, face: Int, resolution res: Int) -> (latitude: Double, longitude: Double) {
        H3Projection.vec3(x: x, y: y, face: face, resolution: res, substrate: true).geoPointRadians
    }

    /// The boundary of any valid cell in radians, counter-clockwise.
    static func radians(_ cell: H3Index) -> [(latitude: Double, longitude: Double)] {
        let fijk = H3CellCoding.decode(cell)
        return cell.isPentagon ? pentagon(fijk, resolution: cell.resolution) : hexagon(fijk, resolution: cell.resolution)
    }

    /// The boundary of a hexagon centred at `fijk` at resolution `res`, counter-clockwise, in radians.
    static func hexagon(_ fijk: H3FaceIJK, resolution res: Int) -> [(latitude: Double, longitude: Double)] {
        let (center, adjRes, verts) = vertices(fijk, resolution: res, count: 6)
        var out: [(latitude: Double, longitude: Double)] = []
        out.reserveCapacity(10)
        var lastFace = -1
        var lastOverage = H3Overage.none
        for vert in 0..<7 {
            let v = vert % 6
            var f = verts[v]
            let overage = H3Overage.adjustClassII(&f, resolution: adjRes, pentagonLeading4: false, substrate: true)
            if H3Math.isClassIII(res) && vert > 0 && f.face != lastFace && lastOverage != H3Overage.faceEdge {
                let orig0 = verts[(v + 5) % 6].coord.hex2d()
                let orig1 = verts[v].coord.hex2d()
                let otherFace = lastFace == center.face ? f.face : lastFace
                let edge = faceEdge(quadrant: H3Overage.adjacentDirection(center.face, otherFace), resolution: adjRes)
                let inter = intersect(orig0, orig1, edge.0, edge.1)
                if !(almostEqual(orig0, inter) || almostEqual(orig1, inter)) {
                    out.append(point(inter.x, inter.y, face: center.face, resolution: adjRes))
                }
            }
            if vert < 6 {
                let p = f.coord.hex2d()
                out.append(point(p.x, p.y, face: f.face, resolution: adjRes))
            }
            lastFace = f.face
            lastOverage = overage
        }
        return out
    }

    /// The boundary of a pentagon centred at `fijk` at resolution `res`, counter-clockwise, in radians.
    static func pentagon(_ fijk: H3FaceIJK, resolution res: Int) -> [(latitude: Double, longitude: Double)] {
        let (_, adjRes, verts) = vertices(fijk, resolution: res, count: 5)
        var out: [(latitude: Double, longitude: Double)] = []
        out.reserveCapacity(10)
        var last = H3FaceIJK(face: 0, coord: H3CoordIJK(i: 0, j: 0, k: 0))
        for vert in 0..<6 {
            var f = verts[vert % 5]
            while H3Overage.adjustClassII(&f, resolution: adjRes, pentagonLeading4: false, substrate: true)
                == H3Overage.newFace {}
            if H3Math.isClassIII(res) && vert > 0 {
                // Bring the current vertex into the previous vertex's face frame to find the crossing.
                let orig0 = last.coord.hex2d()
                let toLast = max(0, H3Overage.adjacentDirection(f.face, last.face))
                let orient = H3Overage.neighbor(f.face, quadrant: toLast)
                var ijk = f.coord
                for _ in 0..<orient.rotations { ijk = ijk.rotated60ccw() }
                ijk = (ijk + orient.translate * (H3Overage.unitScale[adjRes] * 3)).normalized()
                let orig1 = ijk.hex2d()
                let edge = faceEdge(quadrant: H3Overage.adjacentDirection(orient.face, f.face), resolution: adjRes)
                let inter = intersect(orig0, orig1, edge.0, edge.1)
                out.append(point(inter.x, inter.y, face: orient.face, resolution: adjRes))
            }
            if vert < 5 {
                let p = f.coord.hex2d()
                out.append(point(p.x, p.y, face: f.face, resolution: adjRes))
            }
            last = f
        }
        return out
    }

    /// Planar points closer than single-precision epsilon in both coordinates.
    private static func almostEqual(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Bool {
        abs(a.x - b.x) < Double(Float.ulpOfOne) && abs(a.y - b.y) < Double(Float.ulpOfOne)
    }
}
