/// Limits on a tree's growth, already resolved to numbers.
struct GrowthLimits: Sendable {
    var maxDepth: Int
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    var maxFeatures: Int
    /// Number of classes; 0 for regression.
    var classes: Int
}

/// Grows one CART tree depth first, the way scikit-learn's `DepthFirstTreeBuilder` with the
/// `best` splitter does: at every node the features are visited in a random order until
/// `maxFeatures` non-constant ones have been searched, and the split with the largest impurity
/// decrease wins (the first one on ties). Constant features do not count towards `maxFeatures`.
struct TreeGrower<C: SplitCriterion> {
    let data: TrainingData
    let criterion: C
    let limits: GrowthLimits

    /// The best split found at a node.
    private struct Split {
        var feature = -1
        var threshold = 0.0
        var proxy = -Double.infinity
        /// Where the right child's rows begin (exact search, whose sorted order is kept), or the
        /// last bin that goes left (histogram search).
        var position = 0
    }

    /// Scratch for rank sorting: keys and their radix-sort copy, one per node row, and 256 counters.
    private struct SortBuffers {
        let keys: UnsafeMutablePointer<UInt64>
        let temp: UnsafeMutablePointer<UInt64>
        let counts: UnsafeMutablePointer<Int>
        /// The node's rows sorted by the best feature so far: already partitioned at the best split.
        let bestOrder: UnsafeMutablePointer<Int32>

        init(count: Int) {
            keys = .allocate(capacity: max(1, count))
            temp = .allocate(capacity: max(1, count))
            counts = .allocate(capacity: 256)
            bestOrder = .allocate(capacity: max(1, count))
        }

        func release() {
            keys.deallocate()
            temp.deallocate()
            counts.deallocate()
            bestOrder.deallocate()
        }
    }

    private struct Pending {
        var start: Int, end: Int, depth: Int, parent: Int, isLeft: Bool, impurity: Double?
    }

    /// Grows a tree on the rows in `samples` (each listed once), weighted by `weights` (per row).
    /// `samples` is reordered in place.
    func grow(samples: inout [Int32], weights: [Double], rng: inout SeededGenerator) -> TreeArrays {
        let n = data.rows, p = data.columns, width = criterion.width
        var features: [Int32] = [], thresholds: [Double] = [], rights: [Int32] = [], probabilities: [Double] = []
        var importances = [Double](repeating: 0, count: p)
        let maxBins = data.codes == nil ? 0 : (0..<p).map { data.binStart[$0 + 1] - data.binStart[$0] + 1 }.max() ?? 0
        var contributions = [Double](repeating: 0, count: n * width)
        var scratch = [Double](repeating: 0, count: samples.count + 3 * width + maxBins * width)
        var binCounts = [Int32](repeating: 0, count: max(1, maxBins))
        var order = Array(0..<p)
        let sortBuffers = SortBuffers(count: data.ranks == nil ? 0 : samples.count)
        defer { sortBuffers.release() }
        samples.withUnsafeMutableBufferPointer { sampleBuffer in
        weights.withUnsafeBufferPointer { w in
        contributions.withUnsafeMutableBufferPointer { contrib in
        scratch.withUnsafeMutableBufferPointer { scratchBuffer in
        binCounts.withUnsafeMutableBufferPointer { counts in
            let s = sampleBuffer.baseAddress!, c = contrib.baseAddress!
            for k in 0..<sampleBuffer.count {
                let i = Int(s[k])
                criterion.contribution(of: i, weight: w[i], into: c + i * width)
            }
            let xf = scratchBuffer.baseAddress!
            let total = xf + sampleBuffer.count, left = total + width, hist = left + width + width
            var rootWeight = 0.0
            var stack = [Pending(start: 0, end: sampleBuffer.count, depth: 0, parent: -1, isLeft: false, impurity: nil)]
            while let node = stack.popLast() {
                for j in 0..<width { total[j] = 0 }
                for k in node.start..<node.end {
                    let row = c + Int(s[k]) * width
                    for j in 0..<width { total[j] += row[j] }
                }
                let weight = total[0]
                let impurity = node.impurity
                    ?? criterion.impurity(samples: s, range: node.start..<node.end, weights: w.baseAddress!, stats: total)
                if node.parent < 0 { rootWeight = weight }
                let id = features.count
                if node.parent >= 0 && !node.isLeft { rights[node.parent] = Int32(id) }
                let count = node.end - node.start
                var isLeaf = node.depth >= limits.maxDepth || count < limits.minSamplesSplit
                    || count < 2 * limits.minSamplesLeaf || impurity <= impurityEpsilon
                var split = Split()
                var children: (left: Double, right: Double, pos: Int) = (0, 0, 0)
                if !isLeaf {
                    split = findSplit(s, node.start, node.end, c, xf, total, left, hist, counts.baseAddress!, sortBuffers, &order, &rng)
                    if split.feature >= 0 {
                        let pos: Int
                        if data.ranks != nil {
                            (s + node.start).update(from: sortBuffers.bestOrder + node.start, count: node.end - node.start)
                            pos = split.position
                        } else {
                            pos = partition(s, node.start, node.end, split.feature, lastLeftBin: split.position)
                        }
                        let stats = left
                        for j in 0..<width { stats[j] = 0 }
                        for k in node.start..<pos {
                            let row = c + Int(s[k]) * width
                            for j in 0..<width { stats[j] += row[j] }
                        }
                        let impurityLeft = criterion.impurity(samples: s, range: node.start..<pos, weights: w.baseAddress!, stats: stats)
                        let wl = stats[0]
                        for j in 0..<width { stats[j] = total[j] - stats[j] }
                        let impurityRight = criterion.impurity(samples: s, range: pos..<node.end, weights: w.baseAddress!, stats: stats)
                        let wr = stats[0]
                        let improvement = (weight / rootWeight)
                            * (impurity - wr / weight * impurityRight - wl / weight * impurityLeft)
                        if improvement + impurityEpsilon < 0 {
                            isLeaf = true
                        } else {
                            importances[split.feature] += weight * impurity - wl * impurityLeft - wr * impurityRight
                            children = (impurityLeft, impurityRight, pos)
                        }
                    } else {
                        isLeaf = true
                    }
                }
                if isLeaf {
                    features.append(-1)
                    if limits.classes > 0 {
                        let ordinal = probabilities.count / limits.classes
                        for k in 1...limits.classes { probabilities.append(total[k] / weight) }
                        thresholds.append(0)
                        rights.append(Int32(ordinal))
                    } else {
                        thresholds.append(total[1] / weight)
                        rights.append(0)
                    }
                } else {
                    features.append(Int32(split.feature))
                    thresholds.append(split.threshold)
                    rights.append(-1)
                    stack.append(Pending(start: children.pos, end: node.end, depth: node.depth + 1, parent: id,
                                         isLeft: false, impurity: children.right))
                    stack.append(Pending(start: node.start, end: children.pos, depth: node.depth + 1, parent: id,
                                         isLeft: true, impurity: children.left))
                }
            }
            if rootWeight > 0 {
                for f in 0..<p { importances[f] /= rootWeight }
            }
        }}}}}
        return TreeArrays(features: features, thresholds: thresholds, rightChildren: rights,
                          leafProbabilities: probabilities, importances: importances)
    }

    /// Moves the rows whose bin of `feature` is at most `lastLeftBin` (equivalently `x <= threshold`)
    /// to the front of `s[start..<end]`; returns where the rest begin.
    private func partition(_ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int, _ feature: Int, lastLeftBin: Int) -> Int {
        guard let codes = data.codes else { return start }
        let column = codes + feature * data.rows
        let last = UInt8(truncatingIfNeeded: lastLeftBin)
        var lo = start, hi = end - 1
        while lo <= hi {
            if column[Int(s[lo])] <= last {
                lo += 1
            } else {
                let t = s[lo]; s[lo] = s[hi]; s[hi] = t
                hi -= 1
            }
        }
        return lo
    }

    /// Visits features in a random order and keeps the best split among the first
    /// `maxFeatures` non-constant ones.
    private func findSplit(_ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int,
                           _ c: UnsafeMutablePointer<Double>, _ xf: UnsafeMutablePointer<Double>,
                           _ total: UnsafeMutablePointer<Double>, _ left: UnsafeMutablePointer<Double>,
                           _ hist: UnsafeMutablePointer<Double>, _ counts: UnsafeMutablePointer<Int32>,
                           _ sortBuffers: SortBuffers, _ order: inout [Int], _ rng: inout SeededGenerator) -> Split {
        var best = Split()
        var searched = 0
        var drawn = 0
        let p = order.count
        while drawn < p && searched < limits.maxFeatures {
            let j = drawn + Int(rng.next().multipliedFullWidth(by: UInt64(p - drawn)).high)
            order.swapAt(drawn, j)
            let f = order[drawn]
            drawn += 1
            let searchedFeature: Bool
            if data.codes != nil {
                searchedFeature = searchBinned(f, s, start, end, c, total, left, hist, counts, &best)
            } else {
                searchedFeature = searchExact(f, s, start, end, c, xf, total, left, sortBuffers, &best)
            }
            if searchedFeature { searched += 1 }
        }
        return best
    }

    /// scikit-learn's `FEATURE_THRESHOLD`: values closer than this count as equal.
    private static var featureThreshold: Double { 1e-7 }

    /// Exact search on feature `f`: sorts the node's rows by the feature's rank and tries every
    /// boundary between distinct values. Returns false when the feature is constant in the node.
    private func searchExact(_ f: Int, _ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int,
                             _ c: UnsafeMutablePointer<Double>, _ xf: UnsafeMutablePointer<Double>,
                             _ total: UnsafeMutablePointer<Double>, _ left: UnsafeMutablePointer<Double>,
                             _ sortBuffers: SortBuffers, _ best: inout Split) -> Bool {
        guard let featureRanks = data.ranks else { return false }
        let ranks = featureRanks.ranks + f * data.rows, distinct = featureRanks.distinct + f * data.rows
        let keys = sortBuffers.keys
        var lo = UInt32.max, hi = UInt32.min
        for k in start..<end {
            let i = s[k]
            let rank = ranks[Int(i)]
            keys[k] = UInt64(rank) << 32 | UInt64(UInt32(bitPattern: i))
            lo = min(lo, rank)
            hi = max(hi, rank)
        }
        if distinct[Int(hi)] <= distinct[Int(lo)] + Self.featureThreshold { return false }
        RankSort.sort(keys + start, sortBuffers.temp, sortBuffers.counts, count: end - start, low: lo, high: hi)
        for k in start..<end {
            let key = keys[k]
            s[k] = Int32(truncatingIfNeeded: key)
            xf[k] = distinct[Int(key >> 32)]
        }
        let width = criterion.width
        for j in 0..<width { left[j] = 0 }
        let minLeaf = limits.minSamplesLeaf
        var improved = false
        var k = start
        while k < end - 1 {
            let row = c + Int(s[k]) * width
            for j in 0..<width { left[j] += row[j] }
            k += 1
            if xf[k] <= xf[k - 1] + Self.featureThreshold { continue }
            if k - start < minLeaf { continue }
            if end - k < minLeaf { break }
            let proxy = criterion.proxy(left: left, total: total)
            if proxy > best.proxy {
                best.proxy = proxy
                best.feature = f
                best.position = k
                let mid = xf[k - 1] / 2 + xf[k] / 2
                best.threshold = (mid == xf[k] || !mid.isFinite) ? xf[k - 1] : mid
                improved = true
            }
        }
        if improved { (sortBuffers.bestOrder + start).update(from: s + start, count: end - start) }
        return true
    }

    /// Histogram search on feature `f`: sums the node's statistics per bin and tries every bin
    /// edge. Returns false when the node's rows share one bin.
    private func searchBinned(_ f: Int, _ s: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int,
                              _ c: UnsafeMutablePointer<Double>, _ total: UnsafeMutablePointer<Double>,
                              _ left: UnsafeMutablePointer<Double>, _ hist: UnsafeMutablePointer<Double>,
                              _ counts: UnsafeMutablePointer<Int32>, _ best: inout Split) -> Bool {
        guard let codes = data.codes else { return false }
        let width = criterion.width
        let edgeStart = data.binStart[f]
        let bins = data.binStart[f + 1] - edgeStart + 1
        for b in 0..<(bins * width) { hist[b] = 0 }
        for b in 0..<bins { counts[b] = 0 }
        let column = codes + f * data.rows
        var lowBin = Int.max, highBin = -1
        for k in start..<end {
            let i = Int(s[k])
            let b = Int(column[i])
            counts[b] += 1
            lowBin = min(lowBin, b)
            highBin = max(highBin, b)
            let row = c + i * width, h = hist + b * width
            for j in 0..<width { h[j] += row[j] }
        }
        if lowBin == highBin { return false }
        for j in 0..<width { left[j] = 0 }
        let minLeaf = limits.minSamplesLeaf
        var nLeft = 0
        let n = end - start
        for b in lowBin..<highBin where counts[b] > 0 {
            let h = hist + b * width
            for j in 0..<width { left[j] += h[j] }
            nLeft += Int(counts[b])
            if nLeft < minLeaf { continue }
            if n - nLeft < minLeaf { break }
            let proxy = criterion.proxy(left: left, total: total)
            if proxy > best.proxy {
                best.proxy = proxy
                best.feature = f
                best.threshold = data.binEdges[edgeStart + b]
                best.position = b
            }
        }
        return true
    }
}

import CrimeCore
