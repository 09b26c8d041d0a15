import CrimeCore
import Dispatch
import Foundation

/// The trees of a fitted forest and what regressor and classifier share: parallel growing, bagging,
/// averaging and impurity importances.
struct ForestCore: Sendable, Equatable {
    var trees: [FlatTree] { didSet { packedTrees = trees.map { $0.packed() } } }
    /// `trees` in the packed layout prediction walks (see `FlatTree.packed()`).
    private(set) var packedTrees: [[UInt64]]
    var featureCount: Int
    var valueWidth: Int
    /// Mean decrease in impurity per feature, normalised to sum 1.
    var importances: [Double]

    init(trees: [FlatTree], featureCount: Int, valueWidth: Int, importances: [Double]) {
        self.trees = trees
        packedTrees = trees.map { $0.packed() }
        self.featureCount = featureCount
        self.valueWidth = valueWidth
        self.importances = importances
    }

    /// Bagging choices of a forest.
    struct Sampling: Sendable {
        var trees: Int
        var bootstrap: Bool
        var maxSamples: Double?
        var seed: UInt64
        var threads: Int
    }

    /// Grows `sampling.trees` trees in parallel; tree `t` draws its bootstrap sample and its features
    /// from `SeededGenerator(seed:).split(t)` alone, so the result does not depend on the thread count.
    static func grow(_ data: TrainingSet, settings: TreeSettings, rowWeights: [Double], sampling: Sampling) -> ForestCore {
        let slots = ParallelSlots<(tree: FlatTree, importances: [Double])?>(count: sampling.trees, initial: nil)
        let workers = max(1, min(sampling.threads, sampling.trees))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for t in stride(from: worker, to: sampling.trees, by: workers) {
                slots.base[t] = growTree(t, data, settings: settings, rowWeights: rowWeights, sampling: sampling)
            }
        }
        let grown = slots.values
        let finished = grown.compactMap { $0 }
        var importances = [Double](repeating: 0, count: data.columns)
        var contributing = 0
        for (tree, treeImportances) in finished where tree.nodeCount > 1 {
            let sum = treeImportances.reduce(0, +)
            guard sum > 0 else { continue }
            contributing += 1
            for j in 0..<data.columns { importances[j] += treeImportances[j] / sum }
        }
        let total = importances.reduce(0, +)
        if contributing > 0, total > 0 { importances = importances.map { $0 / total } }
        return ForestCore(trees: finished.map(\.tree), featureCount: data.columns,
                          valueWidth: settings.valueWidth, importances: importances)
    }

    /// Tree `t` of the forest, from its own generator.
    private static func growTree(_ t: Int, _ data: TrainingSet, settings: TreeSettings, rowWeights: [Double],
                                 sampling: Sampling) -> (tree: FlatTree, importances: [Double]) {
        var generator = SeededGenerator(seed: sampling.seed).split(t)
        let counts = inBagCounts(rows: data.rows, sampling: sampling, generator: &generator)
        var weights = rowWeights
        for i in 0..<data.rows { weights[i] *= counts[i] }
        return data.features.withUnsafeBufferPointer { x in
            data.targets.withUnsafeBufferPointer { y in
                data.classIndex.withUnsafeBufferPointer { classes in
                    weights.withUnsafeBufferPointer { w in
                        let workspace = TreeWorkspace(
                            settings: settings, rows: data.rows, columns: data.columns,
                            x: x.baseAddress!, y: y.baseAddress!,
                            classIndex: data.classIndex.isEmpty ? nil : classes.baseAddress, weight: w.baseAddress!)
                        return workspace.grow(generator: &generator)
                    }
                }
            }
        }
    }

    /// How often each row is drawn for one tree: a bootstrap sample of `maxSamples × rows` (all rows
    /// when nil) drawn with replacement, or every row once without bootstrap.
    static func inBagCounts(rows: Int, sampling: Sampling, generator: inout SeededGenerator) -> [Double] {
        guard sampling.bootstrap else { return [Double](repeating: 1, count: rows) }
        let draws = sampling.maxSamples.map { max(1, Int(($0 * Double(rows)).rounded())) } ?? rows
        var counts = [Double](repeating: 0, count: rows)
        for _ in 0..<draws { counts[Int.random(in: 0..<rows, using: &generator)] += 1 }
        return counts
    }

    /// The mean of the trees' leaf values for every row: `rows × valueWidth`, row-major. With
    /// `include`, tree `t` counts for row `i` only when `include(t, i)`; rows no tree counts get NaN.
    func average(_ x: Matrix, threads: Int, include: (@Sendable (Int, Int) -> Bool)? = nil) -> [Double] {
        let width = valueWidth, columns = x.columns, rows = x.rows
        let sums = ParallelSlots<Double>(count: rows * width, initial: 0)
        let counts = ParallelSlots<Double>(count: rows, initial: 0)
        let chunk = 256
        let chunks = (rows + chunk - 1) / chunk
        let trees = self.trees
        let packed = packedTrees
        let workers = max(1, min(threads, chunks))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let out = sums.base, used = counts.base
            x.values.withUnsafeBufferPointer { xv in
                for c in stride(from: worker, to: chunks, by: workers) {
                    let lo = c * chunk, hi = min(rows, lo + chunk)
                    for (t, tree) in trees.enumerated() {
                        packed[t].withUnsafeBufferPointer { nodes in
                        tree.value.withUnsafeBufferPointer { v in
                            for i in lo..<hi {
                                if let include, !include(t, i) { continue }
                                let leaf = FlatTree.leaf(row: xv.baseAddress! + i * columns, packed: nodes.baseAddress!)
                                for k in 0..<width { out[i * width + k] += v[leaf * width + k] }
                                used[i] += 1
                            }
                        }}
                    }
                }
            }
        }
        var means = sums.values
        for i in 0..<rows {
            let n = counts.base[i]
            for k in 0..<width { means[i * width + k] = n > 0 ? means[i * width + k] / n : .nan }
        }
        return means
    }

    /// The number of worker threads for a requested count (0 = every active core).
    static func threadCount(_ requested: Int) -> Int {
        requested > 0 ? requested : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
