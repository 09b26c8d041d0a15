/// Incident counts per (cell, window) of an extract read by ``StreamingCubeBuilder``, with the account
/// of every record read.
///
/// Only non-zero counts are held. Entries are listed by ``forEachEntry(_:)`` sorted by cell (the
/// 64-bit `CellID`: an H3 index's value, which is the order of its hex text; a grid's row, then column,
/// from the south-west; an area's position in its file), then by window start.
public struct StreamingCube: Sendable {
    /// The windows the counts are taken in (sequential, in the data's zone).
    public let windowing: TimeWindowing
    /// Rows read, kept, dropped by reason and changed, as `IncidentReader.read` and
    /// ``IncidentTable/cleaned(options:report:)`` would report them; rows outside the spatial index
    /// are dropped as `out_of_bounds`.
    public let report: CleaningReport
    /// The midnight spike measured on the kept rows.
    public let midnightSpike: MidnightSpike
    /// The first and last time of the kept rows; nil when none was kept.
    public let timeSpan: ClosedRange<Int64>?
    /// The bounding box of the kept rows; nil when none was kept.
    public let extent: BoundingBox?
    /// Kept rows per category (categories without rows are left out).
    public let categoryCounts: [CrimeCategory: Int]
    /// The offence texts of kept rows in `other`, most frequent first (ties by text), at most 20.
    public let otherOffenses: [OffenseCount]
    /// Extra columns of the schema that the file does not have.
    public let absentColumns: [String]
    /// The distinct cells holding a kept row, in order of first appearance.
    public let cells: [CellID]
    /// The number of distinct windows holding a kept row.
    public let windowCount: Int
    let counts: ShardedKeyTable

    init(windowing: TimeWindowing, report: CleaningReport, midnightSpike: MidnightSpike, timeSpan: ClosedRange<Int64>?,
         extent: BoundingBox?, categoryCounts: [CrimeCategory: Int], otherOffenses: [OffenseCount], absentColumns: [String],
         cells: [CellID], windowCount: Int, counts: ShardedKeyTable) {
        self.windowing = windowing
        self.report = report
        self.midnightSpike = midnightSpike
        self.timeSpan = timeSpan
        self.extent = extent
        self.categoryCounts = categoryCounts
        self.otherOffenses = otherOffenses
        self.absentColumns = absentColumns
        self.cells = cells
        self.windowCount = windowCount
        self.counts = counts
    }

    /// The number of non-zero (cell, window) entries.
    public var entryCount: Int { counts.count }

    /// Calls `body` with each non-zero entry's cell, window index (`TimeWindowing.index(utc:)`) and
    /// count, sorted by cell, then window. Works in 8 bytes per entry besides the cube.
    public func forEachEntry(_ body: (CellID, Int, Int) throws -> Void) rethrows {
        let order = cells.indices.sorted { cells[$0] < cells[$1] }
        var rank = [Int](repeating: 0, count: cells.count)
        for (r, c) in order.enumerated() { rank[c] = r }
        var starts = [Int](repeating: 0, count: cells.count + 1)
        counts.forEach { key, _ in starts[rank[Int(key >> 32) - 1] + 1] += 1 }
        for r in 0..<cells.count { starts[r + 1] += starts[r] }
        // Each entry as its window (sign bit flipped, so unsigned order is window order) and count.
        var packed = [UInt64](repeating: 0, count: entryCount)
        var fill = starts
        counts.forEach { key, n in
            let r = rank[Int(key >> 32) - 1]
            packed[fill[r]] = UInt64(UInt32(truncatingIfNeeded: key) ^ 0x8000_0000) << 32 | UInt64(n)
            fill[r] += 1
        }
        for r in 0..<cells.count {
            packed[starts[r]..<starts[r + 1]].sort()
            for e in packed[starts[r]..<starts[r + 1]] {
                let window = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: e >> 32) ^ 0x8000_0000))
                try body(cells[order[r]], window, Int(e & 0xFFFF_FFFF))
            }
        }
    }

    /// Every non-zero entry, sorted as ``forEachEntry(_:)`` lists them.
    public var entries: [(cell: CellID, window: Int, count: Int)] {
        var out: [(cell: CellID, window: Int, count: Int)] = []
        out.reserveCapacity(entryCount)
        forEachEntry { out.append(($0, $1, $2)) }
        return out
    }

    /// The start of a window as local wall-clock text: `2024-03-10` for daily windows, the Monday
    /// `2024-03-04` for weekly ones, `2024-03-10T12:00` for 12-hour ones, and for hourly ones the hour
    /// with its UTC offset, `2024-11-03T01:00-05:00` (the repeated hour of a fall-back day has two).
    public func windowStart(ofIndex i: Int) -> String {
        guard case let .sequential(frequency) = windowing.kind else { return windowing.label(ofIndex: i) }
        switch frequency {
        case .daily: return TimeWindowing.dateText(i)
        case .weekly: return TimeWindowing.dateText(i * 7 - 3)
        case .halfDay:
            let day = Int(TimeWindowing.floorDiv(Int64(i), 2))
            return TimeWindowing.dateText(day) + (i - 2 * day == 0 ? "T00:00" : "T12:00")
        case .hourly: return windowing.label(ofIndex: i)
        }
    }
}
