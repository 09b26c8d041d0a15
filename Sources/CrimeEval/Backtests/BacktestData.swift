import CrimeCore

/// The rows a backtest scores: features, targets, and each row's time window and cell.
public struct BacktestData: Sendable {
    /// One row of features per (window, cell).
    public let features: Matrix
    /// The observed count of each row.
    public let targets: [Double]
    /// Each row's time key (window ordinal); windows are ordered by this key.
    public let windows: [Int]
    /// Each row's cell ordinal (for the naive baselines).
    public let cells: [Int]
    /// Windows per seasonal cycle: the seasonal baseline pools windows whose ordinals agree modulo
    /// this period (7 for daily windows → weekday; 168 for hourly windows → weekday × hour).
    public let seasonPeriod: Int

    /// Rows from parts; throws when the features' values do not match their shape (`MatrixError`), lengths
    /// disagree, a value is not finite or the period is < 1.
    public init(features: Matrix, targets: [Double], windows: [Int], cells: [Int], seasonPeriod: Int = 7) throws {
        try features.validate()
        guard features.rows > 0 else { throw MetricsError.empty(what: "backtest rows") }
        for (name, count) in [("targets", targets.count), ("windows", windows.count), ("cells", cells.count)] where count != features.rows {
            throw MetricsError.lengthMismatch(what: name, expected: features.rows, got: count)
        }
        try MetricsCheck.finite(targets, "targets")
        try MetricsCheck.finite(features.values, "features")
        guard seasonPeriod >= 1 else { throw MetricsError.badParameter(name: "season period", reason: "must be ≥ 1, got \(seasonPeriod)") }
        if let bad = cells.firstIndex(where: { $0 < 0 }) {
            throw MetricsError.outOfDomain(what: "cells", index: bad, value: Double(cells[bad]), requirement: "cell ordinals must be ≥ 0")
        }
        self.features = features
        self.targets = targets
        self.windows = windows
        self.cells = cells
        self.seasonPeriod = seasonPeriod
    }

    /// The rows of a cube's feature table (CrimeCore's `SpaceTimeCube.features(_:neighbors:)`).
    public init(table: FeatureTable, seasonPeriod: Int = 7) throws {
        try self.init(features: table.matrix, targets: table.targets, windows: table.windowOrdinals,
                      cells: table.cellOrdinals, seasonPeriod: seasonPeriod)
    }
}

/// A model in a backtest: a name and a factory that makes a fresh, unfitted regressor per fold.
public struct BacktestModel {
    /// The name in the result table.
    public let name: String
    let make: () throws -> any Regressor

    /// A model made by a closure (a plugin's initialiser, `EstimatorRegistry.make`, …).
    public init(name: String, make: @escaping () throws -> any Regressor) {
        self.name = name
        self.make = make
    }

    /// A model copied from an unfitted value before each fold (regressors are values).
    public init(name: String, _ prototype: any Regressor) {
        self.name = name
        make = { prototype }
    }
}
