/// One write-once slot per task of a `DispatchQueue.concurrentPerform` loop: task `i` stores only
/// into slot `i`, so no two threads touch the same slot, and the results come back in task order
/// whatever the number of threads.
package final class WriteOnceSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    /// `count` empty slots.
    package init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    /// Stores task `i`'s value. Each slot must be written by one task only.
    package func store(_ value: T, at i: Int) { slots[i] = value }

    /// The stored values in slot order (empty slots are skipped).
    package func collect() -> [T] { (0..<count).compactMap { slots[$0] } }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
