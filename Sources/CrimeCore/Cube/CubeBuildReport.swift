/// What happened to every incident offered to a space-time cube: counted or left out, by reason.
///
/// `offered == counted + outsideIndex + outsideCells + outsideWindows + filteredOut`.
public struct CubeBuildReport: Sendable, Equatable, Codable {
    /// Incidents offered.
    public var offered = 0
    /// Incidents counted in some (cell, window).
    public var counted = 0
    /// Incidents whose point no cell of the spatial index contains.
    public var outsideIndex = 0
    /// Incidents in a cell of the index that is not in the cube's cell list.
    public var outsideCells = 0
    /// Incidents whose time falls outside the cube's windows.
    public var outsideWindows = 0
    /// Incidents left out by the category filter.
    public var filteredOut = 0

    /// An empty report.
    public init() {}

    /// Adds another report's tallies.
    mutating func add(_ other: CubeBuildReport) {
        offered += other.offered
        counted += other.counted
        outsideIndex += other.outsideIndex
        outsideCells += other.outsideCells
        outsideWindows += other.outsideWindows
        filteredOut += other.filteredOut
    }
}
