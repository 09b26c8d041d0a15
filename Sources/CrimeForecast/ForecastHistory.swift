import CrimeCore

/// What a forecaster may learn from: the incidents before an origin instant, their counts per cell ×
/// sequential window, and the cells' geometry.
///
/// Incidents are sorted by time; each carries its position in the cells' local metric frame (metres)
/// and its cell ordinal (−1 for incidents outside the cells, which still count for methods that smooth
/// over space). Nothing at or after ``origin`` is in here.
///
/// The incident columns are slices indexed from 0: a history cut from ``ForecastData`` shares the data's
/// columns instead of copying them, so cutting the histories of many origins costs nothing per incident.
public struct ForecastHistory: Sendable {
    /// The cells forecast, with their geometry.
    public let cells: ForecastCells
    /// The history's sequential windows; the last one ends at ``origin``.
    public let windows: WindowSpan
    /// Observed counts, cells × windows, zeros included.
    public let counts: Matrix
    /// Incident times (UTC seconds), ascending.
    public let times: ArraySlice<Int64>
    /// Incident positions east of the cells' projection origin, metres.
    public let x: ArraySlice<Double>
    /// Incident positions north of the cells' projection origin, metres.
    public let y: ArraySlice<Double>
    /// Each incident's cell ordinal, or −1 when it lies outside the cells.
    public let cellOrdinals: ArraySlice<Int32>

    /// Assembles a history; ``ForecastData/history(before:)`` is the usual way to get one.
    /// Throws ``ForecastError/badParameter(name:reason:)`` when lengths disagree, and CrimeCore's
    /// `MatrixError` when the counts' values do not match their shape.
    public init(cells: ForecastCells, windows: WindowSpan, counts: Matrix, times: [Int64], x: [Double], y: [Double],
                cellOrdinals: [Int32]) throws {
        try self.init(cells: cells, windows: windows, counts: counts, times: times[...], x: x[...], y: y[...],
                      cellOrdinals: cellOrdinals[...])
    }

    /// Assembles a history from slices of incident columns, such as another history's: slices that start at
    /// index 0 are shared, others are copied so that the history's columns are indexed from 0. Throws as
    /// the initialiser from arrays.
    public init(cells: ForecastCells, windows: WindowSpan, counts: Matrix, times: ArraySlice<Int64>, x: ArraySlice<Double>,
                y: ArraySlice<Double>, cellOrdinals: ArraySlice<Int32>) throws {
        func fromZero<T>(_ slice: ArraySlice<T>) -> ArraySlice<T> { slice.startIndex == 0 ? slice : Array(slice)[...] }
        let times = fromZero(times), x = fromZero(x), y = fromZero(y), cellOrdinals = fromZero(cellOrdinals)
        try counts.validate()
        guard !windows.windowing.isCyclic else { throw ForecastError.needsSequentialWindows }
        guard counts.rows == cells.count, counts.columns == windows.count else {
            throw ForecastError.badParameter(name: "counts", reason: "must be \(cells.count) cells × \(windows.count) windows, got \(counts.rows) × \(counts.columns)")
        }
        guard x.count == times.count, y.count == times.count, cellOrdinals.count == times.count else {
            throw ForecastError.badParameter(name: "incidents", reason: "times, x, y and cell ordinals must have one entry per incident")
        }
        self.cells = cells
        self.windows = windows
        self.counts = counts
        self.times = times
        self.x = x
        self.y = y
        self.cellOrdinals = cellOrdinals
    }

    /// The same history cut to its last `count` windows (all of it when it has no more): the counts of
    /// those windows and the incidents at or after their start. For methods whose fit grows with the
    /// number of incidents, such as a self-exciting process.
    public func suffix(windows count: Int) throws -> ForecastHistory {
        guard count >= 1 else { throw ForecastError.badParameter(name: "history windows", reason: "must be at least 1, got \(count)") }
        guard count < windows.count else { return self }
        let drop = windows.count - count
        let start = windows.boundaries[drop]
        let first = times.firstIndex { $0 >= start } ?? times.count
        var values = [Double](repeating: 0, count: cells.count * count)
        for c in 0..<cells.count {
            for w in 0..<count { values[c * count + w] = counts.values[c * windows.count + drop + w] }
        }
        return try ForecastHistory(cells: cells, windows: try WindowSpan(windowing, from: start, until: origin),
                                   counts: Matrix(rows: cells.count, columns: count, values: values),
                                   times: Array(times[first...]), x: Array(x[first...]), y: Array(y[first...]),
                                   cellOrdinals: Array(cellOrdinals[first...]))
    }

    /// The instant the history ends at (exclusive): the end of its last window.
    public var origin: Int64 { windows.boundaries.last ?? 0 }

    /// The windowing of the history and of its forecasts.
    public var windowing: TimeWindowing { windows.windowing }

    /// The `count` sequential windows that start at the origin.
    public func span(windows count: Int = 1) throws -> WindowSpan {
        guard count >= 1 else { throw ForecastError.badParameter(name: "horizon", reason: "must be at least 1 window, got \(count)") }
        let first = windows.firstIndex + windows.count
        guard let end = windowing.interval(ofIndex: first + count - 1)?.upperBound else { throw ForecastError.needsSequentialWindows }
        return try WindowSpan(windowing, from: origin, until: end)
    }

    /// Throws unless `span` is sequential, of this history's windowing, and starts at or after the origin.
    public func check(_ span: WindowSpan) throws {
        try Self.check(span, origin: origin, windowing: windowing)
    }

    /// Throws unless `span` is sequential, of `windowing`, and starts at or after `origin`: the check of
    /// ``check(_:)`` for forecasters that keep only the origin and windowing of the history they fitted.
    public static func check(_ span: WindowSpan, origin: Int64, windowing: TimeWindowing) throws {
        guard let start = span.boundaries.first, span.windowing == windowing else { throw ForecastError.needsSequentialWindows }
        guard start >= origin else {
            throw ForecastError.spanOverlapsHistory(spanStart: describe(start, windowing), origin: describe(origin, windowing))
        }
    }

    /// An instant as the label of the window it starts.
    static func describe(_ t: Int64, _ windowing: TimeWindowing) -> String {
        windowing.label(ofIndex: windowing.index(utc: t))
    }
}
