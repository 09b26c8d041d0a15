import CNeuralKernels
import CrimeCore
import Dispatch
import Foundation

/// Prediction from a boosted ensemble's regression trees through `bk_predict_trees`: one tree at a time over
/// a worker's rows, which suits boosting's many small trees (they fit in the nearest cache) better than
/// the forests' row blocks.
enum BoostedTreeWalker {
    /// Rows from which prediction is split over the workers.
    static let parallelRows = 4096

    /// Each row's sum over `trees`, in tree order, of its leaf values; rows are split into one part per
    /// worker (`threads` nil: every core), and a row's sum does not depend on the parts.
    static func leafSums(_ trees: [TreeArrays], _ x: Matrix, threads: Int?) -> [Double] {
        let rows = x.rows, columns = x.columns
        var out = [Double](repeating: 0, count: rows)
        let workers = rows >= parallelRows ? max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) : 1
        // Every tree's nodes in one array.
        var starts: [Int] = []
        var nodes: [UInt64] = []
        for tree in trees {
            starts.append(nodes.count)
            nodes += tree.nodes
        }
        x.values.withUnsafeBufferPointer { xb in out.withUnsafeMutableBufferPointer { ob in
        nodes.withUnsafeBufferPointer { nb in starts.withUnsafeBufferPointer { sb in
            let job = WalkJob(x: xb.baseAddress, out: ob.baseAddress, nodes: nb.baseAddress, starts: sb.baseAddress,
                              treeCount: trees.count, columns: columns)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                job.walk(rows * w / workers..<rows * (w + 1) / workers)
            }
        }}}}
        return out
    }
}

/// The pointers of one prediction, shared by the workers that each walk their own rows.
private struct WalkJob: @unchecked Sendable {
    let x: UnsafePointer<Double>?
    let out: UnsafeMutablePointer<Double>?
    let nodes: UnsafePointer<UInt64>?
    let starts: UnsafePointer<Int>?
    let treeCount: Int, columns: Int

    func walk(_ rows: Range<Int>) {
        guard let x, let out, !rows.isEmpty else { return }
        bk_predict_trees(x + rows.lowerBound * columns, columns, rows.count, nodes, starts, treeCount,
                         out + rows.lowerBound)
    }
}
