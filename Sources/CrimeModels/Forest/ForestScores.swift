/// The scores forests report (out-of-bag and permutation importance): scikit-learn's R² and accuracy.
enum ForestScores {
    /// 1 − SSres/SStot; a constant truth scores 1 when matched exactly, else 0.
    static func r2(_ truth: [Double], _ predicted: [Double]) -> Double {
        let mean = truth.reduce(0, +) / Double(max(truth.count, 1))
        var ssRes = 0.0, ssTot = 0.0
        for i in truth.indices {
            ssRes += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            ssTot += (truth[i] - mean) * (truth[i] - mean)
        }
        if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
        return 1 - ssRes / ssTot
    }

    /// The share of rows predicted exactly.
    static func accuracy(_ truth: [Double], _ predicted: [Double]) -> Double {
        var hits = 0
        for i in truth.indices where truth[i] == predicted[i] { hits += 1 }
        return Double(hits) / Double(max(truth.count, 1))
    }
}
