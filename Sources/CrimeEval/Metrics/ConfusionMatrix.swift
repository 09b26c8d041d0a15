/// Counts of a binary decision against binary truth, and the scores read from them.
///
/// Precision, recall and F1 follow scikit-learn with `zero_division=0`: a ratio whose
/// denominator is zero is 0.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    /// Positives predicted positive.
    public var truePositives: Int
    /// Negatives predicted positive.
    public var falsePositives: Int
    /// Negatives predicted negative.
    public var trueNegatives: Int
    /// Positives predicted negative.
    public var falseNegatives: Int

    /// A matrix from its four counts.
    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts the decisions `score ≥ threshold` against the labels (0 or 1).
    ///
    /// Throws for empty, mismatched or non-finite inputs, labels other than 0/1 and a threshold
    /// outside [0, 1].
    public init(labels: [Double], scores: [Double], threshold: Double = 0.5) throws {
        try MetricsCheck.threshold(threshold)
        try MetricsCheck.binaryPair(labels, scores)
        var tp = 0, fp = 0, tn = 0, fn = 0
        labels.withUnsafeBufferPointer { y in
            scores.withUnsafeBufferPointer { s in
                for i in 0..<y.count {
                    let positive = s[i] >= threshold
                    if y[i] == 1 { if positive { tp += 1 } else { fn += 1 } } else if positive { fp += 1 } else { tn += 1 }
                }
            }
        }
        self.init(truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn)
    }

    /// All samples.
    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// The matrix as scikit-learn's `confusion_matrix` prints it: `[[tn, fp], [fn, tp]]`.
    public var table: [[Int]] { [[trueNegatives, falsePositives], [falseNegatives, truePositives]] }

    /// (tp + tn) / total.
    public var accuracy: Double { Self.ratio(truePositives + trueNegatives, total) }

    /// tp / (tp + fp), 0 when nothing was predicted positive.
    public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }

    /// tp / (tp + fn), 0 when there are no positives.
    public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }

    /// 2·tp / (2·tp + fp + fn), 0 when that denominator is 0.
    public var f1: Double { Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
