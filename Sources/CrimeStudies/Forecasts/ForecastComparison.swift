import CrimeCore
import CrimeEval
import CrimeForecast
import Foundation

/// "Where next week, and how sure?": every method backtested from rolling origins, the leader on
/// PAI at 5 % of the area chosen by that rule (the oracle, when present, is a yardstick and never the
/// leader), its forecast of the window after the data, and a patrol plan for it.
public struct ForecastComparison: Sendable {
    /// Rolling origins of the backtest.
    public var origins: Int
    /// Cells in the patrol plan.
    public var patrolCells: Int
    /// The name of the yardstick method that is reported as a share but never leads.
    public var oracleName: String

    /// A comparison with `origins` origins and a plan of `patrolCells` cells.
    public init(origins: Int = 52, patrolCells: Int = 15, oracleName: String = "oracle") {
        self.origins = origins
        self.patrolCells = patrolCells
        self.oracleName = oracleName
    }

    /// Backtests `methods` on `data`, forecasts the next window from the leader and plans its patrols.
    /// `neighbourhood` and `group` place a cell for the plan's exposure audit (nil: no audit); `progress`
    /// hears the backtest's origins (CrimeEval's `ForecastBacktest.run(_:methods:progress:)`).
    public func run(_ data: ForecastData, methods: [any SpaceTimeForecaster], index: some SpatialIndex,
                    neighbourhood: ((CellID) -> String?)? = nil, group: ((String) -> String)? = nil,
                    progress: ProgressHandler? = nil) throws -> ForecastComparisonResult {
        let backtest = try ForecastBacktest(origins: origins).run(data, methods: methods, progress: progress)
        let contenders = backtest.methods.map(\.name).filter { $0 != oracleName }
        guard !contenders.isEmpty else {
            throw ForecastError.badParameter(name: "methods", reason: "give at least one method besides \(oracleName)")
        }
        let pai = try contenders.map { try backtest.mean(of: .pai(0.05), method: $0) }
        guard let best = pai.indices.filter({ pai[$0].isFinite }).max(by: { pai[$0] < pai[$1] }) else {
            throw ForecastError.badParameter(name: "origins", reason: "no origin observed an incident, so no method can lead on PAI")
        }
        let leader = contenders[best]
        guard let method = methods.first(where: { $0.name == leader }) else { throw ForecastError.unknownMethod(leader, known: contenders) }
        let forecast = try ForwardForecast(data: data, method: method)
        let expected = forecast.window(0)
        let candidates = try PatrolCandidate.from(index: index, cells: data.cells.ids, forecast: expected)
        let plan = try PatrolPlanner().plan(candidates, budget: .cells(min(patrolCells, data.cells.count)))
        var exposure: [DeploymentArea] = []
        if let neighbourhood, let group {
            exposure = DeploymentArea.patrolExposure(plan: plan, candidates: candidates, neighbourhood: neighbourhood, group: group)
        }
        return ForecastComparisonResult(backtest: backtest, leader: leader, forecast: forecast, plan: plan,
                                        planArea: Self.areaShare(of: plan, cells: data.cells), exposure: exposure)
    }

    /// The share of the cells' area the plan covers.
    static func areaShare(of plan: PatrolPlan, cells: ForecastCells) -> Double {
        let chosen = plan.cells
        let total = cells.areas.reduce(0, +)
        let covered = zip(cells.ids, cells.areas).filter { chosen.contains($0.0) }.reduce(0) { $0 + $1.1 }
        return total > 0 ? covered / total : 0
    }
}

/// What ``ForecastComparison/run(_:methods:index:neighbourhood:group:progress:)`` found.
public struct ForecastComparisonResult: Sendable {
    /// The rolling-origin backtest of every method.
    public let backtest: ForecastBacktestResult
    /// The method with the highest mean PAI at 5 % of the area (the oracle excluded).
    public let leader: String
    /// The leader's forecast of the window after the data.
    public let forecast: ForwardForecast
    /// The patrol plan for that window.
    public let plan: PatrolPlan
    /// The share of the cells' area the plan covers.
    public let planArea: Double
    /// The plan's deployment per neighbourhood (empty without neighbourhoods), for a `DisparityAudit`.
    public let exposure: [DeploymentArea]
}
