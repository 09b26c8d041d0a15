/// Input a random forest cannot use, each case naming the row, column or hyperparameter.
public enum ForestError: Error, Equatable, CustomStringConvertible {
    /// A hyperparameter is out of its range.
    case badHyperparameter(name: String, value: String, rule: String)
    /// A classifier was given targets of only one class.
    case singleClass(label: Double)
    /// A Poisson forest was given a negative target, or targets that sum to zero.
    case badPoissonTarget(row: Int?, value: Double)
    /// A feature is too large in magnitude for the 32-bit floats the trees split on.
    case featureOutOfRange(row: Int, column: Int, value: Double)

    public var description: String {
        switch self {
        case let .badHyperparameter(name, value, rule): return "hyperparameter \(name) = \(value) is invalid: \(rule)"
        case let .singleClass(label): return "a classifier needs at least two classes, but every target is \(label)"
        case let .badPoissonTarget(row?, value): return "target at row \(row) is \(value); the Poisson criterion needs non-negative targets"
        case let .badPoissonTarget(nil, value): return "the targets sum to \(value); the Poisson criterion needs a positive sum"
        case let .featureOutOfRange(row, column, value): return "row \(row), column \(column) is \(value), too large for a 32-bit float"
        }
    }
}
