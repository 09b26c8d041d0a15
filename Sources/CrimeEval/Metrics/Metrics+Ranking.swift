extension Metrics {
    /// The points of the ROC-style curve: cumulative true and false positives at each distinct
    /// score, scores taken in descending order (scikit-learn's `_binary_clf_curve`). Samples with
    /// equal scores enter together, which is how ties are handled.
    static func cumulativeCounts(_ labels: [Double], _ scores: [Double]) -> (tps: [Double], fps: [Double]) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var tps = [Double](), fps = [Double]()
        var tp = 0.0, fp = 0.0
        for (k, i) in order.enumerated() {
            if labels[i] == 1 { tp += 1 } else { fp += 1 }
            if k == order.count - 1 || scores[order[k + 1]] != scores[i] {
                tps.append(tp)
                fps.append(fp)
            }
        }
        return (tps, fps)
    }

    /// Area under the ROC curve, as scikit-learn's `roc_auc_score` computes it: the trapezoidal
    /// area under (FPR, TPR) over distinct score thresholds, so a tie between a positive and a
    /// negative counts one half.
    ///
    /// Throws ``MetricsError/singleClass(present:)`` when the labels hold one class only (scikit-learn
    /// raises a ValueError there too), and for empty, mismatched, non-finite or non-0/1 inputs.
    public static func rocAUC(labels: [Double], scores: [Double]) throws -> Double {
        try MetricsCheck.binaryPair(labels, scores)
        let (tps, fps) = cumulativeCounts(labels, scores)
        let positives = tps[tps.count - 1], negatives = fps[fps.count - 1]
        guard positives > 0, negatives > 0 else { throw MetricsError.singleClass(present: labels[0]) }
        var area = 0.0
        var x0 = 0.0, y0 = 0.0
        for k in tps.indices {
            let x1 = fps[k] / negatives, y1 = tps[k] / positives
            area += (x1 - x0) * (y1 + y0) / 2
            x0 = x1
            y0 = y1
        }
        return area
    }

    /// Average precision, as scikit-learn's `average_precision_score`: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct
    /// score thresholds in descending order (no interpolation), tied scores forming one threshold.
    ///
    /// Throws ``MetricsError/singleClass(present:)`` when there is no positive label (scikit-learn
    /// warns and returns 0 there); all-positive labels give 1.
    public static func averagePrecision(labels: [Double], scores: [Double]) throws -> Double {
        try MetricsCheck.binaryPair(labels, scores)
        let (tps, fps) = cumulativeCounts(labels, scores)
        let positives = tps[tps.count - 1]
        guard positives > 0 else { throw MetricsError.singleClass(present: 0) }
        var sum = 0.0
        var previousRecall = 0.0
        for k in tps.indices {
            let recall = tps[k] / positives
            sum += (recall - previousRecall) * tps[k] / (tps[k] + fps[k])
            previousRecall = recall
        }
        return sum
    }
}
