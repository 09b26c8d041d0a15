import CrimeCore
import CrimeForecast
import Foundation

/// A forward forecast: a method fitted on every complete window of the data, forecasting the windows
/// that follow — "where next week, and how sure" answered for one method, with its outputs.
///
/// The origin is CrimeForecast's `ForecastData.forwardOrigin`: the last window boundary at or before local midnight
/// after the data's last incident, so a partly observed window at the end is left out of the history
/// (and is the first window forecast when the data stops inside it).
public struct ForwardForecast: Sendable {
    /// The method's name.
    public let method: String
    /// The cells forecast.
    public let cells: ForecastCells
    /// The windows forecast.
    public let span: WindowSpan
    /// Expected counts, cells × windows of ``span``.
    public let expected: Matrix
    /// The method's fitted parameters.
    public let parameters: [String: Double]

    /// Fits `method` on `data` before its forward origin and forecasts `horizon` windows.
    public init(data: ForecastData, method: some SpaceTimeForecaster, horizon: Int = 1) throws {
        let history = try data.history(before: data.forwardOrigin)
        let span = try history.span(windows: horizon)
        var fitted = method
        try fitted.fit(history)
        let expected = try fitted.forecast(span)
        guard expected.rows == data.cells.count, expected.columns == span.count else {
            throw ForecastError.badParameter(name: "forecast of \(method.name)",
                                             reason: "must be \(data.cells.count) cells × \(span.count) windows, got \(expected.rows) × \(expected.columns)")
        }
        self.method = fitted.name
        cells = data.cells
        self.span = span
        self.expected = expected
        parameters = fitted.parameters
    }

    /// One call from a cleaned table to a forecast: lays `table` on `cells` of `index` and on windows of
    /// `windowing`, fits `method` on every complete window and forecasts the next `horizon`.
    public init(table: IncidentTable, index: some SpatialIndex, cells: [CellID], windowing: TimeWindowing,
                method: some SpaceTimeForecaster, horizon: Int = 1) throws {
        let laid = try ForecastCells(index: index, cells: cells)
        try self.init(data: try ForecastData(table: table, index: index, cells: laid, windowing: windowing), method: method, horizon: horizon)
    }

    /// The expected count of every cell in window `w` of the span.
    public func window(_ w: Int) -> [Double] {
        (0..<cells.count).map { expected.values[$0 * expected.columns + w] }
    }

    /// `cell,window_start,expected`, one row per cell and window (window starts in ISO 8601 UTC).
    public func csv() -> String {
        var lines = ["cell,window_start,expected"]
        for w in 0..<span.count {
            let start = Self.iso(span.boundaries[w])
            for c in 0..<cells.count {
                lines.append("\(cells.labels[c]),\(start),\(String(format: "%.6g", expected.values[c * expected.columns + w]))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One polygon feature per cell with `cell`, `expected` (first window) and `window_start`, for QGIS,
    /// kepler.gl or geopandas.
    public func geoJSON() -> String {
        let first = window(0), start = Self.iso(span.boundaries[0])
        return GeoJSONFeatures(features: (0..<cells.count).map { c in
            GeoJSONFeatures.Feature(rings: [cells.boundaries[c]],
                                    properties: [("cell", .string(cells.labels[c])), ("expected", .number(first[c])),
                                                 ("window_start", .string(start)), ("method", .string(method))])
        }).serialized()
    }

    /// A choropleth of the first window's expected counts.
    public func svg(title: String? = nil) -> String {
        let first = window(0)
        return ChoroplethMap(title: title ?? "Expected incidents, \(span.labels[0]) (\(method))", legendTitle: "expected",
                             areas: (0..<cells.count).map { c in
                                 ChoroplethMap.Area(label: cells.labels[c], rings: [cells.boundaries[c]], value: first[c])
                             }).svg()
    }

    /// Writes `forecast.csv`, `forecast.geojson` and `forecast.svg` into `folder`, creating it.
    public func write(to folder: URL) throws {
        try OutputFolder.create(folder)
        try OutputFile.write(csv(), to: folder.appendingPathComponent("forecast.csv"))
        try OutputFile.write(geoJSON(), to: folder.appendingPathComponent("forecast.geojson"))
        try OutputFile.write(svg(), to: folder.appendingPathComponent("forecast.svg"))
    }

    static func iso(_ t: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
    }
}
