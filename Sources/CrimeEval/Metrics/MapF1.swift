/// Which neighbour turns a false positive into a hit in ``MapF1/neighbourTolerant(truth:predicted:height:width:threshold:rule:zeroDivision:)``.
public enum NeighbourRule: String, Sendable, Codable {
    /// A neighbour that is a true positive (predicted positive and truly positive).
    case truePositive
    /// A neighbour that is truly positive, whether predicted or not.
    case actualPositive
}

/// The mobility study's F1 over forecast maps: each sample is an H×W map of cells flattened row by
/// row (index `r·W + c`); a cell is predicted positive when its score is ≥ the threshold and truly
/// positive when its truth is > 0.
public enum MapF1 {
    /// F1 computed per sample and averaged over samples, as scikit-learn's
    /// `f1_score(truth, predicted, average="samples", zero_division=z)` on the binarised maps: a
    /// sample with no true and no predicted positives scores `zeroDivision` (scikit-learn's default
    /// behaves as 0).
    ///
    /// `truth` and `predicted` hold `samples × height × width` values.
    public static func perSample(truth: [Double], predicted: [Double], height: Int, width: Int,
                                 threshold: Double = 0.5, zeroDivision: Double = 0) throws -> Double {
        try score(truth: truth, predicted: predicted, height: height, width: width, threshold: threshold,
                  rule: nil, zeroDivision: zeroDivision)
    }

    /// The neighbour-tolerant variant. Within each sample, a false positive (predicted positive,
    /// truly negative) at (r, c) counts as a true positive when one of its up-to-8 neighbours
    /// (r±1, c±1 inside the same sample's H×W map; no wrap-around, never across samples) satisfies
    /// `rule` — by default, is itself a true positive. False negatives are unchanged, so per sample
    /// F1 = 2·TP′ / (2·TP′ + FP′ + FN) with TP′ = TP + tolerated and FP′ = FP − tolerated; the
    /// samples' F1 values are averaged as in ``perSample(truth:predicted:height:width:threshold:zeroDivision:)``.
    public static func neighbourTolerant(truth: [Double], predicted: [Double], height: Int, width: Int,
                                         threshold: Double = 0.5, rule: NeighbourRule = .truePositive,
                                         zeroDivision: Double = 0) throws -> Double {
        try score(truth: truth, predicted: predicted, height: height, width: width, threshold: threshold,
                  rule: rule, zeroDivision: zeroDivision)
    }

    private static func score(truth: [Double], predicted: [Double], height: Int, width: Int, threshold: Double,
                              rule: NeighbourRule?, zeroDivision: Double) throws -> Double {
        guard height >= 1, width >= 1 else {
            throw MetricsError.badParameter(name: "map shape", reason: "height and width must be at least 1, got \(height)×\(width)")
        }
        try MetricsCheck.threshold(threshold)
        try MetricsCheck.pair(truth, "truth maps", predicted, "predicted maps")
        let cells = height * width
        guard truth.count % cells == 0 else {
            throw MetricsError.badParameter(name: "map shape", reason: "\(truth.count) values are not a whole number of \(height)×\(width) maps")
        }
        let samples = truth.count / cells
        var total = 0.0
        truth.withUnsafeBufferPointer { t in
            predicted.withUnsafeBufferPointer { p in
                for s in 0..<samples {
                    let base = s * cells
                    func isTruth(_ i: Int) -> Bool { t[base + i] > 0 }
                    func isPredicted(_ i: Int) -> Bool { p[base + i] >= threshold }
                    var tp = 0, fp = 0, fn = 0
                    for i in 0..<cells {
                        switch (isPredicted(i), isTruth(i)) {
                        case (true, true): tp += 1
                        case (false, true): fn += 1
                        case (true, false):
                            if let rule, hasNeighbour(i, height: height, width: width, where: { j in
                                rule == .truePositive ? isTruth(j) && isPredicted(j) : isTruth(j)
                            }) {
                                tp += 1
                            } else {
                                fp += 1
                            }
                        case (false, false): break
                        }
                    }
                    let denominator = 2 * tp + fp + fn
                    total += denominator == 0 ? zeroDivision : Double(2 * tp) / Double(denominator)
                }
            }
        }
        return total / Double(samples)
    }

    private static func hasNeighbour(_ i: Int, height: Int, width: Int, where test: (Int) -> Bool) -> Bool {
        let r = i / width, c = i % width
        for dr in -1...1 {
            for dc in -1...1 where dr != 0 || dc != 0 {
                let rr = r + dr, cc = c + dc
                if rr >= 0, rr < height, cc >= 0, cc < width, test(rr * width + cc) { return true }
            }
        }
        return false
    }
}
