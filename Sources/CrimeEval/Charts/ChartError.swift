import Foundation

/// Data a chart cannot draw.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// There is nothing to draw.
    case empty(what: String)
    /// Paired values differ in length.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A value is NaN or infinite.
    case nonFinite(what: String, index: Int)
    /// A parameter (size, bin count) is unusable.
    case badParameter(name: String, reason: String)

    public var description: String {
        switch self {
        case let .empty(what): return "chart: \(what) is empty"
        case let .lengthMismatch(what, expected, got): return "chart: \(what) has \(got) values but \(expected) were expected"
        case let .nonFinite(what, index): return "chart: \(what) at index \(index) is NaN or infinite"
        case let .badParameter(name, reason): return "chart: \(name) \(reason)"
        }
    }
}

extension ChartError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
