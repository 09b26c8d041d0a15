import CrimeCore

/// One chosen cell of a patrol plan.
public struct PatrolSelection: Sendable, Equatable {
    /// 1 for the first cell chosen.
    public var rank: Int
    /// The cell and its forecast.
    public var candidate: PatrolCandidate
    /// What it cost against the budget.
    public var cost: Double
    /// Expected incidents covered by this cell and every higher-ranked one.
    public var cumulativeExpected: Double
    /// `cumulativeExpected` as a share of the whole city's expected incidents.
    public var cumulativeShare: Double
}

/// The cells a planner chose, in rank order, and what they cover.
public struct PatrolPlan: Sendable, Equatable {
    /// The budget the plan was made for.
    public var budget: PatrolBudget
    /// Chosen cells, best first.
    public var selections: [PatrolSelection]
    /// Budget spent (cells or officer-hours).
    public var budgetUsed: Double
    /// Expected incidents over every candidate cell.
    public var cityExpected: Double
    /// The number of candidate cells.
    public var cityCells: Int

    /// Expected incidents in the chosen cells.
    public var coveredExpected: Double { selections.last?.cumulativeExpected ?? 0 }
    /// Share of the city's expected incidents the plan covers.
    public var coveredShare: Double { cityExpected > 0 ? coveredExpected / cityExpected : 0 }
    /// Share of the candidate cells the plan patrols.
    public var cellShare: Double { Double(selections.count) / Double(max(cityCells, 1)) }
    /// The chosen cells.
    public var cells: Set<CellID> { Set(selections.map(\.candidate.cell)) }

    /// The ranked table: rank, cell, group, expected, cost, cumulative expected and share.
    public func table() -> ReportTable {
        ReportTable(
            columns: ["rank", "cell", "group", "expected", "cost", "cumulative_expected", "cumulative_share"],
            rows: selections.map { s in
                [String(s.rank), s.candidate.label, s.candidate.group ?? "", displayNumber(s.candidate.expected),
                 displayNumber(s.cost), displayNumber(s.cumulativeExpected), displayNumber(s.cumulativeShare)]
            })
    }

    /// The chosen cells as GeoJSON polygons with rank, expected and cumulative share.
    public func geoJSON(index: some SpatialIndex) throws -> GeoJSONFeatures {
        try GeoJSONFeatures(index: index, cells: selections.map(\.candidate.cell)) { i in
            let s = selections[i]
            return [("rank", .number(Double(s.rank))), ("expected", .number(s.candidate.expected)),
                    ("cost", .number(s.cost)), ("cumulative_share", .number(s.cumulativeShare)),
                    ("group", s.candidate.group.map(JSONValue.string) ?? .null)]
        }
    }

    /// A map of the forecast over all candidate cells, the chosen ones outlined.
    public func map(index: some SpatialIndex, candidates: [PatrolCandidate], title: String) throws -> ChoroplethMap {
        let chosenRank = Dictionary(uniqueKeysWithValues: selections.map { ($0.candidate.cell, $0.rank) })
        let areas = try candidates.map { c in
            ChoroplethMap.Area(label: c.label, rings: [try index.boundary(of: c.cell)], value: c.expected,
                               details: chosenRank[c.cell].map { [("patrol rank", String($0))] } ?? [],
                               highlighted: chosenRank[c.cell] != nil)
        }
        return ChoroplethMap(title: title, legendTitle: "expected incidents", areas: areas)
    }
}
