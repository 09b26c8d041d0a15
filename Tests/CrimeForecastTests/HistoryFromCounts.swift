import CrimeCore
import CrimeForecast
import CrimeGeo

/// Builds forecast histories straight from a cells × windows count matrix, for forecasters that learn
/// from counts: every incident sits at its window's start plus a minute (or at `dataStart` plus an hour in
/// the first window, when the data start inside it), at the projection origin.
enum HistoryFromCounts {
    /// A square grid over the Loop with at least `count` cells; its first `count` cells.
    static func cells(_ count: Int) throws -> (grid: RegularGrid, cells: ForecastCells) {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.75,
                                                         maxLatitude: 41.86, maxLongitude: -87.62), side: 500)
        return (grid, try ForecastCells(index: grid, cells: Array(grid.allCells.prefix(count))))
    }

    /// The history of `counts` (cells × windows) on the windows of `windowing` from `start` until `end`.
    static func make(counts: Matrix, windowing: TimeWindowing, from start: Int64, until end: Int64,
                     dataStart: Int64? = nil) throws -> ForecastHistory {
        let windows = try WindowSpan(windowing, from: start, until: end)
        var incidents: [(time: Int64, cell: Int32)] = []
        for c in 0..<counts.rows {
            for w in 0..<counts.columns {
                var t = windows.boundaries[w] + 60
                if w == 0, let dataStart { t = dataStart + 3600 }
                for _ in 0..<Int(counts[c, w]) { incidents.append((t, Int32(c))) }
            }
        }
        incidents.sort { ($0.time, $0.cell) < ($1.time, $1.cell) }
        let zeros = [Double](repeating: 0, count: incidents.count)
        return try ForecastHistory(cells: try cells(counts.rows).cells, windows: windows, counts: counts,
                                   times: incidents.map(\.time), x: zeros, y: zeros, cellOrdinals: incidents.map(\.cell))
    }
}
