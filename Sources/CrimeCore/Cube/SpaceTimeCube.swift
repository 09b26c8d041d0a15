/// Sparse incident counts per (cell, window): the space-time cube.
///
/// The cell list is explicit, so cells without incidents are part of the cube with zero counts;
/// windows are a ``WindowSpan`` (sequential windows over a range, or day-of-week × shift buckets).
/// Cells and windows are addressed by ordinal: cell `c` is `cells[c]`, window `w` is
/// `windows.window(w)`. Only non-zero counts are stored, sorted by the flat key
/// `c × windows.count + w` (cell-major).
public struct SpaceTimeCube: Sendable {
    /// The cells, in the order given when the cube was built.
    public let cells: [CellID]
    /// The windows.
    public let windows: WindowSpan
    /// Flat keys `cell × windows.count + window` of the non-zero entries, ascending.
    public let keys: [Int64]
    /// The count at each key.
    public let counts: [Int32]
    /// What happened to each incident offered.
    public let report: CubeBuildReport
    let cellMap: CellOrdinalMap

    init(cells: [CellID], cellMap: CellOrdinalMap, windows: WindowSpan, keys: [Int64], counts: [Int32],
         report: CubeBuildReport) {
        self.cells = cells
        self.cellMap = cellMap
        self.windows = windows
        self.keys = keys
        self.counts = counts
        self.report = report
    }

    /// Number of cells.
    public var cellCount: Int { cells.count }
    /// Number of windows.
    public var windowCount: Int { windows.count }
    /// Number of (cell, window) entries with at least one incident.
    public var nonzeroCount: Int { keys.count }
    /// Sum of all counts.
    public var total: Int { counts.reduce(0) { $0 + Int($1) } }

    /// The ordinal of a cell, or nil when it is not in the cube.
    public func ordinal(of cell: CellID) -> Int? {
        let k = cellMap.ordinal(cell)
        return k < 0 ? nil : k
    }

    /// The count at a cell ordinal and window ordinal (0 outside the cube).
    public func count(cell c: Int, window w: Int) -> Int {
        guard c >= 0, c < cellCount, w >= 0, w < windowCount else { return 0 }
        let key = Int64(c) * Int64(windowCount) + Int64(w)
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? Int(counts[lo]) : 0
    }

    /// The count of a cell in a window ordinal (0 for a cell not in the cube).
    public func count(cell: CellID, window w: Int) -> Int {
        guard let c = ordinal(of: cell) else { return 0 }
        return count(cell: c, window: w)
    }

    /// The counts of one cell over all windows.
    public func series(cell c: Int) -> [Double] {
        var out = [Double](repeating: 0, count: windowCount)
        guard c >= 0, c < cellCount else { return out }
        let w = Int64(windowCount)
        for (key, n) in zip(keys, counts) where key / w == Int64(c) { out[Int(key % w)] = Double(n) }
        return out
    }

    /// The ordinals of each cell's neighbours that are in the cube, from the index that made the cells.
    public func neighbors(from index: some SpatialIndex) throws -> [[Int]] {
        try cells.map { cell in try index.neighbors(of: cell).compactMap { ordinal(of: $0) }.sorted() }
    }

    /// Dense counts, windows × cells (row `w` holds every cell's count in window `w`), as `Double`.
    func denseByWindow() -> [Double] {
        var out = [Double](repeating: 0, count: windowCount * cellCount)
        let w = Int64(windowCount)
        out.withUnsafeMutableBufferPointer { o in
            for (key, n) in zip(keys, counts) {
                o[Int(key % w) * cellCount + Int(key / w)] = Double(n)
            }
        }
        return out
    }
}
