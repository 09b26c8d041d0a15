import CrimeCore
import CrimeEval
import Dispatch

/// Times CrimeEval on the same shapes as Benchmarks/compare/eval_peers.py: ROC AUC + average
/// precision of 1,000,000 scores (3 decimals, so with ties), Moran's I with 999 permutations on a
/// 50 × 50 rook lattice, and a 2,000-replicate bootstrap (percentile + BCa) of the MAE of 10,000
/// forecasts. Best of three runs each.
enum EvalBenchmark {
    static func run() throws -> [String: Double] {
        var rng = SeededGenerator(seed: 7)
        let n = 1_000_000
        var labels = [Double](), scores = [Double]()
        labels.reserveCapacity(n)
        scores.reserveCapacity(n)
        for _ in 0..<n {
            let y: Double = rng.nextUniform() < 0.3 ? 1 : 0
            labels.append(y)
            scores.append(((0.3 * y + 0.7 * rng.nextUniform()) * 1000).rounded() / 1000)
        }
        var results: [String: Double] = [:]
        results["roc_auc_ap_1m_seconds"] = try best { _ = try Metrics.rocAUC(labels: labels, scores: scores); _ = try Metrics.averagePrecision(labels: labels, scores: scores) }

        let side = 50
        let lattice = (0..<(side * side)).map { i -> [Int] in
            let r = i / side, c = i % side
            return [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)].filter { (0..<side).contains($0.0) && (0..<side).contains($0.1) }.map { $0.0 * side + $0.1 }
        }
        let weights = try SpatialWeights(neighbors: lattice)
        let field = (0..<(side * side)).map { i in Double(i / side) * 0.05 + rng.nextUniform() }
        results["moran_2500_cells_999_perms_seconds"] = try best { _ = try MoranI(values: field, weights: weights, permutations: 999, seed: 1) }

        let m = 10_000
        let truth = (0..<m).map { _ in (rng.nextUniform() * 10).rounded() }
        let forecast = truth.map { $0 + rng.nextUniform() * 2 - 1 }
        results["bootstrap_mae_10k_2000_seconds"] = try best {
            let r = try Bootstrap(replicates: 2000, seed: 1).run(count: m, jackknife: true) { idx in
                var s = 0.0
                for i in idx { s += abs(truth[i] - forecast[i]) }
                return s / Double(idx.count)
            }
            _ = try r.percentileInterval()
            _ = try r.bcaInterval()
        }
        return results
    }

    private static func best(_ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}
