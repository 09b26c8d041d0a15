import CrimeCore

/// Permutation feature importance (scikit-learn's `permutation_importance`): how much a score drops
/// when one feature's column is shuffled, averaged over `repeats` seeded shuffles.
public enum PermutationImportance {
    /// The mean score drop per feature; `score` rates a prediction matrix against the targets it was given
    /// (higher is better). Shuffle `r` of feature `j` uses `SeededGenerator(seed:).split(j × repeats + r)`.
    public static func compute(_ x: Matrix, repeats: Int = 5, seed: UInt64 = 0,
                               score: (Matrix) throws -> Double) throws -> [Double] {
        try x.validate()
        guard repeats >= 1 else { throw ForestError.badHyperparameter(name: "repeats", value: "\(repeats)", rule: "must be at least 1") }
        let baseline = try score(x)
        let root = SeededGenerator(seed: seed)
        var drops = [Double](repeating: 0, count: x.columns)
        for j in 0..<x.columns {
            for r in 0..<repeats {
                var generator = root.split(j * repeats + r)
                var shuffled = x
                let column = x.column(j).shuffled(using: &generator)
                for i in 0..<x.rows { shuffled[i, j] = column[i] }
                drops[j] += (baseline - (try score(shuffled))) / Double(repeats)
            }
        }
        return drops
    }
}

extension RandomForestRegressor {
    /// The mean drop in R² when each feature is shuffled (see ``PermutationImportance``).
    public func permutationImportances(_ x: Matrix, targets y: [Double], repeats: Int = 5, seed: UInt64 = 0) throws -> [Double] {
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        return try PermutationImportance.compute(x, repeats: repeats, seed: seed) { m in
            OutOfBag.r2(y, try predict(m)) ?? 0
        }
    }
}

extension RandomForestClassifier {
    /// The mean drop in accuracy when each feature is shuffled (see ``PermutationImportance``).
    public func permutationImportances(_ x: Matrix, targets y: [Double], repeats: Int = 5, seed: UInt64 = 0) throws -> [Double] {
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        return try PermutationImportance.compute(x, repeats: repeats, seed: seed) { m in
            let predicted = try predict(m)
            return Double(zip(predicted, y).filter { $0 == $1 }.count) / Double(max(y.count, 1))
        }
    }
}
