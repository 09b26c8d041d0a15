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
        return lazyContiguity.tables.queen[k].map { CellID(UInt64($0)) }
    }

    /// Rook neighbours: areas sharing at least one edge (two consecutive vertices), sorted (as libpysal's `Rook`).
    public func rookNeighbors(of cell: CellID) throws -> [CellID] {
        let k = try ordinal(of: cell)
        return lazyContiguity.tables.rook[k].map { CellID(UInt64($0)) }
    }

    /// Every area's neighbour ordinals, sorted: queen (shared vertex) or rook (shared edge).
    public func contiguity(queen: Bool) -> [[Int]] {
        let tables = lazyContiguity.tables
        return queen ? tables.queen : tables.rook
    }
}
