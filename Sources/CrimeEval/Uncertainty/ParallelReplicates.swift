import Dispatch
import Foundation

/// Runs `body(r)` for r in 0..<count on up to `workers` threads, in contiguous chunks, and returns
/// the values in replicate order; the first error (by replicate index) is rethrown. Each value
/// depends only on its index, so the result is the same on any number of threads.
enum ParallelReplicates {
    static func map(count: Int, workers: Int?, _ body: @Sendable (Int) throws -> Double) throws -> [Double] {
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let slots = Slots(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for r in (count * t / threads)..<(count * (t + 1) / threads) {
                do { slots.values[r] = try body(r) } catch { slots.errors[r] = error }
            }
        }
        if let first = slots.errors.first(where: { $0 != nil }), let error = first { throw error }
        return Array(slots.values)
    }

    /// One slot per replicate; each replicate writes only its own slot.
    private final class Slots: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Double>
        let errors: UnsafeMutableBufferPointer<(any Error)?>

        init(count: Int) {
            values = .allocate(capacity: count)
            values.initialize(repeating: .nan)
            errors = .allocate(capacity: count)
            errors.initialize(repeating: nil)
        }

        deinit {
            values.deallocate()
            errors.deinitialize()
            errors.deallocate()
        }
    }
}
