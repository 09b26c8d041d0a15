import Dispatch

/// Runs a body over `0..<count` in fixed blocks, concurrently. Blocks do not depend on the number of
/// cores, and callers only use it where each block writes memory of its own, so results are the same on
/// one thread or many.
enum ParallelBlocks {
    /// Calls `body` once per block `b * blockSize ..< min(count, (b + 1) * blockSize)`.
    static func forEach(count: Int, blockSize: Int, _ body: (Range<Int>) -> Void) {
        let size = max(blockSize, 1)
        let blocks = (count + size - 1) / size
        if blocks <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { work in
            let box = UncheckedBox(work)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                box.value(b * size ..< min(count, (b + 1) * size))
            }
        }
    }
}

/// Lets a closure that writes disjoint memory cross into `concurrentPerform` (see ``ParallelBlocks``).
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
