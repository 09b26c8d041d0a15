import Foundation

/// Counts a step's finished units of work from any number of threads and reports each new count to a
/// ``ProgressHandler``, one call at a time, so the counts a handler sees always increase.
package final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let handler: ProgressHandler
    private var event: ProgressEvent

    /// Starts a step and reports it with nothing done; nil when there is no handler.
    package init?(step: String, total: Int?, unit: ProgressEvent.Unit, handler: ProgressHandler?) {
        guard let handler else { return nil }
        self.handler = handler
        event = ProgressEvent(step: step, completed: 0, total: total, unit: unit)
        handler(event)
    }

    /// Adds `units` finished units and reports the new count with an optional note.
    package func advance(by units: Int = 1, detail: String? = nil) {
        lock.withLock { report(completed: event.completed + units, detail: detail) }
    }

    /// Raises the count to `completed` (a count never goes down) and reports it.
    package func update(completed: Int, detail: String? = nil) {
        lock.withLock { report(completed: max(event.completed, completed), detail: detail) }
    }

    /// Ends the step: when the count is short of the total (a loop that stopped early) or there was no
    /// total, reports the count reached as the total. Does nothing when the total was reached.
    package func finish() {
        lock.withLock {
            guard event.total != event.completed else { return }
            event.total = event.completed
            handler(event)
        }
    }

    /// Reports a count, raising the total when the count passed it; call with the lock held.
    private func report(completed: Int, detail: String?) {
        event.completed = completed
        if let total = event.total, completed > total { event.total = completed }
        event.detail = detail
        handler(event)
    }
}
