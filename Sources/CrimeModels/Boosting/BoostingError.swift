import Foundation

/// Errors of ``GradientBoostingRegressor`` beyond the shared `EstimatorError` cases of CrimeCore.
public enum BoostingError: Error, Equatable, CustomStringConvertible {
    /// A hyperparameter outside its range.
    case invalidHyperparameter(name: String, value: String, requirement: String)
    /// The Poisson loss got a negative target.
    case negativePoissonTarget(row: Int, value: Double)
    /// The Poisson loss got targets that sum to zero (its baseline, log of the mean, is −∞).
    case zeroPoissonTargetSum
    /// Early stopping's validation fraction leaves no rows to train on or none to validate with.
    case emptyValidationSplit(rows: Int, validationFraction: Double, trainingRows: Int, validationRows: Int)

    public var description: String {
        switch self {
        case let .invalidHyperparameter(name, value, requirement):
            return "hyperparameter \(name) = \(value) is invalid: it must be \(requirement)"
        case let .negativePoissonTarget(row, value):
            return "target at row \(row) is \(value); the Poisson loss needs targets ≥ 0"
        case .zeroPoissonTargetSum:
            return "the targets sum to zero; the Poisson loss needs a positive sum"
        case let .emptyValidationSplit(rows, fraction, training, validation):
            return "validationFraction = \(fraction) splits \(rows) rows into \(training) training and \(validation) "
                + "validation rows; early stopping needs at least one of each"
        }
    }
}

extension BoostingError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
