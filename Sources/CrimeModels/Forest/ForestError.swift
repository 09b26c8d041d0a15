import Foundation

/// Errors of random forests beyond the shared `EstimatorError` cases of CrimeCore.
public enum ForestError: Error, Equatable, CustomStringConvertible {
    /// A hyperparameter outside its range.
    case invalidHyperparameter(name: String, value: String, requirement: String)
    /// A classifier's targets hold a single class.
    case singleClass(label: Double)
    /// A Poisson forest got a negative target.
    case negativePoissonTarget(row: Int, value: Double)
    /// A Poisson forest got targets that sum to zero.
    case zeroPoissonTargetSum
    /// Permutation importance or a score was asked with no rows.
    case emptyEvaluationSet

    public var description: String {
        switch self {
        case let .invalidHyperparameter(name, value, requirement):
            return "hyperparameter \(name) = \(value) is invalid: it must be \(requirement)"
        case let .singleClass(label):
            return "the targets hold only one class (\(label)); a classifier needs at least two"
        case let .negativePoissonTarget(row, value):
            return "target at row \(row) is \(value); the Poisson criterion needs targets ≥ 0"
        case .zeroPoissonTargetSum:
            return "the targets sum to zero; the Poisson criterion needs a positive sum"
        case .emptyEvaluationSet:
            return "the evaluation set has no rows"
        }
    }
}

extension ForestError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
