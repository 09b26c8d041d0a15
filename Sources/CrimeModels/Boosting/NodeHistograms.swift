import Dispatch

/// Sums over the rows of one histogram bin.
struct HistogramBin {
    var gradient = 0.0
    var hessian = 0.0
    var count = 0
}

/// The best split of one node: rows with bin ≤ `bin` of `feature` go left.
struct BoostingSplit {
    var gain: Double
    var feature: Int
    var bin: Int
    var gradientLeft: Double, hessianLeft: Double, countLeft: Int
    var gradientRight: Double, hessianRight: Double, countRight: Int
}

/// Builds per-node gradient histograms (one `HistogramBin` per feature and bin, `stride` bins per
/// feature) and finds the split with scikit-learn's gain. Features run in parallel, each one
/// summed in row order, so the sums do not depend on the thread count.
struct NodeHistograms: @unchecked Sendable {
    /// Bins reserved per feature in a histogram buffer.
    static let stride = 256
    /// scikit-learn's `min_hessian_to_split`.
    static let minHessianToSplit = 1e-3

    let data: BinnedFeatures
    /// Bins actually used by each feature.
    let binCounts: [Int]
    /// Whether the loss has a constant unit hessian (squared error): hessian sums are row counts.
    let constantHessian: Bool
    let threads: Int

    /// Fills `histogram` with the sums over `rows` (nil: every row in order) of the node's
    /// gradients; `gradients`/`hessians` are indexed by position in `rows` (or by row when nil).
    func build(_ histogram: UnsafeMutablePointer<HistogramBin>, rows: UnsafePointer<UInt32>?, count: Int,
               gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        let job = HistogramJob(histogram: histogram, rows: rows, count: count, gradients: gradients, hessians: hessians,
                               codes: data.codes, rowCount: data.rows, constantHessian: constantHessian)
        if threads > 1 && count * data.columns >= 50_000 {
            DispatchQueue.concurrentPerform(iterations: data.columns) { job.fill(feature: $0) }
        } else {
            for f in 0..<data.columns { job.fill(feature: f) }
        }
    }

    /// Turns `parent` into the histogram of its other child by subtracting `child`'s.
    func subtract(_ child: UnsafePointer<HistogramBin>, from parent: UnsafeMutablePointer<HistogramBin>) {
        for f in 0..<data.columns {
            for b in 0..<binCounts[f] {
                let k = f * Self.stride + b
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

/// One node's histogram sums, shared read-only by the workers that each fill one feature.
private struct HistogramJob: @unchecked Sendable {
    let histogram: UnsafeMutablePointer<HistogramBin>
    let rows: UnsafePointer<UInt32>?
    let count: Int
    let gradients: UnsafePointer<Float>
    let hessians: UnsafePointer<Float>
    let codes: UnsafeMutablePointer<UInt8>
    let rowCount: Int
    let constantHessian: Bool

    /// Sums feature `f`'s bins in row order.
    func fill(feature f: Int) {
        let h = histogram + f * NodeHistograms.stride
        h.update(repeating: HistogramBin(), count: NodeHistograms.stride)
        let column = codes + f * rowCount
        if let rows {
            for k in 0..<count {
                let b = Int(column[Int(rows[k])])
                h[b].gradient += Double(gradients[k])
                if !constantHessian { h[b].hessian += Double(hessians[k]) }
                h[b].count += 1
            }
        } else {
            for k in 0..<count {
                let b = Int(column[k])
                h[b].gradient += Double(gradients[k])
                if !constantHessian { h[b].hessian += Double(hessians[k]) }
                h[b].count += 1
            }
        }
    }
}
