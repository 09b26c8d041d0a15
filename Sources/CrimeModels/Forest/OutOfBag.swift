import CrimeCore

/// Out-of-bag predictions: every training row predicted by the trees that did not see it.
enum OutOfBag {
    /// Per row the sum of out-of-bag leaf outputs (`width` per row) and how many trees contributed.
    static func sums(ensemble: ForestEnsemble, inBag: [[UInt8]], x: Matrix) -> (sums: [Double], votes: [Int]) {
        let width = ensemble.classes.isEmpty ? 1 : ensemble.classes.count
        var sums = [Double](repeating: 0, count: x.rows * width)
        var votes = [Int](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { xb in
            for (tree, bag) in zip(ensemble.trees, inBag) {
                tree.nodes.withUnsafeBufferPointer { nb in
                    let nodes = nb.baseAddress!
                    for i in 0..<x.rows where bag[i] == 0 {
                        let leaf = TreeArrays.leaf(nodes, row: xb.baseAddress! + i * x.columns)
                        votes[i] += 1
                        if ensemble.classes.isEmpty {
                            sums[i] += TreeArrays.value(nodes, leaf)
                        } else {
                            let base = TreeArrays.ordinal(nodes, leaf) * width
                            for k in 0..<width { sums[i * width + k] += tree.leafProbabilities[base + k] }
                        }
                    }
                }
            }
        }
        return (sums, votes)
    }
}
