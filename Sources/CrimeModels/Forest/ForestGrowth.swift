import CrimeCore
import Dispatch
import Foundation

/// Grows the trees of a forest in parallel. Tree `t` draws its bootstrap sample and its feature
/// orders from `SeededGenerator(seed:).split(t)` only, so the forest is the same on any number of threads.
enum ForestGrowth {
    /// The grown trees and, when asked for, each tree's in-bag flags (one byte per training row).
    struct Result {
        var trees: [TreeArrays]
        var inBag: [[UInt8]]
    }

    /// Grows `settings.trees` trees on `data` with the criterion; `rowWeights` are class weights per row (or nil).
    /// `progress` hears step `"forest"` count each finished tree, from whichever thread grew it. Every worker
    /// checks `cancellation` (and the calling thread its task) before each tree; once one sees it, the others
    /// stop before their next tree and the call throws `CancellationError`.
    static func grow<C: SplitCriterion>(data: TrainingData, criterion: C, limits: GrowthLimits,
                                        settings: ForestSettings, rowWeights: [Double]?,
                                        progress: ProgressHandler?, cancellation: CancellationToken?) throws -> Result {
        try CancellationToken.check(cancellation)
        let n = data.rows
        let count = settings.trees
        let slots = WriteOnceSlots<(TreeArrays, [UInt8])>(count: count)
        let workers = max(1, min(settings.threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let job = Job(grower: TreeGrower(data: data, criterion: criterion, limits: limits))
        let root = SeededGenerator(seed: settings.seed)
        let counter = ProgressCounter(step: "forest", total: count, unit: .items("trees"), handler: progress)
        let draws = settings.maxSamples.map { max(1, Int(($0 * Double(n)).rounded(.toNearestOrEven))) } ?? n
        let stopped = CancellationToken()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for t in stride(from: worker, to: count, by: workers) {
                guard !stopped.isCancelled else { return }
                do { try CancellationToken.check(cancellation) } catch {
                    stopped.cancel()
                    return
                }
                var rng = root.split(t)
                var weights = [Double](repeating: 0, count: n)
                var samples: [Int32] = []
                if settings.bootstrap {
                    for _ in 0..<draws {
                        weights[Int(rng.next().multipliedFullWidth(by: UInt64(n)).high)] += 1
                    }
                    samples.reserveCapacity(n)
                    for i in 0..<n where weights[i] > 0 { samples.append(Int32(i)) }
                } else {
                    for i in 0..<n { weights[i] = 1 }
                    samples = (0..<n).map { Int32($0) }
                }
                if let rowWeights {
                    for i in 0..<n { weights[i] *= rowWeights[i] }
                }
                let inBag = settings.oobScore ? weights.map { $0 > 0 ? UInt8(1) : 0 } : []
                let tree = job.grower.grow(samples: &samples, weights: weights, rng: &rng)
                slots.store((tree, inBag), at: t)
                counter?.advance()
            }
        }
        if stopped.isCancelled { throw CancellationError() }
        let grown = slots.collect()
        return Result(trees: grown.map(\.0), inBag: grown.map(\.1))
    }

    /// The grower shared read-only by the workers.
    private struct Job<C: SplitCriterion>: @unchecked Sendable {
        let grower: TreeGrower<C>
    }
}
