import CrimeCore
import CrimeForecast
import CrimeGeo

/// Histories made straight from a cells × windows count matrix, for forecasters that read only counts:
/// a `rows` × `columns` block of 500 m grid cells over Chicago (queen neighbours, row-major ordinals)
/// and daily windows in UTC from Monday 2024-01-01, with no incident positions.
enum CountMatrixHistory {
    /// Monday 2024-01-01 00:00 UTC, the start of window 0.
    static let start: Int64 = 1_704_067_200
    static let day: Int64 = 86_400

    /// The grid the cells are cut from.
    static func grid() throws -> RegularGrid {
        try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.75, maxLatitude: 41.86, maxLongitude: -87.62),
                        side: 500)
    }

    /// The block of cells `(r, c)` for r < `rows`, c < `columns`, row-major.
    static func cells(rows: Int, columns: Int) throws -> ForecastCells {
        try ForecastCells(index: grid(), cells: (0..<rows).flatMap { r in (0..<columns).map { CellID(row: r, column: $0) } })
    }

    /// The history of `counts` (one row per cell of `cells`, one column per day).
    static func history(cells: ForecastCells, counts: [[Double]]) throws -> ForecastHistory {
        let windows = counts.first?.count ?? 0
        let zone = try ZoneClock(identifier: "UTC")
        let span = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + Int64(windows) * day)
        return try ForecastHistory(cells: cells, windows: span,
                                   counts: Matrix(rows: counts.count, columns: windows, values: counts.flatMap { $0 }),
                                   times: [], x: [], y: [], cellOrdinals: [])
    }
}

/// A plugin regressor from outside the library, like the embedding contract's `LastColumn`: it
/// learns nothing and predicts one feature column, shifted by `offset`.
struct PickColumn: Regressor {
    var column: Int
    var offset = 0.0
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { (0..<x.rows).map { x[$0, column] + offset } }
}
