import CrimeCore
import Foundation

/// Square cells of a fixed side in metres over a bounding box, in a ``LocalProjection`` centred on
/// the box. Row 0 is the southern edge, column 0 the western; cells are `CellID(row:column:)` and
/// labelled `r07c12`.
///
/// In that plane the box is no rectangle (its parallels bow toward the pole and its meridians
/// converge), so the grid spans the box's whole projected extent: its south-west corner is at the
/// smallest easting and northing of any point of the box, which for a city in the northern
/// hemisphere lies a few metres south of the box's south-west corner.
///
/// A point on a shared edge belongs to the cell to its north and east (cells are half-open
/// `[x0, x0 + side) × [y0, y0 + side)`), except on the grid's own northern and eastern edges, which
/// belong to the last row and column.
public struct RegularGrid: SpatialIndex, Hashable {
    /// The cell side in metres.
    public let side: Double
    /// Number of rows (south to north).
    public let rows: Int
    /// Number of columns (west to east).
    public let columns: Int
    /// The plane the grid lives in.
    public let projection: LocalProjection
    /// Easting and northing of the grid's south-west corner.
    let x0: Double, y0: Double

    /// The most cells a grid may have: 100 million.
    public static let maximumCells = 100_000_000

    /// A grid of `side`-metre cells covering `box`: every valid point of the box, edges and corners
    /// included, has a cell. The grid starts at the box's smallest projected easting and northing and
    /// has as many rows and columns as reach its largest, so the last row and column may reach past it.
    ///
    /// Throws ``GridError/badSide(_:)`` for a side that is not a positive finite number,
    /// ``GridError/badBox(_:)`` for an empty or invalid box and ``GridError/tooManyCells(_:)`` when the
    /// grid would have more than ``maximumCells`` cells.
    public init(covering box: BoundingBox, side: Double) throws {
        guard side.isFinite, side > 0 else { throw GridError.badSide(side) }
        guard box.minLatitude < box.maxLatitude, box.minLongitude < box.maxLongitude,
              GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude).isValid,
              GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude).isValid else {
            throw GridError.badBox(box)
        }
        let centre = GeoPoint(latitude: (box.minLatitude + box.maxLatitude) / 2,
                              longitude: (box.minLongitude + box.maxLongitude) / 2)
        let projection = LocalProjection(origin: centre)
        let (sw, ne) = projection.extent(of: box)
        // Counted in floating point first: a tiny side gives counts past the range of `Int`.
        let rowCount = max(((ne.y - sw.y) / side).rounded(.up), 1)
        let columnCount = max(((ne.x - sw.x) / side).rounded(.up), 1)
        guard rowCount * columnCount <= Double(Self.maximumCells) else {
            throw GridError.tooManyCells(rowCount * columnCount)
        }
        self.init(side: side, rows: Int(rowCount), columns: Int(columnCount), projection: projection, x0: sw.x, y0: sw.y)
    }

    /// A grid laid out as given (checked by the caller).
    init(side: Double, rows: Int, columns: Int, projection: LocalProjection, x0: Double, y0: Double) {
        self.side = side
        self.rows = rows
        self.columns = columns
        self.projection = projection
        self.x0 = x0
        self.y0 = y0
    }

    /// The side of a square cell of the given area in km² (0.2 km² → 447.2 m).
    public static func side(forAreaSquareKilometres area: Double) -> Double { (area * 1_000_000).squareRoot() }

    /// The cell holding the point, or nil outside the grid.
    public func cell(containing point: GeoPoint) -> CellID? {
        guard point.isValid else { return nil }
        let projected = projection.project(point)
        let x = projected.x, y = projected.y
        var c = Int(((x - x0) / side).rounded(.down))
        var r = Int(((y - y0) / side).rounded(.down))
        if c == columns, x == x0 + Double(columns) * side { c -= 1 }
        if r == rows, y == y0 + Double(rows) * side { r -= 1 }
        guard r >= 0, r < rows, c >= 0, c < columns else { return nil }
        return CellID(row: r, column: c)
    }

    /// True when the cell is one of this grid's.
    public func contains(_ cell: CellID) -> Bool {
        cell.row < rows && cell.column < columns
    }

    /// The four corners, counter-clockwise from the south-west.
    public func boundary(of cell: CellID) throws -> [GeoPoint] {
        guard contains(cell) else { throw GridError.unknownCell(cell) }
        let x = x0 + Double(cell.column) * side
        let y = y0 + Double(cell.row) * side
        return [projection.unproject(x: x, y: y), projection.unproject(x: x + side, y: y),
                projection.unproject(x: x + side, y: y + side), projection.unproject(x: x, y: y + side)]
    }

    /// The centre of the cell.
    public func center(of cell: CellID) throws -> GeoPoint {
        guard contains(cell) else { throw GridError.unknownCell(cell) }
        return projection.unproject(x: x0 + (Double(cell.column) + 0.5) * side, y: y0 + (Double(cell.row) + 0.5) * side)
    }

    /// `r07c12`: row and column, zero-padded to the width of the largest index (at least two digits).
    public func label(of cell: CellID) -> String {
        let width = max(2, String(max(rows, columns) - 1).count)
        func pad(_ v: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        return "r\(pad(cell.row))c\(pad(cell.column))"
    }

    /// Every cell meeting the box's projected extent, row by row from the south-west: every cell
    /// meeting the box, and at the extent's corners perhaps a few that do not.
    public func cells(covering box: BoundingBox) throws -> [CellID] {
        let (sw, ne) = projection.extent(of: box)
        // Clamped in floating point: a box far outside the grid (or not a number) must not trap in `Int`.
        let rowSpan = (((sw.y - y0) / side).rounded(.down), ((ne.y - y0) / side).rounded(.down))
        let columnSpan = (((sw.x - x0) / side).rounded(.down), ((ne.x - x0) / side).rounded(.down))
        guard rowSpan.0 <= Double(rows - 1), rowSpan.1 >= 0, rowSpan.0 <= rowSpan.1,
              columnSpan.0 <= Double(columns - 1), columnSpan.1 >= 0, columnSpan.0 <= columnSpan.1 else { return [] }
        let r0 = Int(max(rowSpan.0, 0)), r1 = Int(min(rowSpan.1, Double(rows - 1)))
        let c0 = Int(max(columnSpan.0, 0)), c1 = Int(min(columnSpan.1, Double(columns - 1)))
        var out: [CellID] = []
        out.reserveCapacity((r1 - r0 + 1) * (c1 - c0 + 1))
        for r in r0...r1 { for c in c0...c1 { out.append(CellID(row: r, column: c)) } }
        return out
    }

    /// Every cell of the grid, row by row from the south-west.
    public var allCells: [CellID] {
        (0..<rows).flatMap { r in (0..<columns).map { CellID(row: r, column: $0) } }
    }

    /// Queen neighbours (edge or corner), sorted.
    public func neighbors(of cell: CellID) throws -> [CellID] {
        try adjacent(cell, queen: true)
    }

    /// Rook neighbours (shared edge), sorted.
    public func rookNeighbors(of cell: CellID) throws -> [CellID] {
        try adjacent(cell, queen: false)
    }

    private func adjacent(_ cell: CellID, queen: Bool) throws -> [CellID] {
        guard contains(cell) else { throw GridError.unknownCell(cell) }
        var out: [CellID] = []
        for dr in -1...1 {
            for dc in -1...1 where (dr, dc) != (0, 0) && (queen || dr == 0 || dc == 0) {
                let r = cell.row + dr, c = cell.column + dc
                if r >= 0, r < rows, c >= 0, c < columns { out.append(CellID(row: r, column: c)) }
            }
        }
        return out.sorted()
    }
}

/// Errors of grid construction and look-up.
public enum GridError: Error, Equatable, CustomStringConvertible {
    /// The side is not a positive finite number of metres.
    case badSide(Double)
    /// The box is empty or outside latitude/longitude ranges.
    case badBox(BoundingBox)
    /// The grid would hold more than ``RegularGrid/maximumCells`` cells (the count it would have, which
    /// may be past the range of `Int`).
    case tooManyCells(Double)
    /// A cell that is not in the grid.
    case unknownCell(CellID)
    /// A tile side that is not a positive number of cells.
    case badTileSize(Int)

    public var description: String {
        switch self {
        case let .badSide(s): return "grid side must be a positive number of metres, got \(s)"
        case let .badBox(b): return "bounding box is empty or invalid: \(b)"
        case let .tooManyCells(n):
            let count = n < 1e15 ? String(Int(n)) : String(format: "%.3g", n)
            return "grid would have \(count) cells (limit 100,000,000); choose a larger cell side"
        case let .unknownCell(c): return "cell row \(c.row), column \(c.column) is not in the grid"
        case let .badTileSize(n): return "tile size must be a positive number of cells, got \(n)"
        }
    }
}

extension GridError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
