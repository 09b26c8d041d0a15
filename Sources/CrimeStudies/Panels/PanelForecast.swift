import CrimeCore
import Foundation
import CrimeEval

/// One-step-ahead forecasts on a panel: the target in period t + 1 from the target in t and t − 1
/// and the predictors in t, for any `Regressor`, scored against persistence (the value in t).
public struct PanelForecast: Sendable {
    /// The lagged design: one row per unit and period t that has t − 1 (and t + 1 for training rows).
    public struct Design: Sendable {
        /// Column names: `target_t`, `target_t-1`, then each predictor at t.
        public let names: [String]
        /// Rows whose next period is observed.
        public let x: Matrix
        /// The target in t + 1 for each row of `x`.
        public let y: [Double]
        /// Unit and period t of each row of `x`.
        public let units: [String], periods: [Int]
        /// The rows for each unit's last observed period: the inputs of the forecast beyond the data.
        public let latest: Matrix
        /// Units of the `latest` rows.
        public let latestUnits: [String]
    }

    /// Builds the lagged design.
    public static func design(_ panel: Panel) throws -> Design {
        var index: [String: Int] = [:]
        for i in panel.units.indices { index["\(panel.units[i])\u{1}\(panel.periods[i])"] = i }
        func row(_ unit: String, _ period: Int) -> Int? { index["\(unit)\u{1}\(period)"] }
        let names = ["target_t", "target_t-1"] + panel.predictors.map(\.name)
        var x = [Double](), y = [Double](), units = [String](), periods = [Int]()
        var latest = [Double](), latestUnits = [String]()
        let lastPeriod = Dictionary(panel.units.indices.map { (panel.units[$0], panel.periods[$0]) }, uniquingKeysWith: max)
        for i in panel.units.indices.sorted(by: { (panel.units[$0], panel.periods[$0]) < (panel.units[$1], panel.periods[$1]) }) {
            let unit = panel.units[i], t = panel.periods[i]
            guard let previous = row(unit, t - 1) else { continue }
            let features = [panel.target[i], panel.target[previous]] + panel.predictors.map { $0.values[i] }
            if let next = row(unit, t + 1) {
                x += features
                y.append(panel.target[next])
                units.append(unit)
                periods.append(t)
            }
            if lastPeriod[unit] == t {
                latest += features
                latestUnits.append(unit)
            }
        }
        guard !y.isEmpty else { throw PanelError.tooShort }
        return Design(names: names, x: Matrix(rows: y.count, columns: names.count, values: x), y: y, units: units,
                      periods: periods, latest: Matrix(rows: latestUnits.count, columns: names.count, values: latest),
                      latestUnits: latestUnits)
    }

    /// One unit's forecast for its next, unobserved period.
    public struct UnitForecast: Sendable, Hashable {
        /// The unit (borough, district).
        public let unit: String
        /// The forecast value of the target.
        public let forecast: Double
    }

    /// Scores of a model and of persistence on the held-out periods.
    public struct Evaluation: Sendable {
        /// R² and MAE of the model on rows whose period t is at least the split.
        public let r2: Double, mae: Double
        /// R² and MAE of persistence (the value in t) on the same rows.
        public let persistenceR2: Double, persistenceMAE: Double
        /// Rows used for training and testing.
        public let trainRows: Int, testRows: Int
        /// The model refitted on every row, predicting each unit's next, unobserved period.
        public let nextPeriod: [UnitForecast]
    }

    /// Fits `model` on rows with period t below `testFrom`, scores it on the rest, then refits on all
    /// rows and forecasts the period after each unit's last.
    public static func evaluate(_ model: some Regressor, panel: Panel, testFrom: Int) throws -> Evaluation {
        let d = try design(panel)
        let train = d.periods.indices.filter { d.periods[$0] < testFrom }
        let test = d.periods.indices.filter { d.periods[$0] >= testFrom }
        guard !train.isEmpty, !test.isEmpty else { throw PanelError.badSplit(testFrom) }
        func rows(_ idx: [Int]) -> Matrix {
            Matrix(rows: idx.count, columns: d.x.columns, values: idx.flatMap { i in (0..<d.x.columns).map { d.x[i, $0] } })
        }
        var fitted = model
        try fitted.fit(rows(train), targets: train.map { d.y[$0] })
        let forecast = try fitted.predict(rows(test))
        let truth = test.map { d.y[$0] }
        let persistence = test.map { d.x[$0, 0] }
        var final = model
        try final.fit(d.x, targets: d.y)
        let next = try final.predict(d.latest)
        return Evaluation(r2: Metrics.r2(truth, forecast), mae: Metrics.meanAbsoluteError(truth, forecast),
                          persistenceR2: Metrics.r2(truth, persistence),
                          persistenceMAE: Metrics.meanAbsoluteError(truth, persistence),
                          trainRows: train.count, testRows: test.count,
                          nextPeriod: zip(d.latestUnits, next).map { UnitForecast(unit: $0, forecast: $1) })
    }
}
