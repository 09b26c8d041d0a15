import Foundation

/// Collects values handed to a `@Sendable` callback from any thread, in the order they arrive.
public final class LockedRecorder<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [T] = []

    /// An empty recorder.
    public init() {}

    /// Records a value.
    public func add(_ value: T) { lock.withLock { seen.append(value) } }

    /// The values recorded so far.
    public var values: [T] { lock.withLock { seen } }
}
