import Dispatch
import Foundation

/// Splits `0..<count` into one contiguous part per core (parts of at least `minimumPart` items) and runs
/// `body` on them concurrently. Callers only use it where parts write disjoint memory, so results do not
/// depend on the number of threads.
enum ParallelRows {
    static func forEach(count: Int, minimumPart: Int, _ body: (Range<Int>) -> Void) {
        let parts = max(1, min(cores, count / max(minimumPart, 1)))
        forEachPart(count: count, parts: parts) { _, range in body(range) }
    }

    /// ``forEachPart(count:parts:_:)`` for parts that call BLAS themselves: while several run, OpenBLAS is
    /// single-threaded (``SerialBLAS``) so that its threads do not compete with these.
    static func forEachPartCallingBLAS(count: Int, parts: Int, _ body: (Int, Range<Int>) -> Void) {
        if parts > 1 {
            SerialBLAS.run { forEachPart(count: count, parts: parts, body) }
        } else {
            forEachPart(count: count, parts: parts, body)
        }
    }

    /// Cores available to the process.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Splits `0..<count` into `parts` contiguous parts and runs `body(part, range)` on them concurrently.
    static func forEachPart(count: Int, parts: Int, _ body: (Int, Range<Int>) -> Void) {
        if parts <= 1 {
            body(0, 0..<count)
            return
        }
        withoutActuallyEscaping(body) { work in
            let box = UncheckedBox(work)
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                box.value(p, count * p / parts ..< count * (p + 1) / parts)
            }
        }
    }
}

/// Lets a closure over raw buffers cross into `concurrentPerform`; see ``ParallelRows`` for why it is safe.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
