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
///
/// Consecutive rows often fall in the same bin (count features use a handful of bins), and adding
/// into one bin waits for the previous addition to it. Large nodes are therefore summed in
/// ``lanes`` interleaved histograms (row k into lane k mod lanes), added together at the end, so
/// the additions of neighbouring rows do not wait for each other. The order of every sum is fixed
/// by the row order, so the result does not depend on the thread count.
private struct HistogramJob: @unchecked Sendable {
    let histogram: UnsafeMutablePointer<HistogramBin>
    let rows: UnsafePointer<UInt32>?
    let count: Int
    let gradients: UnsafePointer<Float>
    let hessians: UnsafePointer<Float>
    let codes: UnsafeMutablePointer<UInt8>
    let rowCount: Int
    let constantHessian: Bool

    /// Interleaved histograms for large nodes.
    static let lanes = 4
    /// Rows from which a node is summed in lanes.
    static let laneRows = 2048

    /// Sums feature `f`'s bins.
    func fill(feature f: Int) {
        let h = histogram + f * NodeHistograms.stride
        let column = codes + f * rowCount
        guard count >= Self.laneRows else {
            h.update(repeating: HistogramBin(), count: NodeHistograms.stride)
            if constantHessian { add(column, into: h, 0..<count, hessian: false) } else { add(column, into: h, 0..<count, hessian: true) }
            return
        }
        let width = NodeHistograms.stride
        withUnsafeTemporaryAllocation(of: HistogramBin.self, capacity: Self.lanes * width) { buffer in
            let lanes = buffer.baseAddress!
            lanes.initialize(repeating: HistogramBin(), count: Self.lanes * width)
            if constantHessian { addInLanes(column, into: lanes, hessian: false) } else { addInLanes(column, into: lanes, hessian: true) }
            for b in 0..<width {
                var sum = lanes[b]
                for lane in 1..<Self.lanes {
                    let other = lanes[lane * width + b]
                    sum.gradient += other.gradient
                    sum.hessian += other.hessian
                    sum.count += other.count
                }
                h[b] = sum
            }
        }
    }

    @inline(__always)
    private func code(_ column: UnsafeMutablePointer<UInt8>, _ k: Int) -> Int {
        if let rows { return Int(column[Int(rows[k])]) }
        return Int(column[k])
    }

    @inline(__always)
    private func add(_ column: UnsafeMutablePointer<UInt8>, into h: UnsafeMutablePointer<HistogramBin>, _ range: Range<Int>,
                     hessian: Bool) {
        for k in range {
            let b = code(column, k)
            h[b].gradient += Double(gradients[k])
            if hessian { h[b].hessian += Double(hessians[k]) }
            h[b].count += 1
        }
    }

    /// Row k into lane k mod 4; the rows after the last whole group of four go to lane 0.
    @inline(__always)
    private func addInLanes(_ column: UnsafeMutablePointer<UInt8>, into lanes: UnsafeMutablePointer<HistogramBin>,
                            hessian: Bool) {
        let width = NodeHistograms.stride
        let h0 = lanes, h1 = lanes + width, h2 = lanes + 2 * width, h3 = lanes + 3 * width
        var k = 0
        while k + 4 <= count {
            let b0 = code(column, k), b1 = code(column, k + 1), b2 = code(column, k + 2), b3 = code(column, k + 3)
            h0[b0].gradient += Double(gradients[k])
            h1[b1].gradient += Double(gradients[k + 1])
            h2[b2].gradient += Double(gradients[k + 2])
            h3[b3].gradient += Double(gradients[k + 3])
            if hessian {
                h0[b0].hessian += Double(hessians[k])
                h1[b1].hessian += Double(hessians[k + 1])
                h2[b2].hessian += Double(hessians[k + 2])
                h3[b3].hessian += Double(hessians[k + 3])
            }
            h0[b0].count += 1
            h1[b1].count += 1
            h2[b2].count += 1
            h3[b3].count += 1
            k += 4
        }
        add(column, into: h0, k..<count, hessian: hessian)
    }
}
