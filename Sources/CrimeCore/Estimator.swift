import Foundation

/// Anything that learns from inputs and targets and then predicts: fit/predict with associated types.
///
/// Estimators are values; fitting mutates and may throw. A plugin estimator is any type, in any
/// package, that conforms.
public protocol Estimator {
    /// What the estimator reads: a `Matrix` for tabular models, a `Tensor` for sequence models.
    associatedtype Input
    /// What it learns from.
    associatedtype Target
    /// What it predicts.
    associatedtype Output
    /// Learns from `x` and the targets `y`.
    mutating func fit(_ x: Input, targets y: Target) throws
    /// Predicts for every sample of `x`.
    func predict(_ x: Input) throws -> Output
}

/// A tabular regressor: rows of a `Matrix` in, one `Double` per row out.
public protocol Regressor: Estimator where Input == Matrix, Target == [Double], Output == [Double] {}

/// A tabular classifier: class labels are `Double` values (0, 1, … as scikit-learn encodes them).
public protocol Classifier: Estimator where Input == Matrix, Target == [Double], Output == [Double] {
    /// The probability of each class for every row: one row per sample, one column per class,
    /// classes in ascending label order.
    func predictProbability(_ x: Matrix) throws -> Matrix
}

/// A sequence forecaster: a tensor of past windows in, one map (or value) per sample out.
public protocol SequenceForecaster: Estimator where Input == Tensor, Target == Tensor, Output == Tensor {}

/// Errors any estimator may raise for inputs it cannot use.
public enum EstimatorError: Error, Equatable, CustomStringConvertible {
    /// No rows to learn from.
    case emptyTrainingSet
    /// The number of targets does not match the number of rows.
    case targetCountMismatch(rows: Int, targets: Int)
    /// A target or feature is NaN or infinite.
    case nonFiniteValue(row: Int, column: Int?)
    /// Prediction input has a different number of features than training input.
    case featureCountMismatch(expected: Int, got: Int)
    /// `predict` was called before `fit`.
    case notFitted

    public var description: String {
        switch self {
        case .emptyTrainingSet: return "the training set has no rows"
        case let .targetCountMismatch(rows, targets): return "\(rows) rows but \(targets) targets"
        case let .nonFiniteValue(row, column):
            if let column { return "row \(row), column \(column) is NaN or infinite" }
            return "target at row \(row) is NaN or infinite"
        case let .featureCountMismatch(expected, got): return "expected \(expected) features, got \(got)"
        case .notFitted: return "the estimator has not been fitted"
        }
    }
}

extension EstimatorError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
