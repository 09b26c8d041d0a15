import CrimeCore
import Dispatch

/// A training table mapped to histogram bins as scikit-learn's `_BinMapper` does: per feature,
/// midpoints between distinct values when there are at most `maxBins` of them, otherwise the
/// distinct values among the `maxBins − 1` interior percentiles (numpy's "averaged_inverted_cdf"
/// method, as scikit-learn 1.9 uses); a value `v` lies in bin `b`
/// when `thresholds[b − 1] < v ≤ thresholds[b]`. (scikit-learn bins a random 200,000-row sample
/// of larger tables; this uses every row.)
struct BinnedFeatures: @unchecked Sendable {
    let rows: Int
    let columns: Int
    /// Column-major bin codes: row `i` of feature `f` lies in bin `codes[f * rows + i]`.
    let codes: UnsafeMutablePointer<UInt8>
    /// The same codes row-major: row `i` of feature `f` is `rowCodes[i * columns + f]`, so one row's codes
    /// are read together when a histogram is summed row by row.
    let rowCodes: UnsafeMutablePointer<UInt8>
    /// Each feature's bin upper edges (one fewer than its bins).
    let thresholds: [[Double]]

    /// Bins every feature of `x`; features are binned in parallel on `threads` workers.
    init(_ x: Matrix, maxBins: Int, threads: Int) {
        let rows = x.rows, columns = x.columns
        let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, rows * columns))
        let edges = UnsafeMutablePointer<[Double]>.allocate(capacity: max(1, columns))
        edges.initialize(repeating: [], count: max(1, columns))
        let job = BinningJob(x: x, codes: codes, edges: edges, maxBins: maxBins)
        if threads > 1 && rows >= 10_000 {
            DispatchQueue.concurrentPerform(iterations: columns) { job.bin(feature: $0) }
        } else {
            for f in 0..<columns { job.bin(feature: f) }
        }
        let rowCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, rows * columns))
        for f in 0..<columns {
            for i in 0..<rows { rowCodes[i * columns + f] = codes[f * rows + i] }
        }
        self.rows = rows
        self.columns = columns
        self.codes = codes
        self.rowCodes = rowCodes
        thresholds = Array(UnsafeBufferPointer(start: edges, count: columns))
        edges.deinitialize(count: max(1, columns))
        edges.deallocate()
    }

    /// Bin upper edges of one sorted feature column.
    static func thresholds(sorted: [Double], maxBins: Int) -> [Double] {
        var distinct: [Double] = []
        for v in sorted where distinct.last != v { distinct.append(v) }
        if distinct.count <= maxBins {
            return (0..<max(0, distinct.count - 1)).map { (distinct[$0] + distinct[$0 + 1]) * 0.5 }
        }
        // numpy.percentile(method="averaged_inverted_cdf") at linspace(0, 100, maxBins + 1)[1:-1]:
        // virtual index n·q − 1; the next value, or the mean of two when the index is whole.
        let n = sorted.count, step = 100.0 / Double(maxBins)
        var edges: [Double] = []
        for k in 1..<maxBins {
            let q = Double(k) * step / 100
            let virtual = Double(n) * q - 1
            let below = virtual.rounded(.down)
            let lo = min(max(Int(below), 0), n - 1), hi = min(max(Int(below) + 1, 0), n - 1)
            let a = sorted[lo], b = sorted[hi]
            let edge = virtual == below ? b - (b - a) * 0.5 : b
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        return edges
    }

    /// Frees the codes; call once when fitting ends.
    func release() {
        codes.deallocate()
        rowCodes.deallocate()
    }
}

/// One table's binning, shared by the workers that each bin one feature.
private struct BinningJob: @unchecked Sendable {
    let x: Matrix
    let codes: UnsafeMutablePointer<UInt8>
    let edges: UnsafeMutablePointer<[Double]>
    let maxBins: Int

    /// Finds feature `f`'s thresholds and writes its column of codes.
    func bin(feature f: Int) {
        let rows = x.rows, columns = x.columns
        var column = [Double](repeating: 0, count: rows)
        x.values.withUnsafeBufferPointer { v in
            for i in 0..<rows { column[i] = v[i * columns + f] }
        }
        let thresholds = BinnedFeatures.thresholds(sorted: RadixSort.sorted(column), maxBins: maxBins)
        edges[f] = thresholds
        thresholds.withUnsafeBufferPointer { e in
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
