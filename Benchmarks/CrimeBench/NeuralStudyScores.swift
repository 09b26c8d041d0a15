import CrimeCore
import CrimeEval

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

    /// True positives, false positives and false negatives of `score ≥ threshold` on each day, the scores
    /// and labels being `cellsPerDay` cells per day, day after day.
    static func dailyCounts(_ scores: [Float], _ labels: [Float], threshold: Float, cellsPerDay: Int) -> [(tp: Double, fp: Double, fn: Double)] {
        stride(from: 0, to: scores.count, by: cellsPerDay).map { start in
            var (tp, fp, fn) = (0.0, 0.0, 0.0)
            for i in start..<min(start + cellsPerDay, scores.count) {
                if scores[i] >= threshold { if labels[i] > 0.5 { tp += 1 } else { fp += 1 } } else if labels[i] > 0.5 { fn += 1 }
            }
            return (tp, fp, fn)
        }
    }

    /// The 95 % percentile interval of F1(a) − F1(b) over `resamples` paired bootstrap resamples of the
    /// days (whole days are drawn with replacement, the same days for both models, so that the interval
    /// keeps the correlation between cells of one day).
    static func differenceInterval(_ a: [(tp: Double, fp: Double, fn: Double)], _ b: [(tp: Double, fp: Double, fn: Double)],
                                   resamples: Int, seed: UInt64) throws -> ConfidenceInterval {
        var rng = SeededGenerator(seed: seed)
        func f1(_ c: (Double, Double, Double)) -> Double { c.0 == 0 ? 0 : 2 * c.0 / (2 * c.0 + c.1 + c.2) }
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var (sa, sb) = ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0))
            for _ in a.indices {
                let d = min(a.count - 1, Int(rng.nextUniform() * Double(a.count)))
                sa = (sa.0 + a[d].tp, sa.1 + a[d].fp, sa.2 + a[d].fn)
                sb = (sb.0 + b[d].tp, sb.1 + b[d].fp, sb.2 + b[d].fn)
            }
            replicates.append(f1(sa) - f1(sb))
        }
        return try BootstrapInterval.percentile(replicates: replicates, level: 0.95)
    }
}
