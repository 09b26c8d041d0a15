import CrimeCore
import CrimeEval
import CrimeModels
import Foundation

/// The use-of-force and public-trust study: OLS regressions of survey trust on use-of-force counts,
/// outcomes and subject age groups per borough and quarter (with log-log elasticities), and a random
/// forest forecast of next quarter's trust scored against persistence.
///
/// The panel table has one row per borough and quarter with the columns `borough` (text), `quarter`,
/// `use_of_force`, `arrest_share`, `injury_share`, `age_11_17`, `age_18_34`, `age_35_49`,
/// `age_50_plus` (counts) and `trust` (the share trusting the police, 0–1).
public struct TrustStudy: Sendable {
    /// One regression of the study: a title and a formula.
    public struct Specification: Sendable, Equatable {
        /// A short title (`Log-log`).
        public let title: String
        /// The formula (`log(trust) ~ log(use_of_force)`).
        public let formula: String
    }

    /// The study's five regressions: count, outcomes, age groups, log-log, log-log with borough effects.
    public static let specifications = [
        Specification(title: "Count", formula: "trust ~ use_of_force"),
        Specification(title: "Outcomes", formula: "trust ~ arrest_share + injury_share"),
        Specification(title: "Age groups", formula: "trust ~ age_11_17 + age_18_34 + age_35_49 + age_50_plus"),
        Specification(title: "Log-log", formula: "log(trust) ~ log(use_of_force)"),
        Specification(title: "Log-log, borough effects", formula: "log(trust) ~ log(use_of_force) + injury_share + C(borough)"),
    ]

    /// Trees of the forecasting forest.
    public var trees: Int
    /// Quarters held out at the end to score the forecast.
    public var testQuarters: Int
    /// Seed of the forest.
    public var seed: UInt64

    /// A study with the given forest size, held-out quarters and seed.
    public init(trees: Int = 300, testQuarters: Int = 4, seed: UInt64 = 1) {
        self.trees = trees
        self.testQuarters = testQuarters
        self.seed = seed
    }

    /// Fits the regressions and the forecast.
    public func run(_ table: DataTable) throws -> TrustStudyResult {
        let regressions = try Self.specifications.map { spec in
            let fit = try OLS.fit(formula: spec.formula, data: table)
            let term = fit.termNames.first { $0.contains("use_of_force") } ?? fit.termNames[min(1, fit.termNames.count - 1)]
            return TrustRegression(specification: spec, fit: fit, effect: try fit.effect(of: term))
        }
        let panel = try Self.panel(table)
        let forest = RandomForestRegressor(trees: trees, minSamplesLeaf: 3, maxFeatures: .fraction(0.5), seed: seed)
        let lastPeriod = panel.periods.max() ?? 0
        let evaluation = try PanelForecast.evaluate(forest, panel: panel, testFrom: lastPeriod - testQuarters)
        return TrustStudyResult(rows: table.rowCount, regressions: regressions, panel: panel, forecast: evaluation)
    }

    /// The panel for forecasting: trust by borough and quarter with use of force (log), the outcome
    /// shares and each age group's share of the use-of-force count; a missing cell in any of them is an
    /// error naming its row and column.
    public static func panel(_ table: DataTable) throws -> Panel {
        let ages = ["age_11_17", "age_18_34", "age_35_49", "age_50_plus"]
        _ = try table.handlingMissing(.error, in: ["borough", "quarter", "trust", "use_of_force", "arrest_share", "injury_share"] + ages)
        func numbers(_ name: String) throws -> [Double] {
            guard case let .numeric(values)? = table.column(name) else { throw PanelError.missingColumn(name, kind: "numeric") }
            return values
        }
        guard case let .text(boroughs)? = table.column("borough") else { throw PanelError.missingColumn("borough", kind: "text") }
        let uof = try numbers("use_of_force")
        let shares = try ages.map { name in
            Panel.Predictor(name: "share_\(name)", values: zip(try numbers(name), uof).map { $1 > 0 ? $0 / $1 : 0 })
        }
        return try Panel(units: boroughs, periods: try numbers("quarter").map { Int($0) }, target: try numbers("trust"),
                         predictors: [Panel.Predictor(name: "log_use_of_force", values: uof.map { log(max($0, 1)) }),
                                      Panel.Predictor(name: "arrest_share", values: try numbers("arrest_share")),
                                      Panel.Predictor(name: "injury_share", values: try numbers("injury_share"))] + shares)
    }
}

/// One fitted regression of the trust study.
public struct TrustRegression: Sendable {
    /// Its title and formula.
    public let specification: TrustStudy.Specification
    /// The OLS fit.
    public let fit: OLSResult
    /// The effect of the use-of-force term, in words.
    public let effect: CoefficientEffect
}

/// What ``TrustStudy/run(_:)`` found.
public struct TrustStudyResult: Sendable {
    /// Borough-quarters in the table.
    public let rows: Int
    /// The regressions, in the order of ``TrustStudy/specifications``.
    public let regressions: [TrustRegression]
    /// The forecasting panel.
    public let panel: Panel
    /// The forest's next-quarter forecast, scored against persistence.
    public let forecast: PanelForecast.Evaluation
}
