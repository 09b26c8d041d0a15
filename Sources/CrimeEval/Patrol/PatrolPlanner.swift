import CrimeCore
import Foundation

/// What a patrol plan may spend.
public enum PatrolBudget: Sendable, Equatable, CustomStringConvertible {
    /// A number of cells (every cell costs one unit).
    case cells(Int)
    /// Officer-hours, spent at each candidate's `cost`.
    case officerHours(Double)

    public var description: String {
        switch self {
        case let .cells(k): return "\(k) cells"
        case let .officerHours(h): return "\(displayNumber(h)) officer-hours"
        }
    }
}

/// Chooses the cells that cover the most expected incidents for a query window — the Las Vegas
/// study's recommendation engine.
///
/// Candidates are taken greedily by expected incidents per unit of cost (ties: more expected first,
/// then the lower cell id), skipping any that would break a rule: the budget, a minimum distance
/// between chosen cell centres, or a cap on the share of the budget one group (district) may take.
/// With a cell budget and no rules, this is exactly the best k cells. With spacing, caps or unequal
/// costs, greedy selection is the usual heuristic and is not guaranteed optimal (those versions
/// are NP-hard); the plan reports what it covered so that plans can be compared.
public struct PatrolPlanner: Sendable {
    /// Minimum great-circle distance in metres between the centres of two chosen cells (0: none).
    public var minimumSpacing: Double
    /// The largest share of the budget any one group may take, in (0, 1]; nil for no cap.
    public var maximumGroupShare: Double?

    /// Creates a planner with optional spacing and group cap.
    public init(minimumSpacing: Double = 0, maximumGroupShare: Double? = nil) {
        self.minimumSpacing = minimumSpacing
        self.maximumGroupShare = maximumGroupShare
    }

    /// The plan for `budget` over the candidates.
    public func plan(_ candidates: [PatrolCandidate], budget: PatrolBudget) throws -> PatrolPlan {
        guard !candidates.isEmpty else { throw PatrolError.noCandidates }
        guard minimumSpacing.isFinite, minimumSpacing >= 0 else { throw PatrolError.invalidSpacing(minimumSpacing) }
        if let share = maximumGroupShare, !(share > 0 && share <= 1) { throw PatrolError.invalidShare(share) }
        for c in candidates {
            guard c.expected.isFinite, c.expected >= 0 else { throw PatrolError.invalidForecast(cell: c.label, value: c.expected) }
        }
        let costs: [Double]
        let limit: Double
        switch budget {
        case let .cells(k):
            guard k > 0 else { throw PatrolError.budgetNotPositive(budget.description) }
            guard k <= candidates.count else {
                throw PatrolError.budgetExceedsCity(requested: budget.description, available: "\(candidates.count) cells")
            }
            costs = Array(repeating: 1, count: candidates.count)
            limit = Double(k)
        case let .officerHours(hours):
            guard hours.isFinite, hours > 0 else { throw PatrolError.budgetNotPositive(budget.description) }
            for c in candidates where !(c.cost.isFinite && c.cost > 0) {
                throw PatrolError.invalidCost(cell: c.label, value: c.cost)
            }
            costs = candidates.map(\.cost)
            let total = costs.reduce(0, +)
            guard hours <= total else {
                throw PatrolError.budgetExceedsCity(requested: budget.description,
                                                    available: "\(displayNumber(total)) officer-hours")
            }
            limit = hours
        }
        let order = candidates.indices.sorted { a, b in
            let ra = candidates[a].expected / costs[a], rb = candidates[b].expected / costs[b]
            if ra != rb { return ra > rb }
            if candidates[a].expected != candidates[b].expected { return candidates[a].expected > candidates[b].expected }
            return candidates[a].cell.rawValue < candidates[b].cell.rawValue
        }
        var chosen: [Int] = []
        var spent = 0.0
        var groupSpent: [String: Double] = [:]
        let tolerance = 1e-9 * limit
        for i in order {
            let c = candidates[i]
            if spent + costs[i] > limit + tolerance { continue }
            if let share = maximumGroupShare, let group = c.group,
               groupSpent[group, default: 0] + costs[i] > share * limit + tolerance { continue }
            if minimumSpacing > 0,
               chosen.contains(where: { greatCircleMetres(candidates[$0].center, c.center) < minimumSpacing }) { continue }
            chosen.append(i)
            spent += costs[i]
            if let group = c.group { groupSpent[group, default: 0] += costs[i] }
        }
        let total = candidates.reduce(0) { $0 + $1.expected }
        var cumulative = 0.0
        let selections = chosen.enumerated().map { rank, i -> PatrolSelection in
            cumulative += candidates[i].expected
            return PatrolSelection(rank: rank + 1, candidate: candidates[i], cost: costs[i],
                                   cumulativeExpected: cumulative,
                                   cumulativeShare: total > 0 ? cumulative / total : 0)
        }
        return PatrolPlan(budget: budget, selections: selections, budgetUsed: spent,
                          cityExpected: total, cityCells: candidates.count)
    }
}

/// Haversine distance on the mean Earth sphere (radius 6,371,008.8 m), in metres.
func greatCircleMetres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
    let rad = Double.pi / 180
    let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
    let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
    return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
}
