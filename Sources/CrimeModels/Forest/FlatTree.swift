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

    /// The leaf reached by the row starting at `row`, each feature rounded to `Float` as in training.
    @inline(__always)
    static func leaf(row: UnsafePointer<Double>, feature: UnsafePointer<Int32>, threshold: UnsafePointer<Double>,
                     left: UnsafePointer<Int32>, right: UnsafePointer<Int32>) -> Int {
        var node = 0
        while true {
            let f = feature[node]
            if f < 0 { return node }
            let v = Double(Float(row[Int(f)]))
            node = Int(v <= threshold[node] ? left[node] : right[node])
        }
    }
}
