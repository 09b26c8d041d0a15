import Dispatch
import Foundation

/// Draws ``ProgressEvent``s as a progress line, for programs (the `crimekit` tool, the examples) that
/// want to show long work; the library itself never creates one.
///
/// A step stays silent until it has run for `delay` seconds, so quick steps print nothing. After that:
/// - ``Mode/terminal`` redraws one line in place (`\r`, the line, clear to its end) at most ten times
///   a second, and ends it with a newline when the step completes, the next step starts or ``finish()``
///   is called;
/// - ``Mode/plain`` writes whole lines for logs: the first one, then one whenever at least two seconds
///   have passed and the work has grown by a tenth of its total (or at all, when the total is unknown),
///   and the last one when the step completes;
/// - ``Mode/silent`` writes nothing (`--quiet`).
///
/// ```swift
/// let progress = ProgressLine.standardError(quiet: false)
/// defer { progress.finish() }
/// let result = try IncidentReader.read(url, schema: .chicago, progress: progress.handler)
/// ```
///
/// A step starts with its first event, and again whenever an event's count is 0 or lower than the
/// last one, or its name changes. Events may arrive from any thread.
public final class ProgressLine: @unchecked Sendable {
    /// How lines are written.
    public enum Mode: Sendable, Equatable {
        /// One line redrawn in place, for a terminal.
        case terminal
        /// Whole lines, throttled, for a file or pipe.
        case plain
        /// Nothing.
        case silent
    }

    /// The current step as drawn so far.
    private struct StepState {
        var step: String
        var start: Double
        var lastCompleted: Int
        var lastWrite: Double?
        var lastFraction: Double?
        var done = false
    }

    /// The least time between two redraws on a terminal, in seconds.
    public static let redrawInterval = 0.1
    /// The least time between two plain lines of a step, in seconds.
    public static let plainInterval = 2.0
    /// The growth, as a share of the total, that a new plain line needs.
    public static let plainStep = 0.1
    /// The widest line drawn on a terminal, in characters.
    public static let terminalWidth = 79

    /// How this line writes.
    public let mode: Mode
    /// Seconds a step runs before anything about it is written.
    public let delay: Double
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var state: StepState?
    private var lineOpen = false

    /// A progress line writing text to `write`; `clock` gives the time in seconds (a monotonic clock
    /// by default; tests pass their own).
    public init(mode: Mode, delay: Double = 2, clock: @escaping @Sendable () -> Double = ProgressLine.uptime,
                write: @escaping @Sendable (String) -> Void) {
        self.mode = mode
        self.delay = max(0, delay)
        self.clock = clock
        self.write = write
    }

    /// A progress line on standard error: redrawn in place when standard error is a terminal, plain
    /// lines otherwise, silent when `quiet`.
    public static func standardError(quiet: Bool, delay: Double = 2) -> ProgressLine {
        let mode: Mode = quiet ? .silent : (isatty(STDERR_FILENO) == 1 ? .terminal : .plain)
        return ProgressLine(mode: mode, delay: delay) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Seconds since boot, from a monotonic clock.
    @Sendable public static func uptime() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The handler to pass to library calls.
    public var handler: ProgressHandler { { [self] event in report(event) } }

    /// Draws one event (or not, as the mode and the throttling decide).
    public func report(_ event: ProgressEvent) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        if var current = state, current.step == event.step, event.completed > 0, event.completed >= current.lastCompleted {
            current.lastCompleted = event.completed
            state = current
        } else {
            closeLine()
            state = StepState(step: event.step, start: now, lastCompleted: event.completed)
        }
        guard mode != .silent, var current = state, !current.done else { return }
        let complete = event.isComplete
        current.done = complete
        state = current
        guard now - current.start >= delay else { return }
        let text = event.line(elapsed: now - current.start)
        switch mode {
        case .terminal:
            guard complete || current.lastWrite.map({ now - $0 >= Self.redrawInterval }) ?? true else { return }
            write("\r" + String(text.prefix(Self.terminalWidth)) + "\u{1B}[K" + (complete ? "\n" : ""))
            lineOpen = !complete
        case .plain:
            guard complete || isPlainLineDue(current, fraction: event.fraction, now: now) else { return }
            write(text + "\n")
        case .silent:
            return
        }
        current.lastWrite = now
        current.lastFraction = event.fraction
        state = current
    }

    /// Ends a line left open on a terminal; call once the work is over (or has failed).
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        closeLine()
    }

    /// Whether a plain line is due: the first of the step, or two seconds and a tenth of the work on.
    private func isPlainLineDue(_ current: StepState, fraction: Double?, now: Double) -> Bool {
        guard let lastWrite = current.lastWrite else { return true }
        guard now - lastWrite >= Self.plainInterval else { return false }
        guard let fraction, let last = current.lastFraction else { return true }
        return fraction - last >= Self.plainStep - 1e-9
    }

    /// Moves to a fresh line when the terminal line is open; call with the lock held.
    private func closeLine() {
        if lineOpen {
            write("\n")
            lineOpen = false
        }
    }
}
