/// One fitted decision tree, nodes in depth-first order, packed two 64-bit words per node so
/// that a prediction touches one cache line per node.
///
/// Word `2i` holds node `i`'s threshold bits; word `2i + 1` holds its feature (low 32 bits, signed)
/// and its right child (high 32 bits). Node `i` is a leaf when its feature is negative. An internal
/// node sends a row with `x[feature] <= threshold` to its left child `i + 1` and every other row to
/// its right child. A regression leaf keeps its value in the threshold word; a classification
/// leaf keeps its ordinal among the leaves in the right-child half, and its class probabilities
/// are `leafProbabilities[ordinal * classes ..< (ordinal + 1) * classes]`.
struct TreeArrays: Sendable, Equatable {
    var nodes: [UInt64] = []
    /// Class probabilities of the leaves (classification only).
    var leafProbabilities: [Double] = []
    /// Per-feature total weighted impurity decrease divided by the root's weight (unnormalised MDI).
    var importances: [Double] = []

    init() {}

    /// Packs per-node features, thresholds and right children.
    init(features: [Int32], thresholds: [Double], rightChildren: [Int32], leafProbabilities: [Double], importances: [Double]) {
        nodes.reserveCapacity(2 * features.count)
        for i in features.indices {
            nodes.append(thresholds[i].bitPattern)
            nodes.append(UInt64(UInt32(bitPattern: features[i])) | UInt64(UInt32(bitPattern: rightChildren[i])) << 32)
        }
        self.leafProbabilities = leafProbabilities
        self.importances = importances
    }

    var nodeCount: Int { nodes.count / 2 }
    /// Each node's feature (negative at leaves).
    var features: [Int32] { (0..<nodeCount).map { Int32(truncatingIfNeeded: nodes[2 * $0 + 1]) } }
    /// Each node's threshold (the value at regression leaves).
    var thresholds: [Double] { (0..<nodeCount).map { Double(bitPattern: nodes[2 * $0]) } }
    /// Each node's right child (the leaf ordinal at classification leaves).
    var rightChildren: [Int32] { (0..<nodeCount).map { Int32(truncatingIfNeeded: nodes[2 * $0 + 1] >> 32) } }

    /// The node a row ends in; `row` points at the row's first feature.
    @inline(__always)
    static func leaf(_ nodes: UnsafePointer<UInt64>, row: UnsafePointer<Double>) -> Int {
        var i = 0
        while true {
            let meta = nodes[i &<< 1 | 1]
            let f = Int32(truncatingIfNeeded: meta)
            if f < 0 { return i }
            i = row[Int(f)] <= Double(bitPattern: nodes[i &<< 1]) ? i &+ 1 : Int(Int32(truncatingIfNeeded: meta >> 32))
        }
    }

    /// How many rows prediction walks through a tree at once.
    static var lockstepRows: Int { 8 }

    /// The nodes `lockstepRows` rows (`rows[k]` points at row `k`'s first feature) end in, written
    /// to `leaves`. The rows are walked in lockstep so that their memory loads overlap.
    @inline(__always)
    static func leavesInLockstep(_ nodes: UnsafePointer<UInt64>, _ rows: UnsafePointer<UnsafePointer<Double>>,
                        _ leaves: UnsafeMutablePointer<Int>) {
        for k in 0..<lockstepRows { leaves[k] = 0 }
        var active = true
        while active {
            active = false
            for k in 0..<lockstepRows {
                let i = leaves[k]
                let meta = nodes[i &<< 1 | 1]
                let f = Int32(truncatingIfNeeded: meta)
                if f >= 0 {
                    active = true
                    leaves[k] = rows[k][Int(f)] <= Double(bitPattern: nodes[i &<< 1]) ? i &+ 1 : Int(Int32(truncatingIfNeeded: meta >> 32))
                }
            }
        }
    }

    /// The threshold word of node `i` as a `Double` (a regression leaf's value).
    @inline(__always)
    static func value(_ nodes: UnsafePointer<UInt64>, _ i: Int) -> Double { Double(bitPattern: nodes[i &<< 1]) }

    /// The right-child half of node `i` (a classification leaf's ordinal).
    @inline(__always)
    static func ordinal(_ nodes: UnsafePointer<UInt64>, _ i: Int) -> Int { Int(Int32(truncatingIfNeeded: nodes[i &<< 1 | 1] >> 32)) }

    /// This tree's importances normalised to sum to one (all zero for a single leaf), as
    /// scikit-learn's `tree.feature_importances_`.
    var normalizedImportances: [Double] {
        let total = importances.reduce(0, +)
        return total > 0 ? importances.map { $0 / total } : importances
    }
}
