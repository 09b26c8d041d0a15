import CrimeCore
/// What a synthetic extract holds, counted exactly as it was written: the expectations an ingest and
/// clean of the file must reproduce.
public struct SyntheticManifest: Codable, Sendable, Equatable {
    /// Data rows written (the header is not counted).
    public var rowsWritten = 0
    /// Distinct simulated events (duplicated rows count once).
    public var events = 0
    /// Events caused by near-repeat excitation.
    public var offspring = 0
    /// Rows written without coordinates: ingest drops them as `missing_location`.
    public var missingLocation = 0
    /// Extra copies of located rows with the same `ID`: cleaning drops them as `duplicate`.
    public var duplicate = 0
    /// Located events whose time was replaced by 00:00:00 local of their day.
    public var midnightStamped = 0
    /// Rows left after ingest and duplicate removal: events − missing_location.
    public var expectedRowsKept = 0
    /// Located events per common category (`CategoryMapping.chicago`), each counted once.
    public var categories: [String: Int] = [:]
    /// Earliest written time among located rows (ISO 8601 with the zone's offset).
    public var firstTime: String?
    /// Latest written time among located rows.
    public var lastTime: String?
    /// The city's true branching ratio: expected near-repeat offspring per event
    /// (``SyntheticCityConfig/branchingRatio``).
    public var branchingRatio = 0.0
    /// The city's true mean trigger delay in days (``SyntheticCityConfig/offspringMeanDelay`` / 86 400 s).
    public var triggerDecayDays = 0.0
    /// The city's true spatial trigger spread: the standard deviation in metres of an offspring's
    /// displacement from its parent along each axis (``SyntheticCityConfig/offspringSpread``).
    public var triggerSigmaMetres = 0.0

    /// An empty manifest.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case rowsWritten = "rows_written", events, offspring, missingLocation = "missing_location", duplicate
        case midnightStamped = "midnight_stamped", expectedRowsKept = "expected_rows_kept", categories
        case firstTime = "first_time", lastTime = "last_time"
        case branchingRatio = "branching_ratio", triggerDecayDays = "trigger_decay_days", triggerSigmaMetres = "trigger_sigma_m"
    }
}
