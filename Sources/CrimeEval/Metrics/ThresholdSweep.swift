/// What a threshold sweep maximises.
public enum ThresholdCriterion: String, Sendable, Codable, CaseIterable {
    /// F1 of the positive class.
    case f1
    /// Accuracy.
    case accuracy
    /// Youden's J, recall + specificity − 1.
    case youden

    /// The criterion's value for a confusion matrix.
    public func value(_ m: ConfusionMatrix) -> Double {
        switch self {
        case .f1: return m.f1
        case .accuracy: return m.accuracy
        case .youden:
            return m.recall + ConfusionMatrix.ratio(m.trueNegatives, m.trueNegatives + m.falsePositives) - 1
        }
    }
}

/// One threshold of a sweep and the decisions it gives.
public struct ThresholdPoint: Sendable, Equatable, Codable {
    /// The threshold: scores ≥ it are positive.
    public var threshold: Double
    /// The decisions at that threshold.
    public var confusion: ConfusionMatrix
}

/// A threshold chosen on validation data, to be applied unchanged to test data.
///
/// The only way to make one is ``ThresholdSweep/choose(validationLabels:validationScores:criterion:thresholds:)``,
/// so a test set cannot leak into the choice: the test set enters only through ``evaluate(testLabels:testScores:)``.
public struct ThresholdChoice: Sendable, Equatable, Codable {
    /// The chosen threshold.
    public let threshold: Double
    /// What was maximised.
    public let criterion: ThresholdCriterion
    /// The criterion's value on the validation data at the chosen threshold.
    public let validationScore: Double
    /// The whole validation sweep.
    public let validationSweep: [ThresholdPoint]

    /// The decisions of the chosen threshold on held-out test data.
    public func evaluate(testLabels: [Double], testScores: [Double]) throws -> ConfusionMatrix {
        try ConfusionMatrix(labels: testLabels, scores: testScores, threshold: threshold)
    }
}

/// Threshold sweeps for binary scores.
public enum ThresholdSweep {
    /// The default candidates: 0, 0.01, …, 1.
    public static let defaultThresholds: [Double] = (0...100).map { Double($0) / 100 }

    /// The confusion matrix at each threshold (each must lie in [0, 1]).
    public static func sweep(labels: [Double], scores: [Double],
                             thresholds: [Double] = defaultThresholds) throws -> [ThresholdPoint] {
        guard !thresholds.isEmpty else { throw MetricsError.empty(what: "thresholds") }
        return try thresholds.map { ThresholdPoint(threshold: $0, confusion: try ConfusionMatrix(labels: labels, scores: scores, threshold: $0)) }
    }

    /// Chooses the threshold that maximises `criterion` on validation data; among equal values the
    /// lowest threshold wins. Apply the result to test data with ``ThresholdChoice/evaluate(testLabels:testScores:)``.
    public static func choose(validationLabels: [Double], validationScores: [Double], criterion: ThresholdCriterion = .f1,
                              thresholds: [Double] = defaultThresholds) throws -> ThresholdChoice {
        let points = try sweep(labels: validationLabels, scores: validationScores, thresholds: thresholds)
        var best = 0
        for k in points.indices {
            let v = criterion.value(points[k].confusion), b = criterion.value(points[best].confusion)
            if v > b || (v == b && points[k].threshold < points[best].threshold) { best = k }
        }
        return ThresholdChoice(threshold: points[best].threshold, criterion: criterion,
                               validationScore: criterion.value(points[best].confusion), validationSweep: points)
    }
}
