/// The order of the two axes in a dense export of a cube.
public enum CubeLayout: Sendable, Hashable {
    /// One row per cell, one column per window.
    case cellsByWindows
    /// One row per window, one column per cell (the layout sequence models and per-cell scaling use).
    case windowsByCells
}

/// Where each cell of a regular grid sits in an image-like tensor.
public struct GridShape: Sendable, Hashable {
    /// The smallest `CellID.row` of the cells.
    public let firstRow: Int
    /// The smallest `CellID.column` of the cells.
    public let firstColumn: Int
    /// Number of rows (height).
    public let rows: Int
    /// Number of columns (width).
    public let columns: Int
    /// For each cell ordinal, its flat position `row × columns + column` in the grid.
    public let positions: [Int]

    /// The grid spanned by cells packed with `CellID(row:column:)`. Positions without a cell stay zero
    /// in exports. Throws for no cells.
    public init(cells: [CellID]) throws {
        guard !cells.isEmpty else { throw CubeError.noCells }
        let r = cells.map(\.row)
        let c = cells.map(\.column)
        firstRow = r.min() ?? 0
        firstColumn = c.min() ?? 0
        rows = (r.max() ?? 0) - firstRow + 1
        columns = (c.max() ?? 0) - firstColumn + 1
        positions = zip(r, c).map { [firstRow, firstColumn, columns] in ($0 - firstRow) * columns + ($1 - firstColumn) }
    }
}

extension SpaceTimeCube {
    /// Dense counts as a `Matrix` in the chosen layout.
    public func matrix(_ layout: CubeLayout = .cellsByWindows) -> Matrix {
        let byWindow = Matrix(rows: windowCount, columns: cellCount, values: denseByWindow())
        return layout == .windowsByCells ? byWindow : byWindow.transposed()
    }

    /// Dense counts as a `Float` tensor shaped `[windows, cells]`.
    public func tensor() throws -> Tensor {
        try Tensor(shape: [windowCount, cellCount], values: denseByWindow().map { Float($0) })
    }

    /// Dense counts as a `Float` tensor shaped `[windows, rows, columns]`, for cells of a regular grid
    /// (their `CellID.row` and `.column`); grid positions without a cell hold zero.
    public func gridTensor() throws -> Tensor {
        let grid = try GridShape(cells: cells)
        let dense = denseByWindow()
        let plane = grid.rows * grid.columns
        var out = [Float](repeating: 0, count: windowCount * plane)
        for w in 0..<windowCount {
            for c in 0..<cellCount { out[w * plane + grid.positions[c]] = Float(dense[w * cellCount + c]) }
        }
        return try Tensor(shape: [windowCount, grid.rows, grid.columns], values: out)
    }
}
