import Foundation

/// Errors from planning patrols and comparing resource loads.
public enum PatrolError: Error, Equatable, CustomStringConvertible {
    /// There are no candidate cells.
    case noCandidates
    /// Two inputs that must pair up have different lengths.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A forecast is NaN, infinite or negative.
    case invalidForecast(cell: String, value: Double)
    /// A cell's patrol cost is not a positive finite number.
    case invalidCost(cell: String, value: Double)
    /// The budget is zero, negative or not finite.
    case budgetNotPositive(String)
    /// The budget asks for more than the whole city holds.
    case budgetExceedsCity(requested: String, available: String)
    /// The group share cap is outside (0, 1].
    case invalidShare(Double)
    /// The minimum spacing is negative or not finite.
    case invalidSpacing(Double)
    /// A window named in a resource comparison has no load.
    case unknownWindow(String)
    /// The baseline windows carry no expected load, so a ratio is undefined.
    case zeroBaseline([String])

    public var description: String {
        switch self {
        case .noCandidates: return "there are no candidate cells to patrol"
        case let .lengthMismatch(what, expected, got): return "\(what): expected \(expected) values, got \(got)"
        case let .invalidForecast(cell, value): return "the forecast for cell \(cell) is \(value); it must be finite and not negative"
        case let .invalidCost(cell, value): return "the patrol cost of cell \(cell) is \(value); it must be positive and finite"
        case let .budgetNotPositive(budget): return "the budget \(budget) must be positive"
        case let .budgetExceedsCity(requested, available):
            return "the budget \(requested) is larger than the city (\(available))"
        case let .invalidShare(share): return "the group share cap \(share) must be in (0, 1]"
        case let .invalidSpacing(spacing): return "the minimum spacing \(spacing) m must be zero or positive"
        case let .unknownWindow(name): return "no expected load for window \"\(name)\""
        case let .zeroBaseline(names): return "the baseline windows \(names.joined(separator: ", ")) have no expected load"
        }
    }
}

extension PatrolError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
