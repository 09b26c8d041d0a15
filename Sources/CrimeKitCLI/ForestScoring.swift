import CrimeEval

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
            // One class against the rest, as 0/1 labels and decisions for CrimeEval's metrics.
            let label = classes[k]
            let isClass = truth.map { $0 == label ? 1.0 : 0.0 }
            let decided = predicted.map { $0 == label ? 1.0 : 0.0 }
            if let m = try? ConfusionMatrix(labels: isClass, scores: decided) {
                precision += m.precision
                recall += m.recall
                f1 += m.f1
            }
            let scores = (0..<n).map { probabilities[$0 * classes.count + k] }
            auc += (try? Metrics.rocAUC(labels: isClass, scores: scores)) ?? .nan
        }
        let m = Double(positives.count)
        return Scores(accuracy: accuracy, precision: precision / m, recall: recall / m, f1: f1 / m, rocAUC: auc / m)
    }
}
