import CrimeCore
import CrimeForecast
import CrimeGeo

/// Histories built by hand for the forecaster tests: 250 m grid cells in Chicago, weekly windows in UTC
/// that end at the origin, per-window totals and incidents at chosen positions and ages.
enum HandHistory {
    /// 2024-01-01 00:00 UTC, a Monday: the start of the first weekly window.
    static let start: Int64 = 1_704_067_200
    static let week: Int64 = 7 * 86_400

    /// The `rows` × `columns` block of 250 m cells in the south-west corner of a grid over Chicago.
    static func cells(rows: Int = 3, columns: Int = 3) throws -> ForecastCells {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.83, maxLongitude: -87.66), side: 250)
        let ids = (0..<rows).flatMap { r in (0..<columns).map { CellID(row: r, column: $0) } }
        return try ForecastCells(index: grid, cells: ids)
    }

    /// A history of `totals.count` weekly windows whose per-window totals (all in cell 0) are `totals`,
    /// with incidents at positions in the cells' frame and ages in days at the origin.
    static func history(cells: ForecastCells, totals: [Double],
                        incidents: [(x: Double, y: Double, ageDays: Double)]) throws -> ForecastHistory {
        let zone = try ZoneClock(identifier: "UTC")
        let origin = start + Int64(totals.count) * week
        let span = try WindowSpan(.sequential(.weekly, zone: zone), from: start, until: origin)
        var counts = [Double](repeating: 0, count: cells.count * totals.count)
        for (w, total) in totals.enumerated() { counts[w] = total }
        let sorted = incidents.sorted { $0.ageDays > $1.ageDays }
        return try ForecastHistory(cells: cells, windows: span,
                                   counts: Matrix(rows: cells.count, columns: totals.count, values: counts),
                                   times: sorted.map { origin - Int64(($0.ageDays * 86_400).rounded()) },
                                   x: sorted.map(\.x), y: sorted.map(\.y),
                                   cellOrdinals: sorted.map { _ in -1 })
    }
}
