/// Moving lattice positions that spill over a face's edge onto the neighbouring face.
enum H3Overage {
    /// No spill: the position is inside its face.
    static let none = 0
    /// The position lies exactly on the face edge (substrate lattices only).
    static let faceEdge = 1
    /// The position was moved onto a neighbouring face.
    static let newFace = 2

    /// The largest i + j + k of a Class II lattice on one face, by resolution (`maxDimByCIIres` of H3 4.5.0).
    static let maxDimension: [Int] = [2, -1, 14, -1, 98, -1, 686, -1, 4802, -1, 33614, -1, 235298, -1, 1647086, -1, 11529602]
    /// The Class II unit scale by resolution (`unitScaleByCIIres` of H3 4.5.0).
    static let unitScale: [Int] = [1, -1, 7, -1, 49, -1, 343, -1, 2401, -1, 16807, -1, 117649, -1, 823543, -1, 5764801]

    /// The orientation (face, translation, rotations) of quadrant `q` (1 = ij, 2 = ki, 3 = jk) next to `face`.
    static func neighbor(_ face: Int, quadrant q: Int) -> (face: Int, translate: H3CoordIJK, rotations: Int) {
        let o = (face * 4 + q) * 5
        let t = H3FaceTables.neighbors
        return (Int(t[o]), H3CoordIJK(i: Int(t[o + 1]), j: Int(t[o + 2]), k: Int(t[o + 3])), Int(t[o + 4]))
    }

    /// The quadrant of face `to` seen from face `from` (1 = ij, 2 = ki, 3 = jk, 0 same, -1 not adjacent).
    static func adjacentDirection(_ from: Int, _ to: Int) -> Int { Int(H3FaceTables.adjacentDirection[from * 20 + to]) }

    /// Moves a Class II position at `res` onto the neighbouring face when it lies beyond its own face.
    static func adjustClassII(_ fijk: inout H3FaceIJK, resolution res: Int, pentagonLeading4: Bool, substrate: Bool) -> Int {
        var maxDim = maxDimension[res]
        if substrate { maxDim *= 3 }
        let sum = fijk.coord.i + fijk.coord.j + fijk.coord.k
        if substrate && sum == maxDim { return faceEdge }
        guard sum > maxDim else { return none }
        var ijk = fijk.coord
        let quadrant: Int
        if ijk.k > 0 {
            if ijk.j > 0 {
                quadrant = 3
            } else {
                quadrant = 2
                if pentagonLeading4 {
                    // Rotate about the face's i vertex to skip the pentagon's missing sequence.
                    let origin = H3CoordIJK(i: maxDim, j: 0, k: 0)
                    ijk = (ijk - origin).rotated60cw() + origin
                }
            }
        } else {
            quadrant = 1
        }
        let orient = neighbor(fijk.face, quadrant: quadrant)
        for _ in 0..<orient.rotations { ijk = ijk.rotated60ccw() }
        var scale = unitScale[res]
        if substrate { scale *= 3 }
        ijk = (ijk + orient.translate * scale).normalized()
        fijk = H3FaceIJK(face: orient.face, coord: ijk)
        if substrate && ijk.i + ijk.j + ijk.k == maxDim { return faceEdge }
        return newFace
    }
}
