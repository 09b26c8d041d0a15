/// A training table laid out for tree growth: features column by column, plus optional
/// histogram bins. Built once per forest and shared read-only by every tree.
struct TrainingData: @unchecked Sendable {
    let rows: Int
    let columns: Int
    /// Column-major features: feature `f` of row `i` is `values[f * rows + i]`.
    let values: UnsafeMutablePointer<Double>
    /// Column-major bin codes (histogram search only): row `i` of feature `f` lies in bin `codes[f * rows + i]`.
    let codes: UnsafeMutablePointer<UInt8>?
    /// Bin upper edges: bin `b` of feature `f` holds values ≤ `binEdges[binStart[f] + b]`.
    let binEdges: [Double]
    /// Where each feature's bin edges start in `binEdges`; feature `f` has `binStart[f + 1] − binStart[f] + 1` bins.
    let binStart: [Int]
    /// Per-feature ranks (exact search only).
    let ranks: FeatureRanks?

    /// Transposes `x` and, for histogram search, bins every feature into at most `bins` quantile bins.
    init(_ x: Matrix, bins: Int?) {
        let rows = x.rows, columns = x.columns
        let values = UnsafeMutablePointer<Double>.allocate(capacity: max(1, rows * columns))
        x.values.withUnsafeBufferPointer { src in
            for i in 0..<rows {
                for f in 0..<columns { values[f * rows + i] = src[i * columns + f] }
            }
        }
        self.rows = rows
        self.columns = columns
        self.values = values
        guard let bins else {
            ranks = FeatureRanks(values: values, rows: rows, columns: columns)
            codes = nil
            binEdges = []
            binStart = Array(repeating: 0, count: columns + 1)
            return
        }
        var edges: [Double] = []
        var starts = [0]
        let codeBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, rows * columns))
        var sorted = [Double](repeating: 0, count: rows)
        for f in 0..<columns {
            let column = UnsafeBufferPointer(start: values + f * rows, count: rows)
            for i in 0..<rows { sorted[i] = column[i] }
            sorted.sort()
            let featureEdges = Self.binEdges(sorted: sorted, bins: bins)
            edges.append(contentsOf: featureEdges)
            starts.append(edges.count)
            featureEdges.withUnsafeBufferPointer { e in
                for i in 0..<rows {
                    // The bin is the number of edges below the value.
                    var lo = 0, hi = e.count
                    let v = column[i]
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if e[mid] < v { lo = mid + 1 } else { hi = mid }
                    }
                    codeBuffer[f * rows + i] = UInt8(lo)
                }
            }
        }
        ranks = nil
        codes = codeBuffer
        binEdges = edges
        binStart = starts
    }

    /// Edges between at most `bins` bins: midpoints between consecutive distinct values when there
    /// are few of them, otherwise midpoints at evenly spaced quantiles.
    static func binEdges(sorted: [Double], bins: Int) -> [Double] {
        var distinct: [Double] = []
        for v in sorted where distinct.last != v { distinct.append(v) }
        func midpoint(_ a: Double, _ b: Double) -> Double {
            let m = a / 2 + b / 2
            return m == b || !m.isFinite ? a : m
        }
        if distinct.count <= bins {
            return (0..<max(0, distinct.count - 1)).map { midpoint(distinct[$0], distinct[$0 + 1]) }
        }
        var edges: [Double] = []
        var d = 0
        for q in 1..<bins {
            let v = sorted[min(sorted.count - 1, q * sorted.count / bins)]
            while d + 1 < distinct.count && distinct[d + 1] <= v { d += 1 }
            guard d + 1 < distinct.count else { break }
            let edge = midpoint(distinct[d], distinct[d + 1])
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        return edges
    }

    /// Frees the buffers; call once when the forest is grown.
    func release() {
        values.deallocate()
        codes?.deallocate()
        ranks?.release()
    }
}

import CrimeCore
