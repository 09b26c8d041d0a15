import CrimeCore

/// Permutation feature importances (scikit-learn's `sklearn.inspection.permutation_importance`):
/// how much the score drops when one column is shuffled, over several shuffles.
public struct PermutationImportance: Sendable, Equatable {
    /// The score on the unshuffled data (R² for regressors, accuracy for classifiers).
    public var baseline: Double
    /// Mean score drop per feature.
    public var mean: [Double]
    /// Population standard deviation of the drop per feature.
    public var standardDeviation: [Double]

    /// Shuffles each column of `x` `repeats` times with seeded shuffles and scores `predict` against `y`.
    static func compute(_ x: Matrix, _ y: [Double], repeats: Int, seed: UInt64,
                        score: ([Double], [Double]) -> Double,
                        predict: (Matrix) throws -> [Double]) throws -> PermutationImportance {
        try x.validate()
        guard x.rows > 0 else { throw ForestError.emptyEvaluationSet }
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        guard repeats >= 1 else {
            throw ForestError.invalidHyperparameter(name: "repeats", value: "\(repeats)", requirement: "at least 1")
        }
        let baseline = score(y, try predict(x))
        var means = [Double](repeating: 0, count: x.columns)
        var deviations = [Double](repeating: 0, count: x.columns)
        let root = SeededGenerator(seed: seed)
        for f in 0..<x.columns {
            var rng = root.split(f)
            var drops: [Double] = []
            var shuffled = x
            var column = x.column(f)
            for _ in 0..<repeats {
                for i in stride(from: column.count - 1, to: 0, by: -1) {
                    column.swapAt(i, Int(rng.next().multipliedFullWidth(by: UInt64(i + 1)).high))
                }
                for i in 0..<x.rows { shuffled[i, f] = column[i] }
                drops.append(baseline - score(y, try predict(shuffled)))
            }
            let mean = drops.reduce(0, +) / Double(repeats)
            means[f] = mean
            deviations[f] = (drops.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(repeats)).squareRoot()
        }
        return PermutationImportance(baseline: baseline, mean: means, standardDeviation: deviations)
    }
}

extension RandomForestRegressor {
    /// The drop in R² when each feature is shuffled (`repeats` seeded shuffles per feature).
    public func permutationImportances(_ x: Matrix, targets y: [Double], repeats: Int = 5,
                                       seed: UInt64 = 0) throws -> PermutationImportance {
        try PermutationImportance.compute(x, y, repeats: repeats, seed: seed, score: ForestScores.r2, predict: predict)
    }
}

extension RandomForestClassifier {
    /// The drop in accuracy when each feature is shuffled (`repeats` seeded shuffles per feature).
    public func permutationImportances(_ x: Matrix, targets y: [Double], repeats: Int = 5,
                                       seed: UInt64 = 0) throws -> PermutationImportance {
        try PermutationImportance.compute(x, y, repeats: repeats, seed: seed, score: ForestScores.accuracy, predict: predict)
    }
}
