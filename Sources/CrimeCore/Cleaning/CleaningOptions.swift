/// What to do with records stamped exactly 00:00:00 local time when the midnight count is a spike.
public enum MidnightPolicy: Sendable, Equatable {
    /// Leave them as they are.
    case keep
    /// Keep them and set ``IncidentFlags/suspectMidnight`` (counted as `midnight_flagged`).
    case flag
    /// Drop every record stamped exactly midnight (counted as `midnight_spike`). Records whose true time
    /// is midnight cannot be told apart from those with an unknown time, so all of them go.
    case drop
    /// Move each to a uniform random second of its own local day, drawn from a ``SeededGenerator``
    /// with this seed, and set ``IncidentFlags/timeSpread`` (counted as `midnight_spread`).
    case spread(seed: UInt64)
}

/// Settings for ``IncidentTable/cleaned(options:report:)``.
///
/// The defaults drop duplicate ids, keep every location, leave categories alone and flag a
/// significant midnight spike.
public struct CleaningOptions: Sendable {
    /// Rows outside this box are dropped as `out_of_bounds`. Default: nil (no box).
    public var bounds: BoundingBox?
    /// Rows whose point has no cell in this index (`cell(containing:)` is nil) are dropped as
    /// `out_of_bounds`. Default: nil (no area).
    public var area: (any SpatialIndex)?
    /// Drop rows whose non-empty id equals an earlier row's id (the first is kept). Default: true.
    public var dropDuplicates: Bool
    /// The mapping to re-apply to every row's offence text. Default: nil (categories are not re-mapped
    /// unless there are overrides).
    public var mapping: CategoryMapping?
    /// Exact offence texts (compared trimmed and upper-cased) whose category the user fixes. They win
    /// over ``mapping``; with no mapping, only rows whose text is overridden change. Default: none.
    public var categoryOverrides: [String: CrimeCategory]
    /// What to do with a significant midnight spike. Default: ``MidnightPolicy/flag``.
    public var midnight: MidnightPolicy
    /// The Poisson upper-tail probability below which the midnight count is a spike. Default: 0.001.
    public var spikeThreshold: Double
    /// The file name written into the report's samples. Default: empty.
    public var file: String
    /// The source record of each row, for the record numbers of the report's samples: an ingest's
    /// ``IngestResult/sourceRecords``. Default: row + 2 (a CSV file with nothing dropped before cleaning).
    public var sourceRecords: SourceRecords
    /// Rows whose local day (in the table's zone) is before this day are dropped as `out_of_period`.
    /// Default: nil (no lower limit).
    public var since: LocalDay?
    /// Rows whose local day is after this day (that day is kept) are dropped as `out_of_period`.
    /// Default: nil (no upper limit).
    public var until: LocalDay?

    /// Creates options; every argument has the documented default.
    public init(bounds: BoundingBox? = nil, area: (any SpatialIndex)? = nil, dropDuplicates: Bool = true,
                mapping: CategoryMapping? = nil, categoryOverrides: [String: CrimeCategory] = [:],
                midnight: MidnightPolicy = .flag, spikeThreshold: Double = MidnightSpike.defaultThreshold,
                file: String = "", since: LocalDay? = nil, until: LocalDay? = nil,
                sourceRecords: SourceRecords = SourceRecords()) {
        self.sourceRecords = sourceRecords
        self.since = since
        self.until = until
        self.bounds = bounds
        self.area = area
        self.dropDuplicates = dropDuplicates
        self.mapping = mapping
        self.categoryOverrides = categoryOverrides
        self.midnight = midnight
        self.spikeThreshold = spikeThreshold
        self.file = file
    }
}
