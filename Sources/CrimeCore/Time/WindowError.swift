import Foundation

/// Errors about time windows, shift schemes and date splits.
public enum WindowError: Error, Equatable, CustomStringConvertible {
    /// A shift scheme has no shifts.
    case emptyShiftScheme
    /// A shift's start hour is outside 0–23.
    case shiftHourOutOfRange(name: String, hour: Int)
    /// Two shifts start at the same hour.
    case duplicateShiftStart(hour: Int)
    /// Two shifts share a name.
    case duplicateShiftName(String)
    /// A window range ends before it starts.
    case emptyRange(start: Int64, end: Int64)
    /// The range would hold more windows than the limit.
    case tooManyWindows(count: Int, limit: Int)
    /// There are no times to span.
    case noTimes
    /// A date text is not `YYYY-MM-DD` or names no real day.
    case badDate(String)
    /// An operation needs windows with a start and end (hourly, 12-hour, daily, weekly).
    case needsSequentialWindows(String)

    public var description: String {
        switch self {
        case .emptyShiftScheme: return "a shift scheme needs at least one shift"
        case let .shiftHourOutOfRange(name, hour): return "shift '\(name)' starts at hour \(hour), outside 0–23"
        case let .duplicateShiftStart(hour): return "two shifts start at hour \(hour)"
        case let .duplicateShiftName(name): return "two shifts are named '\(name)'"
        case let .emptyRange(s, e): return "the window range ends (\(e)) before it starts (\(s))"
        case let .tooManyWindows(n, limit): return "the range holds \(n) windows, more than the limit of \(limit)"
        case .noTimes: return "there are no times to build windows from"
        case let .badDate(text): return "'\(text)' is not a date of the form YYYY-MM-DD"
        case let .needsSequentialWindows(what): return "\(what) needs sequential windows (hourly, 12-hour, daily or weekly), not day-of-week × shift buckets"
        }
    }
}

extension WindowError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
