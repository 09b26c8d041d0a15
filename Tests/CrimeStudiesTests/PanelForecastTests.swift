import CrimeCore
import Foundation
import CrimeEval
import CrimeModels
import Testing
import CrimeSynthetic
import CrimeStudies

@Suite("Panel one-step-ahead forecasts")
struct PanelForecastTests {
    /// Two units over periods 0–5; unit "a" grows by 1 a period, unit "b" by 2.
    let panel: Panel

    init() throws {
        let units = Array(repeating: "a", count: 6) + Array(repeating: "b", count: 6)
        let periods = Array(0..<6) + Array(0..<6)
        let target = (0..<6).map { Double($0) } + (0..<6).map { 10 + 2 * Double($0) }
        panel = try Panel(units: units, periods: periods, target: target,
                          predictors: [Panel.Predictor(name: "x", values: periods.map { Double($0) * 0.5 })])
    }

    @Test func laggedDesignByHand() throws {
        let d = try PanelForecast.design(panel)
        #expect(d.names == ["target_t", "target_t-1", "x"])
        // Rows for t = 1…4 of each unit (t − 1 and t + 1 observed).
        #expect(d.units == ["a", "a", "a", "a", "b", "b", "b", "b"])
        #expect(d.periods == [1, 2, 3, 4, 1, 2, 3, 4])
        #expect((0..<3).map { d.x[0, $0] } == [1, 0, 0.5])
        #expect(d.y[0] == 2)
        #expect((0..<3).map { d.x[4, $0] } == [12, 10, 0.5])
        #expect(d.latestUnits == ["a", "b"])
        #expect((0..<2).map { d.latest[1, $0] } == [20, 18])
    }

    /// target(t+1) = 2·target(t) − target(t−1) holds exactly, so OLS forecasts perfectly; persistence
    /// is off by each unit's step.
    @Test func exactLinearDynamicsBeatPersistence() throws {
        let evaluation = try PanelForecast.evaluate(OLS(), panel: panel, testFrom: 4)
        #expect(evaluation.trainRows == 6 && evaluation.testRows == 2)
        #expect(abs(evaluation.r2 - 1) < 1e-9)
        #expect(abs(evaluation.persistenceMAE - 1.5) < 1e-12)
        let next = Dictionary(uniqueKeysWithValues: evaluation.nextPeriod.map { ($0.unit, $0.forecast) })
        #expect(abs((next["a"] ?? 0) - 6) < 1e-9 && abs((next["b"] ?? 0) - 22) < 1e-9)
    }

    @Test func badInputIsTyped() {
        #expect(throws: PanelError.duplicate(unit: "a", period: 0)) {
            try Panel(units: ["a", "a"], periods: [0, 0], target: [1, 2], predictors: [])
        }
        #expect(throws: PanelError.lengthMismatch(column: "x", expected: 2, got: 1)) {
            try Panel(units: ["a", "a"], periods: [0, 1], target: [1, 2], predictors: [Panel.Predictor(name: "x", values: [1])])
        }
        #expect(throws: PanelError.tooShort) {
            try PanelForecast.design(Panel(units: ["a", "a"], periods: [0, 1], target: [1, 2], predictors: []))
        }
        #expect(throws: PanelError.badSplit(0)) { try PanelForecast.evaluate(OLS(), panel: panel, testFrom: 0) }
    }
}

@Suite("Trust study pipeline on a small synthetic panel")
struct TrustPipelineTests {
    /// 12 boroughs × 16 quarters: the log-log model with borough effects recovers the planted
    /// elasticity, and the forest forecast of next quarter covers every borough.
    @Test func smallPanelEndToEnd() throws {
        let boroughs = (0..<12).map { "b\($0)" }
        let panel = try SyntheticTrustPanel(boroughs: boroughs, quarters: 16, seed: 3)
        let table = try DataTable(csv: panel.csv(), file: "panel")
        let fit = try OLS.fit(formula: "log(trust) ~ log(use_of_force) + injury_share + C(borough)", data: table)
        let k = try #require(fit.index(of: "log(use_of_force)"))
        #expect(abs(fit.params[k] - panel.elasticity) < 0.03, "elasticity \(fit.params[k])")
        let rows = panel.rows
        let forecastPanel = try Panel(units: rows.map(\.borough), periods: rows.map(\.quarter), target: rows.map(\.trust),
                                      predictors: [Panel.Predictor(name: "log_use_of_force", values: rows.map { log(Double($0.useOfForce)) })])
        let evaluation = try PanelForecast.evaluate(RandomForestRegressor(trees: 10, minSamplesLeaf: 3, seed: 1),
                                                    panel: forecastPanel, testFrom: 12)
        #expect(evaluation.nextPeriod.map(\.unit) == boroughs.sorted())
        #expect(evaluation.testRows == 12 * 3)
        #expect(evaluation.r2.isFinite && evaluation.mae > 0)
    }
}
