/// What the streaming cube needs of each row of one parsed chunk, worked out on the chunk's own thread:
/// whether the cleaning steps that look at one row alone drop it, its cell, window, id hash and local
/// day and second. The chunk's table is kept alongside until the chunk is merged, then freed.
struct LocatedRows {
    /// Why a row is dropped before the duplicate check.
    enum Status: UInt8 {
        case candidate, outOfPeriod, outOfBounds
    }

    var status: [Status]
    /// The raw value of each row's cell (0 where the row is not a candidate or no index is given).
    var cells: [UInt64]
    /// The windowing index of each row's window.
    var windows: [Int32]
    /// ``IdHash`` of each row's id; 0 for an empty id, or when duplicates are kept.
    var idHashes: [UInt64]
    /// The local day number of each row.
    var days: [Int32]
    /// The second of the local day of each row.
    var seconds: [Int32]

    /// Locates every row of `table`: period and bounds checks of `cleaning`, then `index` (a row with no
    /// cell there is `outOfBounds`), in the order ``IncidentTable/cleaned(options:report:)`` applies them.
    init(table: IncidentTable, index: (any SpatialIndex)?, windowing: TimeWindowing, cleaning: CleaningOptions) {
        let n = table.count
        let zone = table.zone
        let first = cleaning.since.map { $0.start(in: zone) } ?? .min
        let end = cleaning.until.map { $0.adding(days: 1).start(in: zone) } ?? .max
        status = [Status](repeating: .candidate, count: n)
        cells = [UInt64](repeating: 0, count: n)
        windows = [Int32](repeating: 0, count: n)
        idHashes = [UInt64](repeating: 0, count: n)
        days = [Int32](repeating: 0, count: n)
        seconds = [Int32](repeating: 0, count: n)
        for row in 0..<n {
            let t = table.times[row]
            guard t >= first, t < end else { status[row] = .outOfPeriod; continue }
            let point = table.location(row)
            if let box = cleaning.bounds, !box.contains(point) { status[row] = .outOfBounds; continue }
            if let index {
                guard let cell = index.cell(containing: point) else { status[row] = .outOfBounds; continue }
                cells[row] = cell.rawValue
            }
            windows[row] = Int32(clamping: windowing.index(utc: t))
            let (day, second) = CivilDate.split(wallSeconds: zone.wallSeconds(utc: t))
            days[row] = Int32(clamping: day)
            seconds[row] = Int32(second)
            if cleaning.dropDuplicates {
                idHashes[row] = table.ids.withBytes(ofRow: row) { $0.isEmpty ? 0 : IdHash.hash($0) }
            }
        }
    }
}
