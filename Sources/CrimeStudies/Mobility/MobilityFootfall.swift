import CrimeCore
import CrimeGeo
import Foundation

/// A footfall layer read from a CSV of point observations — trips, visits or device counts at a place
/// and time — summed onto the study's grid cells and time windows.
///
/// The file has a header with (at least) the columns `lat`, `lon`, `time` and `count`, in any order;
/// other columns are ignored. `lat`/`lon` are WGS84 degrees, `count` a finite, non-negative number and
/// `time` `YYYY-MM-DDTHH:MM[:SS]`, wall-clock time in the crime data's zone, or an absolute instant when
/// followed by `Z` or `±HH:MM`. Each row adds its count to the cell holding its point in the window
/// holding its time; a cell-window without rows is zero. Rows outside the grid or the windows are not
/// used but counted (``rowsOutsideGrid``, ``rowsOutsidePeriod``; a row outside both counts as outside the
/// grid).
public struct MobilityFootfall: Sendable {
    /// Footfall per window and cell, windows × cells (cell `r × columns + c`).
    public let values: [Float]
    /// Data rows in the file.
    public let rowsRead: Int
    /// Rows whose point lies outside the grid (not used).
    public let rowsOutsideGrid: Int
    /// Rows on the grid whose time lies outside the windows (not used).
    public let rowsOutsidePeriod: Int
    /// The sum of the counts used.
    public let total: Double

    /// Reads `url` onto `grid` and the sequential `windows`.
    ///
    /// - Throws: ``CovariateFileError`` naming the file, line and column for a missing column, a
    ///   malformed or negative count, an invalid coordinate or a timestamp not of the documented form.
    public static func read(_ url: URL, grid: RegularGrid, windows: WindowSpan) throws -> MobilityFootfall {
        let csv = try CovariateCSV(contentsOf: url)
        let (lat, lon, time, count) = (try csv.column("lat"), try csv.column("lon"), try csv.column("time"), try csv.column("count"))
        let cells = grid.rows * grid.columns, zone = windows.windowing.zone
        var sums = [Double](repeating: 0, count: windows.count * cells)
        var outsideGrid = 0, outsidePeriod = 0, total = 0.0
        for record in csv.records {
            let point = GeoPoint(latitude: try csv.number(record, lat), longitude: try csv.number(record, lon))
            guard point.isValid else {
                throw CovariateFileError.badCoordinate(file: csv.file, line: record.line, latitude: point.latitude, longitude: point.longitude)
            }
            let stamp = csv.text(record, time)
            guard let t = CovariateTimestamp.utc(stamp, zone: zone) else {
                throw CovariateFileError.badTime(file: csv.file, line: record.line, column: "time", text: stamp, expected: CovariateTimestamp.form)
            }
            let value = try csv.count(record, count)
            guard let cell = grid.cell(containing: point) else { outsideGrid += 1; continue }
            guard let w = windows.ordinal(utc: t) else { outsidePeriod += 1; continue }
            sums[w * cells + cell.row * grid.columns + cell.column] += value
            total += value
        }
        return MobilityFootfall(values: sums.map { Float($0) }, rowsRead: csv.records.count, rowsOutsideGrid: outsideGrid,
                                rowsOutsidePeriod: outsidePeriod, total: total)
    }
}
