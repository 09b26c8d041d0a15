import CrimeCore

/// The cells a study keeps, the rule of ``StudyArea`` that kept them, and how many cells the bare
/// bounding box of the incidents would have held instead.
public struct StudyAreaSelection: Sendable, Equatable {
    /// How the cells were chosen.
    public enum Rule: Sendable, Equatable, CustomStringConvertible {
        /// The cells whose centre lies inside a boundary (``StudyArea/cells(of:inside:)``).
        case boundary
        /// The cells holding an incident and their neighbours up to `rings` steps
        /// (``StudyArea/cells(of:around:rings:)``).
        case aroundIncidents(rings: Int)

        /// The rule as a phrase: "whose centre lies inside the boundary".
        public var description: String {
            switch self {
            case .boundary: return "whose centre lies inside the boundary"
            case let .aroundIncidents(rings):
                return "holding an incident, with their neighbours up to \(rings) ring\(rings == 1 ? "" : "s")"
            }
        }
    }

    /// The kept cells.
    public let cells: [CellID]
    /// The rule that kept them.
    public let rule: Rule
    /// The cells of the index that meet the bounding box of the incidents: what a study laid out before
    /// it kept only the city.
    public let boxCellCount: Int

    /// A selection; ``StudyArea/select(of:points:boundary:rings:)`` makes them.
    public init(cells: [CellID], rule: Rule, boxCellCount: Int) {
        self.cells = cells
        self.rule = rule
        self.boxCellCount = boxCellCount
    }

    /// A sentence for reports: "612 cells whose centre lies inside the boundary (the incidents' bounding
    /// box holds 1021)".
    public var summary: String {
        "\(cells.count) cells \(rule) (the incidents' bounding box holds \(boxCellCount))"
    }
}
