/// Counts per cell × window known at a forecast origin: the history a ``NaiveBaseline`` forecasts from.
///
/// Cells are ordinals `0..<cellCount`. Windows are ordinals in ascending order, one column each;
/// rules read a window's ordinal, not its column (window w belongs to season `w mod period`, and
/// one season before it is window `w − period`), so the columns need not be consecutive. An entry
/// may be missing (a cell not observed in a window); the rules skip missing entries.
public struct CountHistory: Sendable, Equatable {
    /// Number of cells.
    public let cellCount: Int
    /// The windows' ordinals, strictly ascending.
    public let windows: [Int]
    /// Counts, cell-major: `counts[c * windows.count + j]` (0 where not observed).
    let counts: [Double]
    /// Whether each entry of ``counts`` was observed.
    let observed: [Bool]

    /// A complete history: `counts` holds every cell's count in every window, cell-major
    /// (`counts[c * windows.count + j]`).
    ///
    /// Throws when there is no cell or window, the windows are not strictly ascending, the number of
    /// counts is not cells × windows, or a count is not finite.
    public init(cellCount: Int, windows: [Int], counts: [Double]) throws {
        try Self.check(cellCount: cellCount, windows: windows)
        guard counts.count == cellCount * windows.count else {
            throw ForecastError.badParameter(name: "history counts", reason: "expected \(cellCount * windows.count) values, got \(counts.count)")
        }
        try Self.checkFinite(counts)
        self.cellCount = cellCount
        self.windows = windows
        self.counts = counts
        observed = [Bool](repeating: true, count: counts.count)
    }

    /// A history from observations, one per (cell, window): observation i is `counts[i]` in cell
    /// `cells[i]` and window `windows[i]`; every other entry is missing.
    ///
    /// Throws for no observation, arrays of different lengths, a cell outside `0..<cellCount`, a
    /// count that is not finite, or a (cell, window) pair given twice.
    public init(cellCount: Int, cells: [Int], windows: [Int], counts: [Double]) throws {
        guard !counts.isEmpty else { throw ForecastError.badParameter(name: "history observations", reason: "there are none") }
        for (name, count) in [("history cells", cells.count), ("history windows", windows.count)] where count != counts.count {
            throw ForecastError.badParameter(name: name, reason: "expected \(counts.count) values, got \(count)")
        }
        try Self.checkFinite(counts)
        let columns = Array(Set(windows)).sorted()
        try Self.check(cellCount: cellCount, windows: columns)
        var column = [Int: Int]()
        for (j, w) in columns.enumerated() { column[w] = j }
        var values = [Double](repeating: 0, count: cellCount * columns.count)
        var seen = [Bool](repeating: false, count: values.count)
        for i in counts.indices {
            let c = cells[i]
            guard c >= 0, c < cellCount else {
                throw ForecastError.badParameter(name: "history cells", reason: "cell \(c) of observation \(i) is outside 0..<\(cellCount)")
            }
            let k = c * columns.count + (column[windows[i]] ?? 0)
            guard !seen[k] else {
                throw ForecastError.badParameter(name: "history observations", reason: "cell \(c) in window \(windows[i]) is given twice")
            }
            values[k] = counts[i]
            seen[k] = true
        }
        self.cellCount = cellCount
        self.windows = columns
        self.counts = values
        observed = seen
    }

    private static func checkFinite(_ counts: [Double]) throws {
        if let bad = counts.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError.badParameter(name: "history counts", reason: "count \(bad) is \(counts[bad]), not a finite number")
        }
    }

    private static func check(cellCount: Int, windows: [Int]) throws {
        guard cellCount >= 1 else { throw ForecastError.badParameter(name: "cell count", reason: "must be ≥ 1, got \(cellCount)") }
        guard !windows.isEmpty else { throw ForecastError.badParameter(name: "history windows", reason: "there are none") }
        if let bad = windows.indices.dropFirst().first(where: { windows[$0] <= windows[$0 - 1] }) {
            throw ForecastError.badParameter(name: "history windows", reason: "must be strictly ascending; \(windows[bad]) follows \(windows[bad - 1])")
        }
    }

    /// The count of `cell` in the window with ordinal `window`, or nil when it was not observed.
    public func count(cell: Int, window: Int) -> Double? {
        guard cell >= 0, cell < cellCount, let j = column(of: window), observed[cell * windows.count + j] else { return nil }
        return counts[cell * windows.count + j]
    }

    /// The column of a window ordinal, or nil when the history has no such window.
    func column(of window: Int) -> Int? {
        var low = 0, high = windows.count
        while low < high {
            let mid = (low + high) / 2
            if windows[mid] < window { low = mid + 1 } else { high = mid }
        }
        return low < windows.count && windows[low] == window ? low : nil
    }
}
