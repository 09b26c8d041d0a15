import CrimeCore
import CrimeGeo

/// A cleaned incident table laid on a set of cells and sequential windows once, so that histories
/// before many origins (a rolling-origin backtest) and the truth after each are cheap to cut.
public struct ForecastData: Sendable {
    /// The cells, with their geometry.
    public let cells: ForecastCells
    /// Sequential windows from the first incident's window to the last incident's window.
    public let windows: WindowSpan
    /// Observed counts, cells × windows.
    public let counts: Matrix
    /// Incident times (UTC seconds), ascending.
    public let times: [Int64]
    /// Incident positions in the cells' local frame, metres.
    public let x: [Double], y: [Double]
    /// Each incident's cell ordinal, −1 outside the cells.
    public let cellOrdinals: [Int32]

    /// Lays `table` on `cells` of `index` and on sequential windows of `windowing`.
    ///
    /// Throws ``ForecastError/needsSequentialWindows`` for day-of-week buckets and
    /// ``ForecastError/badParameter(name:reason:)`` for a table without incidents.
    public init(table: IncidentTable, index: some SpatialIndex, cells: ForecastCells, windowing: TimeWindowing) throws {
        guard !windowing.isCyclic else { throw ForecastError.needsSequentialWindows }
        guard !table.isEmpty else { throw ForecastError.badParameter(name: "table", reason: "has no incidents") }
        let windows = try WindowSpan(windowing, covering: table.times)
        var ordinal: [CellID: Int32] = [:]
        for (k, c) in cells.ids.enumerated() { ordinal[c] = Int32(k) }
        let order = table.times.indices.sorted { table.times[$0] < table.times[$1] }
        let located = Self.locate(table: table, order: order, index: index, projection: cells.projection, ordinal: ordinal)
        var times = [Int64](), xs = [Double](), ys = [Double](), cellOrdinals = [Int32]()
        times.reserveCapacity(order.count)
        xs.reserveCapacity(order.count)
        ys.reserveCapacity(order.count)
        cellOrdinals.reserveCapacity(order.count)
        var counts = [Double](repeating: 0, count: cells.count * windows.count)
        for (k, i) in order.enumerated() where located.finite[k] {
            let c = located.cells[k]
            times.append(table.times[i])
            xs.append(located.x[k])
            ys.append(located.y[k])
            cellOrdinals.append(c)
            if c >= 0, let w = windows.ordinal(utc: table.times[i]) { counts[Int(c) * windows.count + w] += 1 }
        }
        self.cells = cells
        self.windows = windows
        self.counts = Matrix(rows: cells.count, columns: windows.count, values: counts)
        self.times = times
        x = xs
        y = ys
        self.cellOrdinals = cellOrdinals
    }

    /// Each row of `order`'s position in the cells' frame and its cell ordinal (−1 outside the cells), and
    /// whether its coordinates are finite; rows are located on all cores in fixed blocks, each writing
    /// its own positions, so the result is the same on any number of threads.
    private static func locate(table: IncidentTable, order: [Int], index: some SpatialIndex, projection: LocalProjection,
                               ordinal: [CellID: Int32]) -> (x: [Double], y: [Double], cells: [Int32], finite: [Bool]) {
        let n = order.count
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        var cells = [Int32](repeating: -1, count: n), finite = [Bool](repeating: false, count: n)
        xs.withUnsafeMutableBufferPointer { xs in ys.withUnsafeMutableBufferPointer { ys in
            cells.withUnsafeMutableBufferPointer { cells in finite.withUnsafeMutableBufferPointer { finite in
                order.withUnsafeBufferPointer { order in
                    ParallelBlocks.forEach(count: n, blockSize: 1 << 14) { range in
                        for k in range {
                            let p = table.location(order[k])
                            guard p.latitude.isFinite, p.longitude.isFinite else { continue }
                            let xy = projection.project(p)
                            finite[k] = true
                            xs[k] = xy.x
                            ys[k] = xy.y
                            cells[k] = index.cell(containing: p).flatMap { ordinal[$0] } ?? -1
                        }
                    }
                }
            }}
        }}
        return (xs, ys, cells, finite)
    }

    /// The history before the start of window `origin` (an ordinal of ``windows``): windows
    /// `0..<origin` and the incidents before that instant, which the history shares with this data
    /// rather than copies. Throws ``ForecastError/noHistory(origin:)``
    /// when `origin` is not in `1...windows.count`.
    public func history(before origin: Int) throws -> ForecastHistory {
        guard origin >= 1, origin <= windows.count else {
            let label = origin >= 0 && origin < windows.count ? windows.labels[origin] : "window \(origin)"
            throw ForecastError.noHistory(origin: label)
        }
        let end = windows.boundaries[origin]
        let n = firstIndex(atOrAfter: end)
        let span = try WindowSpan(windows.windowing, from: windows.boundaries[0], until: end)
        var values = [Double](repeating: 0, count: cells.count * origin)
        for c in 0..<cells.count {
            for w in 0..<origin { values[c * origin + w] = counts.values[c * windows.count + w] }
        }
        return try ForecastHistory(cells: cells, windows: span, counts: Matrix(rows: cells.count, columns: origin, values: values),
                                   times: times[..<n], x: x[..<n], y: y[..<n], cellOrdinals: cellOrdinals[..<n])
    }

    /// Observed counts per cell in window `w` (an ordinal of ``windows``).
    public func observed(window w: Int) -> [Double] {
        (0..<cells.count).map { counts.values[$0 * windows.count + w] }
    }

    /// The ordinal of the window after the last complete one: the forecast origin of a forward
    /// forecast. The data's end is local midnight after its last incident's day; the origin is the last
    /// window boundary at or before that end.
    public var forwardOrigin: Int {
        guard let last = times.last else { return 0 }
        let zone = windows.windowing.zone
        let end = LocalDay(utc: last, in: zone).adding(days: 1).start(in: zone)
        return windows.boundaries.lastIndex { $0 <= end } ?? 0
    }

    /// Index of the first incident at or after `t`.
    private func firstIndex(atOrAfter t: Int64) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
