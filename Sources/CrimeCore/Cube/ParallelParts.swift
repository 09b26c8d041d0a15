import Dispatch
import Foundation

/// Runs a job on contiguous parts of `0..<count` across the machine's cores and returns the parts'
/// results in part order, so that combining them gives the same answer on any number of threads.
enum ParallelParts {
    /// Splits `0..<count` into up to one part per core (at least `minimumPart` items each).
    static func map<T: Sendable>(count: Int, minimumPart: Int = 1 << 20,
                                 _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let parts = max(1, min(cores, count / max(minimumPart, 1)))
        let results = WriteOnceSlots<T>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lo = count * p / parts
            let hi = count * (p + 1) / parts
            results.store(body(lo..<hi), at: p)
        }
        return results.collect()
    }
}
