/// Why a row of an extract was dropped.
public enum DropReason: String, CaseIterable, Codable, Sendable, Comparable {
    /// The time field is empty.
    case missingTime = "missing_time"
    /// The time field does not parse as a real date and time (`13/45/2023`).
    case badTime = "bad_time"
    /// The coordinate fields are empty.
    case missingLocation = "missing_location"
    /// A coordinate field is not a number or is outside ±90/±180 (`abc`).
    case badLocation = "bad_location"
    /// (0, 0) or a portal's placeholder coordinates.
    case placeholderLocation = "placeholder_location"
    /// Outside the study's bounding box or polygon set.
    case outOfBounds = "out_of_bounds"
    /// The same id as an earlier row.
    case duplicate
    /// A CSV record with a different number of fields than the header.
    case malformedRow = "malformed_row"
    /// A CSV record whose quoted field is never closed: it runs to the end of the file.
    case unterminatedQuote = "unterminated_quote"
    /// A field that is not valid UTF-8.
    case invalidEncoding = "invalid_encoding"
    /// Stamped 00:00 on a midnight spike, dropped at the user's request.
    case midnightSpike = "midnight_spike"
    /// Before ``CleaningOptions/since`` or after ``CleaningOptions/until``.
    case outOfPeriod = "out_of_period"

    public static func < (a: DropReason, b: DropReason) -> Bool { a.rawValue < b.rawValue }
}

/// One row that was dropped or changed, with where it was found: a sample kept for the user to look at.
public struct RowIssue: Codable, Sendable, Equatable {
    /// The file the row came from.
    public var file: String
    /// The record number in the file, the header being record 1 (what a spreadsheet shows).
    public var row: Int
    /// The column at fault, when one is.
    public var column: String?
    /// What happened to the row.
    public var reason: DropReason
    /// The offending value, when there is one.
    public var value: String?

    /// Creates an issue record.
    public init(file: String, row: Int, column: String?, reason: DropReason, value: String?) {
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
        self.value = value
    }
}

/// The full account of an ingest and clean: every row read is either kept or counted under a reason.
///
/// `rowsRead == rowsKept + dropped.values.sum()` always holds.
public struct CleaningReport: Codable, Sendable, Equatable {
    /// Data records read (the header is not counted).
    public var rowsRead = 0
    /// Rows in the resulting table.
    public var rowsKept = 0
    /// Dropped rows by reason.
    public var dropped: [DropReason: Int] = [:]
    /// Rows kept but changed, by kind of change (`midnight_flagged`, `midnight_spread`, `category_overridden`).
    public var changed: [String: Int] = [:]
    /// The first few issues of each reason, for a person to inspect.
    public var samples: [RowIssue] = []
    /// The span of local days holding the bulk of the kept rows (set by cleaning; nil before).
    public var bulk: TimeBulk?
    /// How many samples are kept per reason.
    public static let samplesPerReason = 5

    /// An empty report.
    public init() {}

    /// Counts a dropped row and keeps it as a sample while there are few of its reason.
    public mutating func drop(_ issue: RowIssue) {
        let n = dropped[issue.reason, default: 0]
        dropped[issue.reason] = n + 1
        if n < CleaningReport.samplesPerReason { samples.append(issue) }
    }

    /// Total rows dropped.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }

    /// Adds another report's counts (for chunks read in parallel, or a later cleaning step).
    /// Samples are merged in order, still capped per reason.
    public mutating func merge(_ other: CleaningReport) {
        rowsRead += other.rowsRead
        rowsKept += other.rowsKept
        for (k, v) in other.changed { changed[k, default: 0] += v }
        for issue in other.samples where samples.filter({ $0.reason == issue.reason }).count < CleaningReport.samplesPerReason {
            samples.append(issue)
        }
        for (k, v) in other.dropped { dropped[k, default: 0] += v }
    }
}
