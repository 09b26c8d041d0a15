/// Look-ups into the base-cell tables (``H3BaseCellTables``).
enum H3BaseCell {
    /// The number of base cells.
    static let count = 122

    /// True for the twelve pentagonal base cells.
    @inline(__always) static func isPentagon(_ bc: Int) -> Bool {
        H3BaseCellTables.data[bc * 7 + 4] != 0
    }

    /// True for the two polar pentagons, base cells 4 and 117.
    @inline(__always) static func isPolarPentagon(_ bc: Int) -> Bool { bc == 4 || bc == 117 }

    /// The base cell's home face and Class II coordinates.
    static func home(_ bc: Int) -> H3FaceIJK {
        let d = H3BaseCellTables.data
        let o = bc * 7
        return H3FaceIJK(face: Int(d[o]), coord: H3CoordIJK(i: Int(d[o + 1]), j: Int(d[o + 2]), k: Int(d[o + 3])))
    }

    /// True when the pentagon `bc` is entered clockwise-offset from face `face`.
    static func isClockwiseOffset(_ bc: Int, face: Int) -> Bool {
        let d = H3BaseCellTables.data
        return Int(d[bc * 7 + 5]) == face || Int(d[bc * 7 + 6]) == face
    }

    /// The base cell at a face's Class II coordinates (each 0...2) and its counter-clockwise rotations.
    @inline(__always) static func lookup(_ f: H3FaceIJK) -> (baseCell: Int, rotations: Int) {
        let o = 2 * (27 * f.face + 9 * f.coord.i + 3 * f.coord.j + f.coord.k)
        let t = H3BaseCellTables.faceIJKBaseCells
        return (Int(t[o]), Int(t[o + 1]))
    }

    /// The base cell next to `bc` in direction `digit` (127 for a pentagon's missing k neighbour).
    @inline(__always) static func neighbor(_ bc: Int, _ digit: Int) -> Int {
        Int(H3NeighborTables.baseCellNeighbors[bc * 7 + digit])
    }

    /// Counter-clockwise rotations into the neighbour of `bc` in direction `digit`.
    @inline(__always) static func neighborRotations(_ bc: Int, _ digit: Int) -> Int {
        Int(H3NeighborTables.baseCellNeighborRotations[bc * 7 + digit])
    }
}
