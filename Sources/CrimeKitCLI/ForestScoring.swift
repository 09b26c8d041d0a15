/// Classification scores printed by `crimekit forest --classify`, with scikit-learn's definitions:
/// binary problems score the larger label as positive; more classes use macro averages and
/// one-vs-rest ROC AUC (`roc_auc_score(multi_class="ovr", average="macro")`).
enum ForestScoring {
    struct Scores {
        var accuracy: Double, precision: Double, recall: Double, f1: Double, rocAUC: Double
    }

    /// Scores predicted labels and per-class probabilities (columns in `classes` order).
    static func classification(truth: [Double], predicted: [Double], probabilities: [Double], classes: [Double]) -> Scores {
        let n = truth.count
        let accuracy = Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(max(n, 1))
        let positives = classes.count == 2 ? [1] : Array(classes.indices)
        var precision = 0.0, recall = 0.0, f1 = 0.0, auc = 0.0
        for k in positives {
            let label = classes[k]
            var tp = 0.0, fp = 0.0, fn = 0.0
            for i in 0..<n {
                if predicted[i] == label && truth[i] == label { tp += 1 }
                if predicted[i] == label && truth[i] != label { fp += 1 }
                if predicted[i] != label && truth[i] == label { fn += 1 }
            }
            let p = tp + fp > 0 ? tp / (tp + fp) : 0
            let r = tp + fn > 0 ? tp / (tp + fn) : 0
            precision += p
            recall += r
            f1 += p + r > 0 ? 2 * p * r / (p + r) : 0
            let scores = (0..<n).map { probabilities[$0 * classes.count + k] }
            auc += rocAUC(positive: truth.map { $0 == label }, scores: scores)
        }
        let m = Double(positives.count)
        return Scores(accuracy: accuracy, precision: precision / m, recall: recall / m, f1: f1 / m, rocAUC: auc / m)
    }

    /// Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties sharing their mean rank;
    /// NaN when one side is empty.
    static func rocAUC(positive: [Bool], scores: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        let nPositive = Double(positive.filter { $0 }.count), nNegative = Double(positive.count) - nPositive
        guard nPositive > 0, nNegative > 0 else { return .nan }
        let rankSum = zip(positive, ranks).filter { $0.0 }.reduce(0) { $0 + $1.1 }
        return (rankSum - nPositive * (nPositive + 1) / 2) / (nPositive * nNegative)
    }
}
