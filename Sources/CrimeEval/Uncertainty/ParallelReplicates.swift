import CrimeCore
import Dispatch
import Foundation

/// Runs `body(r)` for r in 0..<count on up to `workers` threads, in contiguous chunks, and returns
/// the values in replicate order; the first error (by replicate index) is rethrown. Each value
/// depends only on its index, so the result is the same on any number of threads.
enum ParallelReplicates {
    static func map(count: Int, workers: Int?, _ body: @Sendable (Int) throws -> Double) throws -> [Double] {
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let slots = WriteOnceSlots<Result<Double, any Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for r in (count * t / threads)..<(count * (t + 1) / threads) {
                slots.store(Result { try body(r) }, at: r)
            }
        }
        return try slots.collect().map { try $0.get() }
    }
}
