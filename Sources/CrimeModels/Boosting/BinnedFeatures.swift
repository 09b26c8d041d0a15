import CNeuralKernels
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
        let transpose = TransposeJob(codes: codes, rowCodes: rowCodes, rows: rows, columns: columns)
        let parts = threads > 1 && rows >= 10_000 ? threads : 1
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            transpose.run(rows * p / parts..<rows * (p + 1) / parts)
        }
        self.rows = rows
        self.columns = columns
        self.codes = codes
        self.rowCodes = rowCodes
        thresholds = Array(UnsafeBufferPointer(start: edges, count: columns))
        edges.deinitialize(count: max(1, columns))
        edges.deallocate()
    }

    /// The distinct values of `column` in ascending order when there are at most `limit` of them (−0.0 and
    /// +0.0 count as one), else nil; found with a small hash table, without sorting the column.
    static func fewDistinct(_ column: UnsafeBufferPointer<Double>, limit: Int) -> [Double]? {
        let slots = 1 << 10
        precondition(limit < slots / 2, "the table holds fewer than half its slots")
        let empty = UInt64(0x7FF8_0000_0000_0001)  // a NaN: never a finite value's bits
        var table = [UInt64](repeating: empty, count: slots)
        var found: [Double] = []
        var last = empty
        for v in column {
            let bits = (v == 0 ? 0.0 : v).bitPattern
            if bits == last { continue }
            last = bits
            var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 54)
            while table[slot] != empty && table[slot] != bits { slot = (slot + 1) & (slots - 1) }
            if table[slot] == bits { continue }
            if found.count == limit { return nil }
            table[slot] = bits
            found.append(v)
        }
        return found.sorted()
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
        let column = x.values.withUnsafeBufferPointer { v in
            [Double](unsafeUninitializedCapacity: rows) { buffer, count in
                for i in 0..<rows { buffer[i] = v[i * columns + f] }
                count = rows
            }
        }
        let thresholds = column.withUnsafeBufferPointer { c in
            BinnedFeatures.fewDistinct(c, limit: maxBins).map { BinnedFeatures.thresholds(sorted: $0, maxBins: maxBins) }
        } ?? BinnedFeatures.thresholds(sorted: RadixSort.sorted(column), maxBins: maxBins)
        edges[f] = thresholds
        // A value's bin is the number of edges below it: a search in eight fixed halving steps over the
        // edges padded with +∞ to 256 (at most 254 are real), with no branch to mispredict.
        var padded = [Double](repeating: .infinity, count: 256)
        padded.replaceSubrange(0..<thresholds.count, with: thresholds)
        bk_bin_codes(column, rows, padded, codes + f * rows)
    }
}

/// Copies column-major codes into row-major order, one block of rows per worker.
private struct TransposeJob: @unchecked Sendable {
    let codes: UnsafeMutablePointer<UInt8>
    let rowCodes: UnsafeMutablePointer<UInt8>
    let rows: Int, columns: Int

    func run(_ block: Range<Int>) {
        for f in 0..<columns {
            for i in block { rowCodes[i * columns + f] = codes[f * rows + i] }
        }
    }
}
