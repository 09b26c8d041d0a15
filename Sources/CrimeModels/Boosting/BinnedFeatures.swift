import CrimeCore

/// A training table mapped to histogram bins as scikit-learn's `_BinMapper` does: per feature,
/// midpoints between distinct values when there are at most `maxBins` of them, otherwise the
/// `maxBins − 1` interior percentiles (numpy's "midpoint" method); a value `v` lies in bin `b`
/// when `thresholds[b − 1] < v ≤ thresholds[b]`. (scikit-learn bins a random 200,000-row sample
/// of larger tables; this uses every row.)
struct BinnedFeatures: @unchecked Sendable {
    let rows: Int
    let columns: Int
    /// Column-major bin codes: row `i` of feature `f` lies in bin `codes[f * rows + i]`.
    let codes: UnsafeMutablePointer<UInt8>
    /// Each feature's bin upper edges (one fewer than its bins).
    let thresholds: [[Double]]

    init(_ x: Matrix, maxBins: Int) {
        let rows = x.rows, columns = x.columns
        let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, rows * columns))
        var thresholds: [[Double]] = []
        var column = [Double](repeating: 0, count: rows)
        x.values.withUnsafeBufferPointer { v in
            for f in 0..<columns {
                for i in 0..<rows { column[i] = v[i * columns + f] }
                let edges = Self.thresholds(sorted: column.sorted(), maxBins: maxBins)
                thresholds.append(edges)
                edges.withUnsafeBufferPointer { e in
                    for i in 0..<rows {
                        var lo = 0, hi = e.count
                        let value = column[i]
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            if e[mid] < value { lo = mid + 1 } else { hi = mid }
                        }
                        codes[f * rows + i] = UInt8(lo)
                    }
                }
            }
        }
        self.rows = rows
        self.columns = columns
        self.codes = codes
        self.thresholds = thresholds
    }

    /// Bin upper edges of one sorted feature column.
    static func thresholds(sorted: [Double], maxBins: Int) -> [Double] {
        var distinct: [Double] = []
        for v in sorted where distinct.last != v { distinct.append(v) }
        if distinct.count <= maxBins {
            return (0..<max(0, distinct.count - 1)).map { (distinct[$0] + distinct[$0 + 1]) * 0.5 }
        }
        // numpy.percentile(method="midpoint") at linspace(0, 100, maxBins + 1)[1:-1].
        let n = Double(sorted.count), step = 100.0 / Double(maxBins)
        return (1..<maxBins).map { k in
            let q = Double(k) * step / 100
            let index = n * q + (1 + q * -1) - 1
            let below = index.rounded(.down), above = index.rounded(.up)
            let virtual = 0.5 * (below + above)
            let lo = min(Int(virtual.rounded(.down)), sorted.count - 1), hi = min(lo + 1, sorted.count - 1)
            let gamma = virtual - virtual.rounded(.down)
            let a = sorted[lo], b = sorted[hi]
            return gamma >= 0.5 ? b - (b - a) * (1 - gamma) : a + (b - a) * gamma
        }
    }

    /// Frees the codes; call once when fitting ends.
    func release() { codes.deallocate() }
}
