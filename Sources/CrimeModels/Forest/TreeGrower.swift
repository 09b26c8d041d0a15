import CrimeCore
extension TreeWorkspace {
    /// Grows one tree depth-first (left child first) over the rows with positive weight and returns it
    /// with its unnormalised impurity importances: for every split, weighted node impurity minus the
    /// weighted impurities of its children, divided by the root weight.
    func grow(generator: inout SeededGenerator) -> (tree: FlatTree, importances: [Double]) {
        var tree = FlatTree(valueWidth: settings.valueWidth)
        var importances = [Double](repeating: 0, count: columns)
        guard sampleCount > 0 else { return (tree, importances) }
        var nodeWeight: [Double] = [], nodeImpurity: [Double] = []
        // (start, end, depth, parent, isLeft)
        var stack: [(Int, Int, Int, Int, Bool)] = [(0, sampleCount, 0, -1, true)]
        let values = UnsafeBufferPointer(start: nodeValue, count: settings.valueWidth)
        while let (start, end, depth, parent, isLeft) = stack.popLast() {
            let (weightTotal, impurity) = nodeStatistics(start: start, end: end)
            let node = tree.appendNode(values: values)
            nodeWeight.append(weightTotal)
            nodeImpurity.append(impurity)
            if parent >= 0 {
                if isLeft { tree.left[parent] = Int32(node) } else { tree.right[parent] = Int32(node) }
            }
            let count = end - start
            let isLeaf = depth >= settings.maxDepth || count < settings.minSamplesSplit
                || count < 2 * settings.minSamplesLeaf || impurity <= TreeConstants.epsilon
            if isLeaf { continue }
            guard let split = bestSplit(start: start, end: end, weightTotal: weightTotal, generator: &generator) else { continue }
            tree.setSplit(node, feature: split.feature, threshold: split.threshold)
            stack.append((split.position, end, depth + 1, node, false))
            stack.append((start, split.position, depth + 1, node, true))
        }
        for node in 0..<tree.nodeCount where tree.feature[node] >= 0 {
            let l = Int(tree.left[node]), r = Int(tree.right[node])
            importances[Int(tree.feature[node])] += nodeWeight[node] * nodeImpurity[node]
                - nodeWeight[l] * nodeImpurity[l] - nodeWeight[r] * nodeImpurity[r]
        }
        for j in 0..<columns { importances[j] /= nodeWeight[0] }
        return (tree, importances)
    }
}
