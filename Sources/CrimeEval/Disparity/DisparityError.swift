import Foundation

/// Errors from disparity audits and feedback-loop simulations.
public enum DisparityError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two areas or groups to compare.
    case tooFewGroups(Int)
    /// Two inputs that must pair up have different lengths.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A value is NaN, infinite or out of its range.
    case invalidValue(what: String, value: Double)
    /// A group has no coverage, so its rate is undefined.
    case noCoverage(group: String)
    /// A named group does not occur in the data.
    case unknownGroup(String)

    public var description: String {
        switch self {
        case let .tooFewGroups(n): return "need at least two areas or groups to compare, got \(n)"
        case let .lengthMismatch(what, expected, got): return "\(what): expected \(expected) values, got \(got)"
        case let .invalidValue(what, value): return "\(what) is \(value), which is not allowed"
        case let .noCoverage(group): return "group \(group) has no coverage, so its rate is undefined"
        case let .unknownGroup(group): return "no area belongs to group \(group)"
        }
    }
}

extension DisparityError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
