import CNeuralKernels
import Foundation

/// Grows one regression tree on gradient histograms, best-first as scikit-learn's `TreeGrower`:
/// the splittable node of largest gain is split next until `maxLeafNodes` leaves exist, nodes
/// at `maxDepth` or with fewer than 2 × `minSamplesLeaf` rows become leaves, and a leaf holds
/// −G/(H+λ) × learning rate. The smaller child's histogram is summed, the larger one's is the
/// parent's minus it. Buffers are kept between trees.
final class HistogramTreeGrower {
    private struct Node {
        var start: Int, end: Int, depth: Int
        var gradient: Double, hessian: Double, value: Double
        var split: BoostingSplit?
        var left = -1, right = -1
        var histogram: UnsafeMutablePointer<HistogramBin>?
        var count: Int { end - start }
    }

    private let histograms: NodeHistograms
    private let settings: BoostingSettings
    private let rows: Int
    /// Row order: every node owns the contiguous range `start..<end`.
    private let order: UnsafeMutablePointer<UInt32>
    private let scratch: UnsafeMutablePointer<UInt32>
    private var freeHistograms: [UnsafeMutablePointer<HistogramBin>] = []
    private var allHistograms: [UnsafeMutablePointer<HistogramBin>] = []
    private var nodes: [Node] = []
    /// Leaves of the last tree: row ranges in `order` and their shrunk values.
    private(set) var leaves: [(start: Int, end: Int, value: Double)] = []

    init(data: BinnedFeatures, settings: BoostingSettings, team: WorkerTeam) {
        histograms = NodeHistograms(data: data, binCounts: data.thresholds.map { $0.count + 1 },
                                    constantHessian: settings.loss == .squaredError, team: team)
        self.settings = settings
        rows = data.rows
        order = .allocate(capacity: max(1, rows))
        scratch = .allocate(capacity: max(1, rows))
    }

    deinit {
        order.deallocate()
        scratch.deallocate()
        histograms.release()
        for h in allHistograms { h.deallocate() }
    }

    /// Grows a tree on per-row gradients and hessians (hessians unused for squared error).
    func grow(gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) -> TreeArrays {
        let minLeaf = settings.minSamplesLeaf
        nodes.removeAll(keepingCapacity: true)
        // scikit-learn gives the root the value 0, so its gain has no parent term. The root's rows are
        // every row in order; `order` is first written when the root is split.
        nodes.append(Node(start: 0, end: rows, depth: 0, gradient: 0, hessian: 0, value: 0))
        var splittable: [Int] = []
        if rows >= 2 * minLeaf {
            let h = takeHistogram()
            histograms.build(h, rows: nil, count: rows, gradients: gradients, hessians: hessians)
            (nodes[0].gradient, nodes[0].hessian) = histograms.totals(h)
            nodes[0].histogram = h
            if nodes[0].hessian >= NodeHistograms.minHessianToSplit && push(0) { splittable.append(0) } else { release(0) }
        }
        var leafCount = 1
        while !splittable.isEmpty {
            // Largest gain first; ties go to the node found first.
            var pick = 0
            for k in 1..<splittable.count where nodes[splittable[k]].split!.gain > nodes[splittable[pick]].split!.gain {
                pick = k
            }
            let id = splittable.remove(at: pick)
            let (left, right) = split(id)
            leafCount += 1
            var finalLeft = false, finalRight = false
            if let maxLeaves = settings.maxLeafNodes, leafCount == maxLeaves {
                for other in splittable { release(other) }
                splittable.removeAll()
                finalLeft = true
                finalRight = true
            } else if let maxDepth = settings.maxDepth, nodes[left].depth == maxDepth {
                finalLeft = true
                finalRight = true
            }
            if nodes[left].count < 2 * minLeaf { finalLeft = true }
            if nodes[right].count < 2 * minLeaf { finalRight = true }
            let parentHistogram = nodes[id].histogram!
            nodes[id].histogram = nil
            if finalLeft && finalRight {
                freeHistograms.append(parentHistogram)
                continue
            }
            // The smaller child is summed; the parent's buffer becomes the larger child's.
            let (small, large) = nodes[left].count < nodes[right].count ? (left, right) : (right, left)
            let h = takeHistogram()
            let node = nodes[small]
            histograms.build(h, rows: UnsafePointer(order + node.start), count: node.count,
                             gradients: gradients, hessians: hessians)
            histograms.subtract(h, from: parentHistogram)
            nodes[small].histogram = h
            nodes[large].histogram = parentHistogram
            for (child, final) in [(left, finalLeft), (right, finalRight)] {
                if !final && push(child) { splittable.append(child) } else { release(child) }
            }
        }
        return emit()
    }

    /// Finds a node's best split; true when it has one (otherwise it stays a leaf).
    private func push(_ id: Int) -> Bool {
        let n = nodes[id]
        nodes[id].split = histograms.bestSplit(n.histogram!, gradient: n.gradient, hessian: n.hessian, count: n.count,
                                               value: n.value, minSamplesLeaf: settings.minSamplesLeaf,
                                               l2: settings.l2Regularization)
        return nodes[id].split != nil
    }

    /// Returns a node's histogram buffer, if any, to the pool.
    private func release(_ id: Int) {
        if let h = nodes[id].histogram { freeHistograms.append(h) }
        nodes[id].histogram = nil
    }

    private func takeHistogram() -> UnsafeMutablePointer<HistogramBin> {
        if let h = freeHistograms.popLast() { return h }
        let h = UnsafeMutablePointer<HistogramBin>.allocate(capacity: histograms.data.columns * NodeHistograms.stride)
        allHistograms.append(h)
        return h
    }

    /// Partitions a node's rows (both sides keep their order) and appends its two children. A large node
    /// is cut into one part per thread, each partitioned on its own, and the parts' sides are then joined
    /// in part order, which gives the same order as one pass.
    private func split(_ id: Int) -> (Int, Int) {
        let node = nodes[id], s = node.split!, l2 = settings.l2Regularization
        let job = PartitionJob(column: histograms.data.codes + s.feature * rows, bin: UInt8(s.bin),
                               source: id == 0 ? nil : UnsafePointer(order), order: order, scratch: scratch)
        let parts = node.count >= Self.parallelRows ? histograms.team.size : 1
        var l = node.start
        if parts <= 1 {
            let lefts = job.partition(node.start..<node.end)
            (order + node.start + lefts).update(from: scratch + node.start, count: node.count - lefts)
            l += lefts
        } else {
            let lefts = PartCounts(parts)
            defer { lefts.pointer.deallocate() }
            let range = node.start..<node.end
            histograms.team.run(parts) { p in
                lefts.pointer[p] = job.partition(Self.part(p, of: parts, range))
            }
            for p in 0..<parts {
                let range = Self.part(p, of: parts, node.start..<node.end)
                let count = lefts.pointer[p]
                if l != range.lowerBound { memmove(order + l, order + range.lowerBound, count * MemoryLayout<UInt32>.stride) }
                l += count
            }
            var r = l
            for p in 0..<parts {
                let range = Self.part(p, of: parts, node.start..<node.end), rights = range.count - lefts.pointer[p]
                (order + r).update(from: scratch + range.lowerBound, count: rights)
                r += rights
            }
        }
        let depth = node.depth + 1
        nodes.append(Node(start: node.start, end: l, depth: depth, gradient: s.gradientLeft, hessian: s.hessianLeft,
                          value: NodeHistograms.value(gradient: s.gradientLeft, hessian: s.hessianLeft, l2: l2)))
        nodes.append(Node(start: l, end: node.end, depth: depth, gradient: s.gradientRight, hessian: s.hessianRight,
                          value: NodeHistograms.value(gradient: s.gradientRight, hessian: s.hessianRight, l2: l2)))
        nodes[id].left = nodes.count - 2
        nodes[id].right = nodes.count - 1
        return (nodes.count - 2, nodes.count - 1)
    }

    /// The grown tree in depth-first order with real-valued thresholds; records the leaves.
    private func emit() -> TreeArrays {
        var features: [Int32] = [], thresholds: [Double] = [], rights: [Int32] = []
        leaves.removeAll(keepingCapacity: true)
        let rate = settings.learningRate
        var stack = [0]
        var pendingRight: [Int: Int] = [:]
        while let id = stack.popLast() {
            if let parent = pendingRight.removeValue(forKey: id) { rights[parent] = Int32(features.count) }
            let node = nodes[id]
            if node.left < 0 {
                features.append(-1)
                thresholds.append(node.value * rate)
                rights.append(0)
                leaves.append((node.start, node.end, node.value * rate))
            } else {
                let s = node.split!
                pendingRight[node.right] = features.count
                features.append(Int32(s.feature))
                thresholds.append(histograms.data.thresholds[s.feature][s.bin])
                rights.append(0)
                stack.append(node.right)
                stack.append(node.left)
            }
        }
        return TreeArrays(features: features, thresholds: thresholds, rightChildren: rights, leafProbabilities: [],
                          importances: [Double](repeating: 0, count: histograms.data.columns))
    }

    /// Adds the last tree's leaf values to the raw predictions of the training rows (each row belongs to
    /// one leaf, so the parts touch different rows).
    func addLeafValues(to raw: UnsafeMutablePointer<Double>) {
        if nodes.count == 1 {
            // The root was not split, so `order` was not written: one leaf holds every row.
            for leaf in leaves { for i in leaf.start..<leaf.end { raw[i] += leaf.value } }
            return
        }
        let job = LeafJob(order: order, leaves: leaves, raw: raw)
        forEachPart(of: 0..<rows) { job.run($0) }
    }

    /// Rows from which a loop over a node's rows runs in one part per thread.
    static let parallelRows = 8192

    /// Part `p` of `parts` nearly equal consecutive parts of `range`.
    static func part(_ p: Int, of parts: Int, _ range: Range<Int>) -> Range<Int> {
        (range.lowerBound + range.count * p / parts)..<(range.lowerBound + range.count * (p + 1) / parts)
    }

    /// Runs `body` over `range` in one part per thread when it is large, else in one call.
    private func forEachPart(of range: Range<Int>, _ body: (Range<Int>) -> Void) {
        let parts = range.count >= Self.parallelRows ? histograms.team.size : 1
        histograms.team.run(parts) { body(Self.part($0, of: parts, range)) }
    }
}

/// One count per part, each written by its own worker.
private struct PartCounts: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int>
    init(_ parts: Int) { pointer = .allocate(capacity: parts) }
}

/// One part of a node's stable partition: rows whose code is at most `bin` are compacted to the part's
/// start in `order`, the others written in order to the same positions of `scratch`.
private struct PartitionJob: @unchecked Sendable {
    let column: UnsafeMutablePointer<UInt8>
    let bin: UInt8
    /// The node's rows: `order`, or nil for the root's (every row in order).
    let source: UnsafePointer<UInt32>?
    let order: UnsafeMutablePointer<UInt32>
    let scratch: UnsafeMutablePointer<UInt32>

    /// Partitions `range`; returns how many rows went left.
    func partition(_ range: Range<Int>) -> Int {
        bk_partition(column, bin, source, order, scratch, range.lowerBound, range.upperBound)
    }
}

/// The last tree's leaves, added to the raw predictions of their rows by the workers that each take
/// one part of the positions.
private struct LeafJob: @unchecked Sendable {
    let order: UnsafeMutablePointer<UInt32>
    let leaves: [(start: Int, end: Int, value: Double)]
    let raw: UnsafeMutablePointer<Double>

    func run(_ range: Range<Int>) {
        for leaf in leaves {
            let lo = max(leaf.start, range.lowerBound), hi = min(leaf.end, range.upperBound)
            if lo < hi { bk_add_leaf_value(raw, order, lo, hi, leaf.value) }
        }
    }
}
