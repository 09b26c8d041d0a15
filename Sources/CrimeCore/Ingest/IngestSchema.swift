/// How to read one portal's extract: which columns hold what, the timestamp format and the time zone.
///
/// Column fields hold candidates: the first one present in the file's header is used. The presets
/// for the portals CrimeKit knows are in `IngestSchema+Presets.swift`; anything else is described by
/// a column mapping (see ``IngestSchema/init(mappingFile:)``).
///
/// Absent columns: the time, category and location columns are required, and so is the id column
/// when candidates are given; a missing one throws ``IngestError/missingColumn(file:column:present:)``.
/// An extra column that is absent is kept as a column of empty strings and listed in
/// ``IngestResult/absentColumns``, so tables from different years of one portal still line up.
public struct IngestSchema: Sendable, Equatable {
    /// The preset's name, or the mapping file's name.
    public var name: String
    /// IANA time zone of the wall-clock times (`America/Chicago`).
    public var zone: String
    /// Candidates for the column holding the date (and usually the time).
    public var timeColumns: [String]
    /// The pattern of the time column (see ``TimestampFormat``).
    public var timeFormat: String
    /// Candidates for a separate time-of-day column; empty when the time column holds the time.
    /// When present, the time-of-day read from the time column is replaced by this one.
    public var timeOfDayColumns: [String]
    /// The pattern of the time-of-day column (`HH:mm:ss`, or `HHmm` for a number like `1305`).
    public var timeOfDayFormat: String
    /// Candidates for the incident id column; empty for extracts without one (ids are then empty).
    public var idColumns: [String]
    /// Latitude columns, paired with ``longitudeColumns``: each row uses the first pair with a value.
    public var latitudeColumns: [String]
    /// Longitude columns, paired with ``latitudeColumns``.
    public var longitudeColumns: [String]
    /// Coordinates the portal uses for "unknown" besides (0, 0), which is always a placeholder.
    public var placeholders: [GeoPoint]
    /// Candidates for the portal's offence text.
    public var categoryColumns: [String]
    /// Maps the offence text to the common categories.
    public var categoryMapping: CategoryMapping
    /// Extra text columns to keep, in order.
    public var extraColumns: [String]

    /// Creates a schema.
    public init(name: String, zone: String, timeColumns: [String], timeFormat: String,
                timeOfDayColumns: [String] = [], timeOfDayFormat: String = "HH:mm:ss",
                idColumns: [String], latitudeColumns: [String], longitudeColumns: [String],
                placeholders: [GeoPoint] = [], categoryColumns: [String], categoryMapping: CategoryMapping,
                extraColumns: [String] = []) {
        self.name = name
        self.zone = zone
        self.timeColumns = timeColumns
        self.timeFormat = timeFormat
        self.timeOfDayColumns = timeOfDayColumns
        self.timeOfDayFormat = timeOfDayFormat
        self.idColumns = idColumns
        self.latitudeColumns = latitudeColumns
        self.longitudeColumns = longitudeColumns
        self.placeholders = placeholders
        self.categoryColumns = categoryColumns
        self.categoryMapping = categoryMapping
        self.extraColumns = extraColumns
    }

    /// True when a location is (0, 0) or one of the portal's placeholders.
    func isPlaceholder(latitude: Double, longitude: Double) -> Bool {
        if latitude == 0 && longitude == 0 { return true }
        return placeholders.contains { $0.latitude == latitude && $0.longitude == longitude }
    }
}
