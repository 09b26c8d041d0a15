import CrimeCore
import CrimeGeo
import CrimeEval

/// The study's inputs on one regular grid: crime counts and footfall per cell × window and static
/// sociodemographic layers per cell. Cell (row r, column c) of the grid sits at index `r × columns + c`.
public struct MobilityLayers: Sendable {
    /// Grid rows (south to north).
    public let rows: Int
    /// Grid columns (west to east).
    public let columns: Int
    /// Time windows.
    public let windows: Int
    /// Incident counts, windows × cells.
    public let crime: [Float]
    /// Footfall, windows × cells, if known.
    public let mobility: [Float]?
    /// Sociodemographic layers, layers × cells (empty when unknown).
    public let census: [Float]
    /// The names of the sociodemographic layers.
    public let censusNames: [String]

    /// Number of grid cells.
    public var cellCount: Int { rows * columns }

    /// Layers from dense arrays; throws when a length does not match the shape or a value is not finite.
    public init(rows: Int, columns: Int, windows: Int, crime: [Float], mobility: [Float]? = nil,
                census: [Float] = [], censusNames: [String] = []) throws {
        guard rows >= 1, columns >= 1, windows >= 1 else {
            throw MobilityError.badSetting(name: "shape", reason: "rows, columns and windows must be at least 1, got \(rows)×\(columns)×\(windows)")
        }
        let cells = rows * columns
        guard crime.count == windows * cells else { throw MobilityError.badLength(what: "crime counts", expected: windows * cells, got: crime.count) }
        if let mobility, mobility.count != windows * cells {
            throw MobilityError.badLength(what: "footfall", expected: windows * cells, got: mobility.count)
        }
        guard census.count == censusNames.count * cells else {
            throw MobilityError.badLength(what: "sociodemographic layers", expected: censusNames.count * cells, got: census.count)
        }
        for (name, values) in [("crime counts", crime), ("footfall", mobility ?? []), ("sociodemographic layers", census)] {
            if let bad = values.firstIndex(where: { !$0.isFinite }) { throw MobilityError.notFinite(what: name, index: bad) }
        }
        (self.rows, self.columns, self.windows) = (rows, columns, windows)
        (self.crime, self.mobility, self.census, self.censusNames) = (crime, mobility, census, censusNames)
    }

    /// Crime counts from a cube over a regular grid (the cube's cells must be cells of `grid`), with
    /// optional footfall (windows × cells) and sociodemographic layers (layers × cells).
    public init(cube: SpaceTimeCube, grid: RegularGrid, mobility: [Float]? = nil, census: [Float] = [],
                censusNames: [String] = []) throws {
        let cells = grid.rows * grid.columns, windows = cube.windowCount
        var crime = [Float](repeating: 0, count: windows * cells)
        let w64 = Int64(windows)
        for (key, n) in zip(cube.keys, cube.counts) {
            let cell = cube.cells[Int(key / w64)]
            guard grid.contains(cell) else { throw MobilityError.badSetting(name: "cube", reason: "cell \(grid.label(of: cell)) is not on the grid") }
            crime[Int(key % w64) * cells + cell.row * grid.columns + cell.column] = Float(n)
        }
        try self.init(rows: grid.rows, columns: grid.columns, windows: windows, crime: crime, mobility: mobility,
                      census: census, censusNames: censusNames)
    }

    /// The positive share of (cell, window) entries: how often a cell sees at least one incident.
    public var positiveRate: Double {
        Double(crime.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }) / Double(crime.count)
    }
}
