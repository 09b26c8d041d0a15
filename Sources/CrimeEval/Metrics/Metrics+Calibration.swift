extension Metrics {
    /// The Brier score, mean (p − y)², as scikit-learn's `brier_score_loss` for binary labels.
    /// Probabilities must lie in [0, 1].
    public static func brierScore(labels: [Double], probabilities: [Double]) throws -> Double {
        try MetricsCheck.binaryPair(labels, probabilities)
        try checkProbabilities(probabilities)
        var sum = 0.0
        for i in labels.indices { sum += (probabilities[i] - labels[i]) * (probabilities[i] - labels[i]) }
        return sum / Double(labels.count)
    }

    /// Reliability bins as scikit-learn's `calibration_curve(strategy="uniform")`: `bins` equal
    /// slices of [0, 1]; a probability on an inner edge falls in the lower bin. Empty bins are left
    /// out, as there.
    public static func reliabilityBins(labels: [Double], probabilities: [Double], bins: Int = 10) throws -> [ReliabilityBin] {
        guard bins >= 1 else { throw MetricsError.badParameter(name: "bins", reason: "needs at least 1 bin, got \(bins)") }
        try MetricsCheck.binaryPair(labels, probabilities)
        try checkProbabilities(probabilities)
        var sumP = [Double](repeating: 0, count: bins), sumY = sumP, count = [Int](repeating: 0, count: bins)
        // Inner edges k·(1/bins), as numpy's linspace makes them; a sample's bin is the number of
        // inner edges strictly below it (numpy's searchsorted, side "left").
        let step = 1.0 / Double(bins)
        let edges = (1..<bins).map { Double($0) * step }
        for i in labels.indices {
            let p = probabilities[i]
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if edges[mid] < p { lo = mid + 1 } else { hi = mid }
            }
            let b = lo
            sumP[b] += p
            sumY[b] += labels[i]
            count[b] += 1
        }
        var result = [ReliabilityBin]()
        for b in 0..<bins where count[b] > 0 {
            let n = Double(count[b])
            let upper: Double = b + 1 == bins ? 1 : Double(b + 1) * step
            result.append(ReliabilityBin(lower: Double(b) * step, upper: upper, count: count[b],
                                         meanPredicted: sumP[b] / n, fractionPositive: sumY[b] / n))
        }
        return result
    }

    private static func checkProbabilities(_ p: [Double]) throws {
        if let bad = p.firstIndex(where: { $0 < 0 || $0 > 1 }) {
            throw MetricsError.outOfDomain(what: "probabilities", index: bad, value: p[bad], requirement: "must lie in [0, 1]")
        }
    }
}

/// One bin of a reliability diagram.
public struct ReliabilityBin: Sendable, Equatable, Codable {
    /// Lower edge of the bin.
    public var lower: Double
    /// Upper edge of the bin.
    public var upper: Double
    /// Samples in the bin.
    public var count: Int
    /// Mean predicted probability in the bin (scikit-learn's `prob_pred`).
    public var meanPredicted: Double
    /// Fraction of positives in the bin (scikit-learn's `prob_true`).
    public var fractionPositive: Double
}
