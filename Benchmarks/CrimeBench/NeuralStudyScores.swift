/// Threshold choice and the scores of the neural study's "crime tomorrow?" decisions.
enum NeuralStudyScores {
    /// Precision, recall and F1 of `score ≥ threshold` against 0/1 labels.
    struct Scores {
        let precision: Double, recall: Double, f1: Double
    }

    /// The score threshold with the highest F1 on (scores, labels), searched over about 200 quantiles of
    /// the scores.
    static func bestThreshold(_ scores: [Float], _ labels: [Float]) -> Float {
        let candidates = Set(scores.sorted().enumerated().filter { $0.offset % max(1, scores.count / 200) == 0 }.map(\.element))
        return candidates.max { score(scores, labels, threshold: $0).f1 < score(scores, labels, threshold: $1).f1 } ?? 0
    }

    /// Scores of `score ≥ threshold` against 0/1 labels.
    static func score(_ scores: [Float], _ labels: [Float], threshold: Float) -> Scores {
        var (tp, fp, fn) = (0.0, 0.0, 0.0)
        for (s, y) in zip(scores, labels) {
            if s >= threshold { if y > 0.5 { tp += 1 } else { fp += 1 } } else if y > 0.5 { fn += 1 }
        }
        guard tp > 0 else { return Scores(precision: 0, recall: 0, f1: 0) }
        return Scores(precision: tp / (tp + fp), recall: tp / (tp + fn), f1: 2 * tp / (2 * tp + fp + fn))
    }
}
