import CrimeCore
import Dispatch
import Foundation

/// The fitted part of a forest: its trees, the width of its input and, for classifiers, the labels.
struct ForestEnsemble: Sendable, Equatable {
    var trees: [TreeArrays]
    var featureCount: Int
    /// Class labels in ascending order (classification); empty for regression.
    var classes: [Double]

    /// Mean decrease in impurity per feature, as scikit-learn's `feature_importances_`: each tree's
    /// normalised importances averaged over the trees that split at least once, normalised again.
    var impurityImportances: [Double] {
        let grown = trees.filter { $0.nodeCount > 1 }
        var mean = [Double](repeating: 0, count: featureCount)
        guard !grown.isEmpty else { return mean }
        for tree in grown {
            for (f, v) in tree.normalizedImportances.enumerated() { mean[f] += v }
        }
        for f in 0..<featureCount { mean[f] /= Double(grown.count) }
        let total = mean.reduce(0, +)
        return total > 0 ? mean.map { $0 / total } : mean
    }

    /// Total number of nodes over all trees.
    var nodeCount: Int { trees.reduce(0) { $0 + $1.nodeCount } }

    /// Checks the input of `predict`.
    func check(_ x: Matrix) throws {
        try x.validate()
        guard x.columns == featureCount else {
            throw EstimatorError.featureCountMismatch(expected: featureCount, got: x.columns)
        }
        try ForestInput.checkFinite(x)
    }

    /// Node bytes of all trees below which prediction walks the trees over blocks of ``rowBlock`` rows.
    static let cachedTreeBytes = 1 << 20
    /// Rows per block when the trees fit in the caches.
    static let rowBlock = 512

    /// The sum over trees, in tree order, of each row's leaf output: one value per row for
    /// regression, `classes.count` per row for classification. Rows run in parallel blocks; every
    /// row's sum is taken in the same order whatever the thread count.
    func leafSums(_ x: Matrix, threads: Int?) -> [Double] {
        let width = classes.isEmpty ? 1 : classes.count
        let rows = x.rows, columns = x.columns
        var out = [Double](repeating: 0, count: rows * width)
        // One contiguous part of rows per worker. Large trees are walked one after another over the whole
        // part, so each comes into cache once per worker; when all the trees together fit in the caches
        // (boosting's small trees), every tree is walked over a block of rows at a time instead, so the
        // block's rows stay in cache across the trees.
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, rows / 256 + 1))
        let classification = !classes.isEmpty
        let block = nodeCount * 2 * MemoryLayout<UInt64>.stride <= Self.cachedTreeBytes ? Self.rowBlock : rows
        x.values.withUnsafeBufferPointer { xb in
            out.withUnsafeMutableBufferPointer { ob in
                let shared = SharedPointers(x: xb.baseAddress, out: ob.baseAddress)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    guard let xp = shared.x, let op = shared.out else { return }
                    let first = rows * worker / workers, last = rows * (worker + 1) / workers
                    for lo in stride(from: first, to: last, by: max(block, 1)) {
                        let hi = min(last, lo + max(block, 1))
                        for tree in trees {
                            tree.nodes.withUnsafeBufferPointer { nb in
                            tree.leafProbabilities.withUnsafeBufferPointer { probabilities in
                                let nodes = nb.baseAddress!
                                let n = TreeArrays.lockstepRows
                                var i = lo
                                withUnsafeTemporaryAllocation(of: UnsafePointer<Double>.self, capacity: n) { rowBuffer in
                                withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { leafBuffer in
                                    let r = rowBuffer.baseAddress!, l = leafBuffer.baseAddress!
                                    while i + n <= hi {
                                        for k in 0..<n { r[k] = UnsafePointer(xp + (i + k) * columns) }
                                        TreeArrays.leavesInLockstep(nodes, r, l)
                                        for k in 0..<n { add(nodes, l[k], row: i + k) }
                                        i += n
                                    }
                                }}
                                for i in i..<hi {
                                    add(nodes, TreeArrays.leaf(nodes, row: xp + i * columns), row: i)
                                }
                                /// Adds a leaf's output to a row's sums.
                                @inline(__always) func add(_ nodes: UnsafePointer<UInt64>, _ leaf: Int, row i: Int) {
                                    if classification {
                                        let base = TreeArrays.ordinal(nodes, leaf) * width
                                        for k in 0..<width { op[i * width + k] += probabilities[base + k] }
                                    } else {
                                        op[i] += TreeArrays.value(nodes, leaf)
                                    }
                                }
                            }}
                        }
                    }
                }
            }
        }
        return out
    }
}

/// Raw pointers handed to parallel workers, each of which touches only its own rows.
struct SharedPointers: @unchecked Sendable {
    let x: UnsafePointer<Double>?
    let out: UnsafeMutablePointer<Double>?
}

/// Input checks shared by the forests.
enum ForestInput {
    /// Throws ``CrimeCore/EstimatorError/nonFiniteValue(row:column:)`` for the first NaN or infinity.
    static func checkFinite(_ x: Matrix) throws {
        try x.values.withUnsafeBufferPointer { v in
            for k in 0..<v.count where !v[k].isFinite {
                throw EstimatorError.nonFiniteValue(row: k / max(x.columns, 1), column: k % max(x.columns, 1))
            }
        }
    }

    /// Checks a training table and its targets: shape, emptiness, finiteness.
    static func checkTraining(_ x: Matrix, _ y: [Double]) throws {
        try x.validate()
        guard x.rows > 0, x.columns > 0 else { throw EstimatorError.emptyTrainingSet }
        guard y.count == x.rows else { throw EstimatorError.targetCountMismatch(rows: x.rows, targets: y.count) }
        try checkFinite(x)
        if let bad = y.firstIndex(where: { !$0.isFinite }) { throw EstimatorError.nonFiniteValue(row: bad, column: nil) }
    }
}
