/// One report of how far a long step has come: its name, the work done and, when known, the work in all.
///
/// Library calls that can take more than a moment (reading a large extract, growing a forest,
/// boosting, neural training, a rolling-origin backtest) accept a ``ProgressHandler`` that defaults to
/// nil. They never print: a program decides what to do with the events, for example hand them to a
/// ``ProgressLine`` that draws them on standard error.
///
/// A step's events come in order: the first has `completed == 0`, `completed` never decreases, and the
/// last has `completed == total` when the total is known. A loop that stops early (early stopping in
/// boosting or training) ends with one event whose `total` is lowered to the work actually done.
/// Reporting progress never changes a result.
public struct ProgressEvent: Sendable, Equatable {
    /// What is being counted.
    public enum Unit: Sendable, Equatable {
        /// Bytes of a file, shown as kB, MB or GB.
        case bytes
        /// Whole things, named in the plural (`"trees"`, `"epochs"`).
        case items(String)
    }

    /// The step's short name, such as `"ingest"` or `"forest"`.
    public var step: String
    /// Units of work done so far.
    public var completed: Int
    /// Units of work in all, when known in advance.
    public var total: Int?
    /// What `completed` and `total` count.
    public var unit: Unit
    /// A short note about the latest unit of work (a loss, a window label), if any.
    public var detail: String?

    /// An event.
    public init(step: String, completed: Int, total: Int?, unit: Unit, detail: String? = nil) {
        self.step = step
        self.completed = completed
        self.total = total
        self.unit = unit
        self.detail = detail
    }

    /// The share of the work done, in [0, 1], when the total is known and positive.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(completed) / Double(total)))
    }

    /// Whether this is the step's last event: the total is known and reached.
    public var isComplete: Bool { total.map { completed >= $0 } ?? false }
}

/// Receives ``ProgressEvent``s. It may be called from any thread, but never from two at once; keep it
/// quick, since the work waits for it.
public typealias ProgressHandler = @Sendable (ProgressEvent) -> Void
