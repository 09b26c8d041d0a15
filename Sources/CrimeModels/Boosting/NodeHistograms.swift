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
/// feature) and finds the split with scikit-learn's gain.
///
/// Histograms are summed row by row: a row's codes for every feature are read together (one memory
/// access per row rather than one per feature) and its gradient is added to each feature's bin, so
/// neighbouring additions go to different features and need not wait for each other. A node of at
/// least ``partRows`` rows is cut into ``parts`` equal parts, summed into their own buffers (in parallel)
/// and then added together in part order; the parts depend on the node's size only, so the sums do not
/// depend on the thread count.
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
    /// Room for ``parts`` histograms, one per part of a large node.
    let partBuffers: UnsafeMutablePointer<HistogramBin>

    /// Parts a large node is summed in.
    static let parts = 8
    /// Rows from which a node is summed in parts.
    static let partRows = 2048

    /// Bins of one histogram buffer for `columns` features.
    static func binCount(columns: Int) -> Int { max(1, columns) * stride }

    /// Fills `histogram` with the sums over `rows` (nil: every row in order) of the node's
    /// gradients; `gradients`/`hessians` are indexed by position in `rows` (or by row when nil).
    func build(_ histogram: UnsafeMutablePointer<HistogramBin>, rows: UnsafePointer<UInt32>?, count: Int,
               gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
        let width = Self.binCount(columns: data.columns)
        let job = RowHistogramJob(rows: rows, gradients: gradients, hessians: hessians, codes: data.rowCodes,
                                  columns: data.columns, constantHessian: constantHessian)
        guard count >= Self.partRows else {
            histogram.update(repeating: HistogramBin(), count: width)
            job.fill(histogram, 0..<count)
            return
        }
        let buffers = PartBuffers(pointer: partBuffers)
        let parts = Self.parts
        let fillPart: @Sendable (Int) -> Void = { p in
            let h = buffers.pointer + p * width
            h.update(repeating: HistogramBin(), count: width)
            job.fill(h, (count * p / parts)..<(count * (p + 1) / parts))
        }
        if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: parts, execute: fillPart)
        } else {
            for p in 0..<parts { fillPart(p) }
        }
        for f in 0..<data.columns {
            for b in 0..<Self.stride {
                let k = f * Self.stride + b
                var sum = partBuffers[k]
                for p in 1..<parts {
                    let other = partBuffers[p * width + k]
                    sum.gradient += other.gradient
                    sum.hessian += other.hessian
                    sum.count += other.count
                }
                histogram[k] = sum
            }
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

/// The part buffers of one node, written by the workers that each fill one part.
private struct PartBuffers: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<HistogramBin>
}

/// One node's rows and gradients, read by the workers that each sum one part of the rows.
private struct RowHistogramJob: @unchecked Sendable {
    let rows: UnsafePointer<UInt32>?
    let gradients: UnsafePointer<Float>
    let hessians: UnsafePointer<Float>
    /// Row-major codes.
    let codes: UnsafeMutablePointer<UInt8>
    let columns: Int
    let constantHessian: Bool

    /// Adds positions `range` of the node into `h` (zeroed by the caller), row by row.
    func fill(_ h: UnsafeMutablePointer<HistogramBin>, _ range: Range<Int>) {
        if constantHessian { add(h, range, hessian: false) } else { add(h, range, hessian: true) }
    }

    @inline(__always)
    private func add(_ h: UnsafeMutablePointer<HistogramBin>, _ range: Range<Int>, hessian: Bool) {
        let stride = NodeHistograms.stride
        for k in range {
            let row = rows.map { Int($0[k]) } ?? k
            let g = Double(gradients[k])
            let hs = hessian ? Double(hessians[k]) : 0
            let codesOfRow = codes + row * columns
            var bins = h
            for f in 0..<columns {
                let bin = bins + Int(codesOfRow[f])
                bin.pointee.gradient += g
                if hessian { bin.pointee.hessian += hs }
                bin.pointee.count += 1
                bins += stride
            }
        }
    }
}
