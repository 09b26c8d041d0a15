import CrimeCore

/// The naive baseline: predicts the mean of the training targets for every row
/// (scikit-learn's `DummyRegressor(strategy="mean")`).
public struct MeanRegressor: Regressor, Sendable {
    /// The learned mean, nil before fitting.
    public internal(set) var mean: Double?
    var featureCount = 0

    /// An unfitted baseline.
    public init() {}

    /// Learns the mean of the targets.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try x.validate()
        guard !y.isEmpty else { throw EstimatorError.emptyTrainingSet }
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        if let bad = y.firstIndex(where: { !$0.isFinite }) { throw EstimatorError.nonFiniteValue(row: bad, column: nil) }
        mean = y.reduce(0, +) / Double(y.count)
        featureCount = x.columns
    }

    /// The training mean for every row.
    public func predict(_ x: Matrix) throws -> [Double] {
        try x.validate()
        guard let mean else { throw EstimatorError.notFitted }
        guard x.columns == featureCount else { throw EstimatorError.featureCountMismatch(expected: featureCount, got: x.columns) }
        return Array(repeating: mean, count: x.rows)
    }
}
