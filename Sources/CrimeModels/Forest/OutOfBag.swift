extension ForestCore {
    /// Averages for every training row over the trees whose bootstrap sample left it out (NaN when none did).
    func outOfBag(_ x: Matrix, sampling: Sampling) -> [Double] {
        var inBag = [Bool](repeating: false, count: trees.count * x.rows)
        for t in 0..<trees.count {
            var generator = SeededGenerator(seed: sampling.seed).split(t)
            let counts = ForestCore.inBagCounts(rows: x.rows, sampling: sampling, generator: &generator)
            for i in 0..<x.rows where counts[i] > 0 { inBag[t * x.rows + i] = true }
        }
        let rows = x.rows
        let mask = inBag
        return average(x, threads: sampling.threads) { t, i in !mask[t * rows + i] }
    }
}

/// Out-of-bag scores over the rows that have an out-of-bag prediction.
enum OutOfBag {
    /// R² of the rows whose prediction is not NaN.
    static func r2(_ y: [Double], _ predictions: [Double]) -> Double? {
        let pairs = zip(y, predictions).filter { !$0.1.isNaN }
        guard pairs.count > 1 else { return nil }
        let mean = pairs.reduce(0) { $0 + $1.0 } / Double(pairs.count)
        let residual = pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let totalSquares = pairs.reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) }
        return totalSquares > 0 ? 1 - residual / totalSquares : nil
    }

    /// Share of rows with an out-of-bag probability row whose most probable class is their own.
    static func accuracy(_ classIndex: [Int32], _ probabilities: [Double], width: Int) -> Double? {
        var hits = 0, scored = 0
        for (i, k) in classIndex.enumerated() {
            let row = probabilities[(i * width)..<((i + 1) * width)]
            guard let first = row.first, !first.isNaN else { continue }
            scored += 1
            if ClassVote.argmax(row) == Int(k) { hits += 1 }
        }
        return scored > 0 ? Double(hits) / Double(scored) : nil
    }
}

import CrimeCore
