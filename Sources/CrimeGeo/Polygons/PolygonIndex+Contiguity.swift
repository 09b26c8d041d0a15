import CrimeCore

extension PolygonIndex {
    /// Queen neighbours: areas sharing at least one vertex (exactly equal coordinates), sorted.
    /// This is the contiguity `SpatialIndex` asks for and the one Moran's I uses by default.
    public func neighbors(of cell: CellID) throws -> [CellID] {
        try queenNeighbors(of: cell)
    }

    /// Queen neighbours: areas sharing at least one vertex, sorted (as libpysal's `Queen`).
    public func queenNeighbors(of cell: CellID) throws -> [CellID] {
        let k = try ordinal(of: cell)
        return queen[k].map { CellID(UInt64($0)) }
    }

    /// Rook neighbours: areas sharing at least one edge (two consecutive vertices), sorted (as libpysal's `Rook`).
    public func rookNeighbors(of cell: CellID) throws -> [CellID] {
        let k = try ordinal(of: cell)
        return rook[k].map { CellID(UInt64($0)) }
    }

    /// Every area's neighbour ordinals, sorted: queen (shared vertex) or rook (shared edge).
    public func contiguity(queen: Bool) -> [[Int]] {
        queen ? self.queen : rook
    }

    /// Computes every area's neighbour ordinals (done once, when the index is built).
    static func contiguity(of features: [AreaFeature], queen: Bool) -> [[Int]] {
        var owners: [Key: [Int]] = [:]
        for (k, f) in features.enumerated() {
            var keys = Set<Key>()
            for ring in f.polygons.flatMap(\.rings) {
                for i in ring.indices {
                    let p = ring[i]
                    if queen {
                        keys.insert(Key(p, p))
                    } else {
                        let q = ring[(i + 1) % ring.count]
                        keys.insert((p.x, p.y) < (q.x, q.y) ? Key(p, q) : Key(q, p))
                    }
                }
            }
            for key in keys { owners[key, default: []].append(k) }
        }
        var sets = [Set<Int>](repeating: [], count: features.count)
        for list in owners.values where list.count > 1 {
            for a in list { for b in list where a != b { sets[a].insert(b) } }
        }
        return sets.map { $0.sorted() }
    }

    /// A vertex or an edge as exact coordinate bits.
    private struct Key: Hashable {
        let ax: UInt64, ay: UInt64, bx: UInt64, by: UInt64
        init(_ a: PlanarPoint, _ b: PlanarPoint) {
            ax = a.x.bitPattern; ay = a.y.bitPattern; bx = b.x.bitPattern; by = b.y.bitPattern
        }
    }
}
