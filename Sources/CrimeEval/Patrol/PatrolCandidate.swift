import CrimeCore

/// A cell the planner may send patrols to, with its forecast for the query window.
public struct PatrolCandidate: Sendable, Equatable {
    /// The cell.
    public var cell: CellID
    /// Its label (`882a100d25fffff`, `r07c12`, `ROGERS PARK`).
    public var label: String
    /// Its centre, for spacing rules and maps.
    public var center: GeoPoint
    /// Expected incidents in the query window.
    public var expected: Double
    /// Officer-hours it takes to cover the cell for the window (1 when every cell costs the same).
    public var cost: Double
    /// The larger area it belongs to (district, neighbourhood) for share caps, if any.
    public var group: String?

    /// Creates a candidate.
    public init(cell: CellID, label: String, center: GeoPoint, expected: Double, cost: Double = 1, group: String? = nil) {
        self.cell = cell
        self.label = label
        self.center = center
        self.expected = expected
        self.cost = cost
        self.group = group
    }

    /// One candidate per cell of a spatial index with its forecast; `costs` and `groups`, when
    /// given, pair up with `cells` too.
    public static func from(index: some SpatialIndex, cells: [CellID], forecast: [Double],
                            costs: [Double]? = nil, groups: [String]? = nil) throws -> [PatrolCandidate] {
        guard forecast.count == cells.count else {
            throw PatrolError.lengthMismatch(what: "forecast", expected: cells.count, got: forecast.count)
        }
        if let costs, costs.count != cells.count {
            throw PatrolError.lengthMismatch(what: "costs", expected: cells.count, got: costs.count)
        }
        if let groups, groups.count != cells.count {
            throw PatrolError.lengthMismatch(what: "groups", expected: cells.count, got: groups.count)
        }
        return try cells.enumerated().map { i, cell in
            PatrolCandidate(cell: cell, label: index.label(of: cell), center: try index.center(of: cell),
                            expected: forecast[i], cost: costs?[i] ?? 1, group: groups?[i])
        }
    }
}
