import Synchronization

/// A flag that asks a long fit to stop: set it once with ``cancel()`` from any thread, and the fit that
/// was given the token throws Swift's `CancellationError` at its next check.
///
/// Long fits take one through their settings, next to their progress handler (nil by default): random
/// forests and gradient boosting check between trees, neural training between mini-batches and the
/// self-exciting point process between EM steps. A cancelled fit leaves the model unfitted. The same
/// checks also honour Swift concurrency's `Task.isCancelled` when the fit runs inside a `Task`; a fit
/// that spreads work over threads of its own sees task cancellation on the calling thread, and a token
/// on all of them.
///
/// ```swift
/// let token = CancellationToken()
/// var forest = RandomForestRegressor(trees: 10_000)
/// forest.cancellation = token
/// // elsewhere, on any thread: token.cancel()
/// do { try forest.fit(x, targets: y) } catch is CancellationError { /* forest.isFitted == false */ }
/// ```
///
/// A token cannot be reset; use a new one for the next fit.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A token that is not cancelled.
    public init() {}

    /// Asks every fit holding this token to stop. Calling it again does nothing.
    public func cancel() { flag.store(true, ordering: .releasing) }

    /// Whether ``cancel()`` has been called.
    public var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Throws `CancellationError` when `token` is cancelled or the current task is.
    package static func check(_ token: CancellationToken?) throws(CancellationError) {
        if token?.isCancelled == true || Task.isCancelled { throw CancellationError() }
    }
}
