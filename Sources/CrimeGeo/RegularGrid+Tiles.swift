import CrimeCore

/// A fixed square window of grid cells, as the mobility study cut its 0.2 km² grid into 16 × 16
/// blocks for its convolutional models.
public struct GridTile: Sendable, Hashable {
    /// The tile's row among tiles (south to north).
    public let tileRow: Int
    /// The tile's column among tiles (west to east).
    public let tileColumn: Int
    /// Cells per side.
    public let size: Int
    /// `size × size` cells, row-major from the tile's south-west corner; nil where the tile reaches
    /// past the grid's northern or eastern edge.
    public let cells: [CellID?]

    /// The grid row of the tile's southern row of cells.
    public var firstRow: Int { tileRow * size }
    /// The grid column of the tile's western column of cells.
    public var firstColumn: Int { tileColumn * size }
}

/// How many tiles of `size × size` cells cover a grid (a partial tile counts).
public struct GridTileCounts: Sendable, Hashable {
    /// Tile rows, south to north.
    public let rows: Int
    /// Tile columns, west to east.
    public let columns: Int
}

/// Where a cell sits among tiles: the tile holding it and the cell's row and column inside that tile.
public struct GridTilePosition: Sendable, Hashable {
    /// The tile's row among tiles (south to north).
    public let tileRow: Int
    /// The tile's column among tiles (west to east).
    public let tileColumn: Int
    /// The cell's row inside the tile, from its southern row.
    public let row: Int
    /// The cell's column inside the tile, from its western column.
    public let column: Int
}

extension RegularGrid {
    /// Number of tile rows and columns of `size × size` cells (a partial tile counts).
    public func tileCounts(size: Int = 16) throws -> GridTileCounts {
        guard size >= 1 else { throw GridError.badTileSize(size) }
        return GridTileCounts(rows: (rows + size - 1) / size, columns: (columns + size - 1) / size)
    }

    /// The grid cut into `size × size` tiles, row by row from the south-west. A tile that would reach
    /// past the grid's northern or eastern edge is kept, padded with nil, when `includePartial` is
    /// true, and left out otherwise.
    public func tiles(size: Int = 16, includePartial: Bool = false) throws -> [GridTile] {
        let counts = try tileCounts(size: size)
        var out: [GridTile] = []
        for tr in 0..<counts.rows {
            for tc in 0..<counts.columns {
                let whole = (tr + 1) * size <= rows && (tc + 1) * size <= columns
                guard whole || includePartial else { continue }
                var cells: [CellID?] = []
                cells.reserveCapacity(size * size)
                for r in (tr * size)..<((tr + 1) * size) {
                    for c in (tc * size)..<((tc + 1) * size) {
                        cells.append(r < rows && c < columns ? CellID(row: r, column: c) : nil)
                    }
                }
                out.append(GridTile(tileRow: tr, tileColumn: tc, size: size, cells: cells))
            }
        }
        return out
    }

    /// This grid grown about its centre, in the same plane and with the same side, to a whole number of
    /// `size × size` tiles in each direction, so that ``tiles(size:includePartial:)`` covers all of it
    /// without partial tiles. Cells keep their place on the ground only when no row or column is added
    /// (an odd number added shifts them by half a cell).
    ///
    /// Throws ``GridError/badTileSize(_:)`` for a size below 1 and ``GridError/tooManyCells(_:)`` when
    /// the grown grid would have more than ``maximumCells`` cells.
    public func grownToWholeTiles(size: Int = 16) throws -> RegularGrid {
        guard size >= 1 else { throw GridError.badTileSize(size) }
        // In floating point: a huge size would overflow `Int` when rounding up.
        let rowCount = (Double(rows) / Double(size)).rounded(.up) * Double(size)
        let columnCount = (Double(columns) / Double(size)).rounded(.up) * Double(size)
        guard rowCount * columnCount <= Double(Self.maximumCells) else {
            throw GridError.tooManyCells(rowCount * columnCount)
        }
        return RegularGrid(side: side, rows: Int(rowCount), columns: Int(columnCount), projection: projection,
                           x0: x0 - (columnCount - Double(columns)) * side / 2,
                           y0: y0 - (rowCount - Double(rows)) * side / 2)
    }

    /// The tile holding a cell and the cell's row and column inside it.
    public func tile(of cell: CellID, size: Int = 16) throws -> GridTilePosition {
        guard size >= 1 else { throw GridError.badTileSize(size) }
        guard contains(cell) else { throw GridError.unknownCell(cell) }
        return GridTilePosition(tileRow: cell.row / size, tileColumn: cell.column / size,
                                row: cell.row % size, column: cell.column % size)
    }
}
