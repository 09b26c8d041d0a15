/// What ``IncidentTable/cleaned(options:report:)`` returns: the cleaned table and the midnight spike
/// measured on the rows that survived the location and duplicate checks (the rows dropped or changed
/// are counted in the ``CleaningReport`` passed in).
public struct CleaningResult: Sendable, Equatable {
    /// The rows kept, after the midnight policy and category re-mapping.
    public var table: IncidentTable
    /// The excess of records stamped exactly midnight, measured before the midnight policy applied.
    public var midnightSpike: MidnightSpike

    /// A result from its table and spike.
    public init(table: IncidentTable, midnightSpike: MidnightSpike) {
        self.table = table
        self.midnightSpike = midnightSpike
    }
}
