/// Which features ``SpaceTimeCube/features(_:neighbors:)`` makes for each (cell, window).
public struct FeatureSpec: Sendable, Hashable {
    /// Lags k: the cell's count at window t − k (`lag_k`).
    public var lags: [Int]
    /// Rolling-mean widths w: the mean of the cell's counts over windows t − w … t − 1, strictly
    /// before t (`rolling_mean_w`, pandas `shift(1).rolling(w).mean()`).
    public var rollingMeans: [Int]
    /// The mean of the neighbours' counts at t − 1 (`neighbor_mean_lag_1`; 0 for a cell without neighbours).
    public var neighborMean: Bool
    /// Calendar columns: `window_of_day` (local hour for hourly windows, 0/1 for 12-hour ones, the
    /// shift for buckets, else 0) and `weekday` (of the window's local start, Monday = 0).
    public var calendar: Bool

    /// Creates a specification; the defaults are lags 1, 2 and 7, a 7-window rolling mean, the
    /// neighbour mean and the calendar columns.
    public init(lags: [Int] = [1, 2, 7], rollingMeans: [Int] = [7], neighborMean: Bool = true, calendar: Bool = true) {
        self.lags = lags
        self.rollingMeans = rollingMeans
        self.neighborMean = neighborMean
        self.calendar = calendar
    }

    /// The number of past windows a row needs.
    public var history: Int { max(lags.max() ?? 0, rollingMeans.max() ?? 0, neighborMean ? 1 : 0) }
}

/// Rows of features for tabular models, one per (window, cell), with the counts as targets.
public struct FeatureTable: Sendable, Equatable {
    /// The features, one row per (window, cell), window-major.
    public let matrix: Matrix
    /// The name of each column.
    public let columnNames: [String]
    /// The count in each row's (cell, window).
    public let targets: [Double]
    /// Each row's cell ordinal.
    public let cellOrdinals: [Int]
    /// Each row's window ordinal.
    public let windowOrdinals: [Int]

    /// Creates a table; throws when the parts disagree in length.
    public init(matrix: Matrix, columnNames: [String], targets: [Double], cellOrdinals: [Int], windowOrdinals: [Int]) throws {
        try matrix.validate()
        guard columnNames.count == matrix.columns else {
            throw CubeError.lengthMismatch(what: "columnNames", expected: matrix.columns, got: columnNames.count)
        }
        for (name, part) in [("targets", targets.count), ("cellOrdinals", cellOrdinals.count), ("windowOrdinals", windowOrdinals.count)]
        where part != matrix.rows {
            throw CubeError.lengthMismatch(what: name, expected: matrix.rows, got: part)
        }
        self.matrix = matrix
        self.columnNames = columnNames
        self.targets = targets
        self.cellOrdinals = cellOrdinals
        self.windowOrdinals = windowOrdinals
    }

    /// The column with a name, as values, or nil.
    public func column(named name: String) -> [Double]? {
        columnNames.firstIndex(of: name).map { matrix.column($0) }
    }

    /// The rows whose window ordinal lies in `windows` (a range, or a part of a ``TemporalSplit``), in order.
    public func selecting(windows: some Sequence<Int>) throws -> FeatureTable {
        let wanted = Set(windows)
        let rows = windowOrdinals.indices.filter { wanted.contains(windowOrdinals[$0]) }
        return try FeatureTable(matrix: matrix.selectingRows(rows), columnNames: columnNames,
                                targets: rows.map { targets[$0] }, cellOrdinals: rows.map { cellOrdinals[$0] },
                                windowOrdinals: rows.map { windowOrdinals[$0] })
    }
}
