import Foundation

/// Why a ``TemporalSplit`` cannot be made.
public enum TemporalSplitError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A count, fraction or length is outside its range.
    case badParameter(name: String, reason: String)
    /// Too few windows for every part to get at least one.
    case tooFewWindows(needed: Int, have: Int)
    /// A part is not strictly ascending, or reaches into the time of a later part.
    case notChronological(String)

    public var description: String {
        switch self {
        case let .badParameter(name, reason): return "temporal split: \(name) \(reason)"
        case let .tooFewWindows(needed, have): return "temporal split: needs at least \(needed) windows, got \(have)"
        case let .notChronological(what): return "temporal split: \(what)"
        }
    }

    public var errorDescription: String? { description }
}
