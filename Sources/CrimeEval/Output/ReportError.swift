import Foundation

/// Errors from building maps, charts and reports.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// Two inputs that must pair up have different lengths.
    case lengthMismatch(what: String, expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .lengthMismatch(what, expected, got):
            return "\(what): expected \(expected) values, got \(got)"
        }
    }
}

extension ReportError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
