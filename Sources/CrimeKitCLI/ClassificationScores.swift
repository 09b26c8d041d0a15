import CrimeCore

/// Accuracy, precision, recall, F1 and ROC AUC of a classifier's test predictions. With two classes the
/// larger label is the positive class; with more, precision, recall and F1 are macro averages and ROC AUC
/// is left out.
struct ClassificationScores: Encodable {
    let accuracy: Double
    let precision: Double
    let recall: Double
    let f1: Double
    let roc_auc: Double?

    init(truth: [Double], predicted: [Double], probability: Matrix, classes: [Double]) {
        let n = Double(max(truth.count, 1))
        accuracy = Double(zip(truth, predicted).filter { $0 == $1 }.count) / n
        let positives = classes.count == 2 ? [classes[1]] : classes
        var p = 0.0, r = 0.0, f = 0.0
        for label in positives {
            let tp = Double(zip(truth, predicted).filter { $0 == label && $1 == label }.count)
            let predictedCount = Double(predicted.filter { $0 == label }.count)
            let actualCount = Double(truth.filter { $0 == label }.count)
            let precision = predictedCount > 0 ? tp / predictedCount : 0
            let recall = actualCount > 0 ? tp / actualCount : 0
            p += precision
            r += recall
            f += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        let k = Double(positives.count)
        precision = p / k
        recall = r / k
        f1 = f / k
        if classes.count == 2 {
            let scores = (0..<probability.rows).map { probability[$0, 1] }
            roc_auc = Self.rocAUC(positive: truth.map { $0 == classes[1] }, scores: scores)
        } else {
            roc_auc = nil
        }
    }

    /// The Mann–Whitney form of ROC AUC, tied scores sharing their average rank.
    static func rocAUC(positive: [Bool], scores: [Double]) -> Double? {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for t in i...j { ranks[order[t]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        let nPos = Double(positive.filter { $0 }.count), nNeg = Double(positive.count) - nPos
        guard nPos > 0, nNeg > 0 else { return nil }
        let rankSum = zip(positive, ranks).filter(\.0).reduce(0) { $0 + $1.1 }
        return (rankSum - nPos * (nPos + 1) / 2) / (nPos * nNeg)
    }
}
