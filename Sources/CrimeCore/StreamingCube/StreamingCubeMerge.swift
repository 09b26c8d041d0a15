/// The sequential half of the streaming cube: takes located chunks in file order, drops duplicates,
/// counts the kept rows per (cell, window) and keeps what the cleaning report needs of them.
///
/// Memory that grows with the data: the id hashes (9–14 bytes per distinct non-empty id, only while
/// duplicates are dropped), the counts (14–21 bytes per non-zero cell × window), one number per distinct
/// cell, local day, window and offence text. Nothing per row.
struct StreamingCubeMerge {
    let zone: ZoneClock
    let cleaning: CleaningOptions
    let counting: Bool
    private(set) var report = CleaningReport()
    private var cleaningReport = CleaningReport()
    private var ids = ShardedKeyTable(counting: false)
    private(set) var counts = ShardedKeyTable(counting: true)
    /// The distinct cells, in order of first appearance, and each one's ordinal.
    private(set) var cells: [CellID] = []
    private var ordinals: [UInt64: UInt32] = [:]
    private var windows = Set<Int32>()
    private var hourMarks = HourMarkCounter()
    private var dayCounts: [Int32: Int] = [:]
    private var categoryCounts = [Int](repeating: 0, count: CrimeCategory.allCases.count)
    private var otherOffenses: [String: Int] = [:]
    private var kept = 0
    private var firstTime = Int64.max, lastTime = Int64.min
    private var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity

    init(zone: ZoneClock, cleaning: CleaningOptions, counting: Bool) {
        self.zone = zone
        self.cleaning = cleaning
        self.counting = counting
    }

    /// Adds one chunk: its parse report (sample rows already file record numbers), its table and located
    /// rows; `record(row)` is the file record number of table row `row`.
    mutating func add(parsed: CleaningReport, table: IncidentTable, rows: LocatedRows, record: (Int) -> Int) {
        report.merge(parsed)
        let zone = zone
        var otherByCode = [Int](repeating: 0, count: table.offenses.dictionary.count)
        var lastDay = Int32.min, dayRun = 0, lastWindow = Int32.min
        for row in 0..<table.count {
            switch rows.status[row] {
            case .outOfPeriod:
                drop(.outOfPeriod, row, "time", record) { zone.iso8601(utc: table.times[row]) }
                continue
            case .outOfBounds:
                drop(.outOfBounds, row, "location", record) { table.location(row).description }
                continue
            case .candidate:
                break
            }
            let hash = rows.idHashes[row]
            if hash != 0, !ids.insert(hash) {
                drop(.duplicate, row, "id", record) { table.ids[row] }
                continue
            }
            kept += 1
            _ = hourMarks.count(secondOfDay: Int(rows.seconds[row]))
            let day = rows.days[row]
            if day != lastDay {
                if dayRun > 0 { dayCounts[lastDay, default: 0] += dayRun }
                lastDay = day
                dayRun = 0
            }
            dayRun += 1
            let category = table.categories[row]
            categoryCounts[Int(category.rawValue)] += 1
            if category == .other { otherByCode[Int(table.offenses.codes[row])] += 1 }
            let t = table.times[row]
            firstTime = min(firstTime, t)
            lastTime = max(lastTime, t)
            let lat = table.latitudes[row], lng = table.longitudes[row]
            south = min(south, lat)
            north = max(north, lat)
            west = min(west, lng)
            east = max(east, lng)
            guard counting else { continue }
            let window = rows.windows[row]
            if window != lastWindow {
                windows.insert(window)
                lastWindow = window
            }
            _ = counts.insert(UInt64(ordinal(of: rows.cells[row]) + 1) << 32 | UInt64(UInt32(bitPattern: window)))
        }
        if dayRun > 0 { dayCounts[lastDay, default: 0] += dayRun }
        for (code, n) in otherByCode.enumerated() where n > 0 { otherOffenses[table.offenses.dictionary[code], default: 0] += n }
    }

    /// The ordinal of a cell, numbering new cells in order of appearance.
    private mutating func ordinal(of raw: UInt64) -> UInt32 {
        if let k = ordinals[raw] { return k }
        let k = UInt32(cells.count)
        ordinals[raw] = k
        cells.append(CellID(raw))
        return k
    }

    /// Counts a dropped row; the sample (with its text) is made only while the reason has few samples.
    private mutating func drop(_ reason: DropReason, _ row: Int, _ column: String, _ record: (Int) -> Int,
                               value: () -> String) {
        if cleaningReport.dropped[reason, default: 0] < CleaningReport.samplesPerReason {
            cleaningReport.drop(RowIssue(file: cleaning.file, row: record(row), column: column, reason: reason, value: value()))
        } else {
            cleaningReport.dropped[reason, default: 0] += 1
        }
    }

    /// The cube: the report completed as ``IncidentTable/cleaned(options:report:)`` completes it.
    func finish(windowing: TimeWindowing, absentColumns: [String]) -> StreamingCube {
        var report = report
        report.merge(cleaningReport)
        report.rowsKept = kept
        let spike = hourMarks.spike(threshold: cleaning.spikeThreshold)
        if spike.isSignificant, cleaning.midnight == .flag, spike.atMidnight > 0 {
            report.changed["midnight_flagged", default: 0] += spike.atMidnight
        }
        report.bulk = TimeBulk(dayCounts: dayCounts)
        var categories: [CrimeCategory: Int] = [:]
        for c in CrimeCategory.allCases where categoryCounts[Int(c.rawValue)] > 0 { categories[c] = categoryCounts[Int(c.rawValue)] }
        let other = otherOffenses.map { OffenseCount(offense: $0.key, rows: $0.value) }
            .sorted { ($0.rows, $1.offense) > ($1.rows, $0.offense) }
        return StreamingCube(
            windowing: windowing, report: report, midnightSpike: spike,
            timeSpan: kept > 0 ? firstTime...lastTime : nil,
            extent: kept > 0 ? BoundingBox(minLatitude: south, minLongitude: west, maxLatitude: north, maxLongitude: east) : nil,
            categoryCounts: categories, otherOffenses: Array(other.prefix(20)), absentColumns: absentColumns,
            cells: cells, windowCount: windows.count, counts: counts)
    }
}
