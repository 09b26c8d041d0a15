import CNeuralKernels

/// Sums over the rows of one histogram bin: gradient, hessian and count (the C kernels' bin).
typealias HistogramBin = bk_histogram_bin

/// The best split of one node: rows with bin ≤ `bin` of `feature` go left.
struct BoostingSplit {
    var gain: Double
    var feature: Int
    var bin: Int
    var gradientLeft: Double, hessianLeft: Double, countLeft: Int
    var gradientRight: Double, hessianRight: Double, countRight: Int
}

/// Builds per-node gradient histograms (one `HistogramBin` per feature and bin, `stride` bins per
/// feature) and finds the split with scikit-learn's gain.
///
/// Histograms are summed row by row: a row's codes for every feature are read together (one memory
/// access per row rather than one per feature) and its gradient is added to each feature's bin, so
/// neighbouring additions go to different features and need not wait for each other. The loops are
/// C (`bk_histogram`), which reads a sparse node's rows ahead of use so that their cache misses overlap.
struct NodeHistograms: @unchecked Sendable {
    /// Bins reserved per feature in a histogram buffer.
    static let stride = 256
    /// scikit-learn's `min_hessian_to_split`.
    static let minHessianToSplit = 1e-3
    /// Rows per part of a node summed in parts.
    static let partRows = 4096
    /// Most parts a node is summed in.
    static let parts = 8

    let data: BinnedFeatures
    /// Bins actually used by each feature.
    let binCounts: [Int]
    /// Whether the loss has a constant unit hessian (squared error): hessian sums are row counts.
    let constantHessian: Bool
    /// The threads that sum a large node.
    let team: WorkerTeam
    /// Room for ``parts`` histograms, one per part of a large node.
    let partBuffers: UnsafeMutablePointer<HistogramBin>
    /// The root's bin counts (every row's), which every tree shares.
    let rootCounts: [Int]

    /// Histograms of `data`'s features, with `binCounts[f]` bins used by feature `f`; call ``release()``
    /// when done.
    init(data: BinnedFeatures, binCounts: [Int], constantHessian: Bool, team: WorkerTeam) {
        self.data = data
        self.binCounts = binCounts
        self.constantHessian = constantHessian
        self.team = team
        partBuffers = .allocate(capacity: Self.parts * Self.binCount(columns: data.columns))
        var counts = [Int](repeating: 0, count: Self.binCount(columns: data.columns))
        for f in 0..<data.columns {
            for i in 0..<data.rows { counts[f * Self.stride + Int(data.codes[f * data.rows + i])] += 1 }
        }
        rootCounts = counts
    }

    /// The positions in a histogram buffer of feature `f`'s used bins.
    func usedBins(_ f: Int) -> Range<Int> { (f * Self.stride)..<(f * Self.stride + binCounts[f]) }

    /// Frees the part buffers.
    func release() { partBuffers.deallocate() }

    /// Bins of one histogram buffer for `columns` features.
    static func binCount(columns: Int) -> Int { max(1, columns) * stride }

    /// Fills `histogram` with the sums over `rows` (nil: every row in order, the root) of the node's
    /// gradients; `gradients`/`hessians` are indexed by row. A node is summed in one part per ``partRows``
    /// rows (at most ``parts``), run on the team and added in part order; the parts depend on the node's
    /// size only, so the sums do not depend on the thread count. The root's counts are not summed but
    /// copied from ``rootCounts``.
    func build(_ histogram: UnsafeMutablePointer<HistogramBin>, rows: UnsafePointer<UInt32>?, count: Int,
               gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        let columns = data.columns
        let job = RowHistogramJob(histogram: histogram, rows: rows, count: count, gradients: gradients,
                                  hessians: hessians, codes: data.rowCodes, columns: columns,
                                  constantHessian: constantHessian, binCounts: binCounts)
        let parts = min(Self.parts, max(1, count / Self.partRows))
        let width = Self.binCount(columns: columns)
        let buffers = partBuffers
        team.run(parts) { p in
            job.fill(p == 0 ? histogram : buffers + p * width, (count * p / parts)..<(count * (p + 1) / parts))
        }
        for p in 1..<parts {
            let part = partBuffers + p * width
            for f in 0..<columns {
                for k in usedBins(f) {
                    histogram[k].gradient += part[k].gradient
                    histogram[k].hessian += part[k].hessian
                    histogram[k].count += part[k].count
                }
            }
        }
        if rows == nil {
            for f in 0..<columns {
                for k in usedBins(f) { histogram[k].count = rootCounts[k] }
            }
        }
    }

    /// A histogram's total gradient and hessian: the sums of feature 0's bins in bin order (the row
    /// count as hessian for a constant hessian).
    func totals(_ histogram: UnsafePointer<HistogramBin>) -> (gradient: Double, hessian: Double) {
        var gradient = 0.0, hessian = 0.0
        for b in 0..<binCounts[0] {
            gradient += histogram[b].gradient
            hessian += histogram[b].hessian
        }
        return (gradient, constantHessian ? Double(data.rows) : hessian)
    }

    /// Turns `parent` into the histogram of its other child by subtracting `child`'s.
    func subtract(_ child: UnsafePointer<HistogramBin>, from parent: UnsafeMutablePointer<HistogramBin>) {
        for f in 0..<data.columns {
            for k in usedBins(f) {
                parent[k].gradient -= child[k].gradient
                parent[k].hessian -= child[k].hessian
                parent[k].count -= child[k].count
            }
        }
    }

    /// A leaf's value before shrinkage, −G/(H+λ) (scikit-learn adds 1e-15 to the denominator).
    @inline(__always)
    static func value(gradient: Double, hessian: Double, l2: Double) -> Double {
        -gradient / (hessian + l2 + 1e-15)
    }

    /// The split of largest positive gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G·(−value), scanning each
    /// feature's bins left to right; ties keep the first feature and bin. Nil when none gains.
    func bestSplit(_ histogram: UnsafePointer<HistogramBin>, gradient: Double, hessian: Double, count: Int,
                   value: Double, minSamplesLeaf: Int, l2: Double) -> BoostingSplit? {
        let lossHere = gradient * value
        var best: BoostingSplit?
        var bestGain = -1.0
        for f in 0..<data.columns {
            let h = histogram + f * Self.stride
            var nLeft = 0, hLeft = 0.0, gLeft = 0.0
            for b in 0..<(binCounts[f] - 1) {
                nLeft += h[b].count
                let nRight = count - nLeft
                hLeft += constantHessian ? Double(h[b].count) : h[b].hessian
                let hRight = hessian - hLeft
                gLeft += h[b].gradient
                let gRight = gradient - gLeft
                if nLeft < minSamplesLeaf { continue }
                if nRight < minSamplesLeaf { break }
                if hLeft < Self.minHessianToSplit { continue }
                if hRight < Self.minHessianToSplit { break }
                let gain = lossHere - gLeft * Self.value(gradient: gLeft, hessian: hLeft, l2: l2)
                    - gRight * Self.value(gradient: gRight, hessian: hRight, l2: l2)
                if gain > bestGain && gain > 0 {
                    bestGain = gain
                    best = BoostingSplit(gain: gain, feature: f, bin: b, gradientLeft: gLeft, hessianLeft: hLeft,
                                         countLeft: nLeft, gradientRight: gRight, hessianRight: hRight, countRight: nRight)
                }
            }
        }
        return best
    }
}

/// One node's rows and gradients, shared by the workers that each sum one part of the rows.
private struct RowHistogramJob: @unchecked Sendable {
    let histogram: UnsafeMutablePointer<HistogramBin>
    let rows: UnsafePointer<UInt32>?
    let count: Int
    let gradients: UnsafePointer<Float>
    let hessians: UnsafePointer<Float>
    /// Row-major codes.
    let codes: UnsafeMutablePointer<UInt8>
    let columns: Int
    let constantHessian: Bool
    let binCounts: [Int]

    /// Zeroes `histogram`'s used bins and sums positions `range` of the node into them (every count but
    /// the root's).
    func fill(_ histogram: UnsafeMutablePointer<HistogramBin>, _ range: Range<Int>) {
        for f in 0..<columns {
            (histogram + f * NodeHistograms.stride).update(repeating: HistogramBin(), count: binCounts[f])
        }
        bk_histogram(histogram, NodeHistograms.stride, codes, columns, rows, range.lowerBound, range.upperBound,
                     gradients, constantHessian ? nil : hessians, rows == nil ? 0 : 1)
    }
}
