import CrimeCore

/// Validated training data laid out for tree growing: features as `Float` columns (as scikit-learn
/// rounds them), targets, and for classification the class index of every row.
struct TrainingSet: Sendable {
    let rows: Int
    let columns: Int
    /// Column-major features: column `j` is `features[j*rows ..< (j+1)*rows]`.
    let features: [Float]
    let targets: [Double]
    /// Class index per row (classification only).
    let classIndex: [Int32]
    /// Sorted distinct labels (classification only).
    let classes: [Double]

    /// Checks shape and values and converts; `classify` encodes the targets as classes.
    init(_ x: Matrix, _ y: [Double], classify: Bool) throws {
        try x.validate()
        guard x.rows > 0, x.columns > 0 else { throw EstimatorError.emptyTrainingSet }
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        if let bad = y.firstIndex(where: { !$0.isFinite }) { throw EstimatorError.nonFiniteValue(row: bad, column: nil) }
        let rows = x.rows, columns = x.columns
        self.rows = rows
        self.columns = columns
        var cols = [Float](repeating: 0, count: rows * columns)
        try x.values.withUnsafeBufferPointer { v in
            for i in 0..<rows {
                for j in 0..<columns {
                    let d = v[i * columns + j]
                    guard d.isFinite else { throw EstimatorError.nonFiniteValue(row: i, column: j) }
                    let f = Float(d)
                    guard f.isFinite else { throw ForestError.featureOutOfRange(row: i, column: j, value: d) }
                    cols[j * rows + i] = f
                }
            }
        }
        features = cols
        targets = y
        if classify {
            let labels = Array(Set(y)).sorted()
            guard labels.count >= 2 else { throw ForestError.singleClass(label: labels[0]) }
            var lookup: [Double: Int32] = [:]
            for (k, label) in labels.enumerated() { lookup[label] = Int32(k) }
            classes = labels
            classIndex = y.map { lookup[$0] ?? 0 }
        } else {
            classes = []
            classIndex = []
        }
    }

    /// Each row's weight under a class weighting (all ones for regression or `.none`).
    func rowWeights(_ weighting: ClassWeight) throws -> [Double] {
        guard weighting != .none, !classes.isEmpty else { return [Double](repeating: 1, count: rows) }
        let perClass = try weighting.weights(classes: classes, targets: targets)
        return classIndex.map { perClass[Int($0)] }
    }

    /// Throws unless every target is non-negative and their sum is positive (Poisson criterion).
    func checkPoissonTargets() throws {
        if let bad = targets.firstIndex(where: { $0 < 0 }) { throw ForestError.badPoissonTarget(row: bad, value: targets[bad]) }
        let sum = targets.reduce(0, +)
        guard sum > 0 else { throw ForestError.badPoissonTarget(row: nil, value: sum) }
    }
}
