/// Memory that parallel workers write to at disjoint indices (each index written by one worker only).
final class ParallelSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int

    /// `count` slots, each starting as `initial`.
    init(count: Int, initial: T) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: initial, count: count)
    }

    /// The slots' values in index order.
    var values: [T] { Array(UnsafeBufferPointer(start: base, count: count)) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
