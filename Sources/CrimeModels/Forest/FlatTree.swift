/// One fitted decision tree, its nodes in flat parallel arrays (structure of arrays).
///
/// Node `i` is a leaf when `feature[i] < 0`; otherwise a row goes to `left[i]` when its feature value,
/// rounded to `Float` as the tree was grown, is `<= threshold[i]`, else to `right[i]`. Every node holds
/// `valueWidth` values: the mean target (regression) or the class proportions (classification).
struct FlatTree: Sendable, Equatable {
    var feature: [Int32] = []
    var threshold: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var value: [Double] = []
    var valueWidth: Int

    init(valueWidth: Int) { self.valueWidth = valueWidth }

    var nodeCount: Int { feature.count }

    /// Appends a node (a leaf until `setChildren` is called) and returns its index.
    mutating func appendNode(values: UnsafeBufferPointer<Double>) -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        value.append(contentsOf: values)
        return feature.count - 1
    }

    /// Turns node `node` into a split on `feature` at `threshold`.
    mutating func setSplit(_ node: Int, feature f: Int, threshold t: Double) {
        feature[node] = Int32(f)
        threshold[node] = t
    }

    /// The nodes packed for prediction, two words per node: the threshold's bits, then the feature in the
    /// low and the right child in the high 32 bits. Trees are grown depth-first left child first, so the
    /// left child of node `i` is `i + 1` and one cache line holds a node and, usually, its left child.
    func packed() -> [UInt64] {
        var words = [UInt64](repeating: 0, count: 2 * nodeCount)
        for i in 0..<nodeCount {
            words[2 * i] = threshold[i].bitPattern
            words[2 * i + 1] = UInt64(UInt32(bitPattern: feature[i])) | UInt64(UInt32(bitPattern: right[i])) << 32
        }
        return words
    }

    /// The leaf reached by the row starting at `row` in a ``packed()`` tree, each feature rounded to
    /// `Float` as in training.
    @inline(__always)
    static func leaf(row: UnsafePointer<Double>, packed: UnsafePointer<UInt64>) -> Int {
        var node = 0
        while true {
            let meta = packed[2 * node + 1]
            let f = Int32(truncatingIfNeeded: meta)
            if f < 0 { return node }
            let v = Double(Float(row[Int(f)]))
            node = v <= Double(bitPattern: packed[2 * node]) ? node + 1 : Int(Int32(truncatingIfNeeded: meta >> 32))
        }
    }
}
