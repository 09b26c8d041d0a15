import CrimeCore
import Foundation

/// Tabular estimators by name: the built-in ones and plugins a program registers, so that
/// backtests and the CLI can use them alongside each other.
///
/// ```swift
/// EstimatorRegistry.shared.register("last-column") { LastColumn() }
/// var named = try EstimatorRegistry.shared.make("last-column")
/// try named.fit(x, targets: y)
/// ```
///
/// Built in: regressors `mean`, `poisson` (``PoissonRegression``), `random-forest` and `gbm`
/// (``GradientBoostingRegressor``); classifier
/// `random-forest`. Registering an existing name replaces it. Safe to use from several threads.
public final class EstimatorRegistry: @unchecked Sendable {
    /// The registry a program shares.
    public static let shared = EstimatorRegistry()

    private let lock = NSLock()
    private var regressors: [String: @Sendable () -> any Regressor] = [:]
    private var classifiers: [String: @Sendable () -> any Classifier] = [:]

    /// A registry holding only the built-in estimators.
    public init() {
        regressors["mean"] = { MeanRegressor() }
        regressors["poisson"] = { PoissonRegression() }
        regressors["random-forest"] = { RandomForestRegressor() }
        regressors["gbm"] = { GradientBoostingRegressor() }
        classifiers["random-forest"] = { RandomForestClassifier() }
    }

    /// Registers (or replaces) a regressor under `name`; `make` builds a fresh, unfitted one.
    public func register(_ name: String, _ make: @escaping @Sendable () -> any Regressor) {
        lock.withLock { regressors[name] = make }
    }

    /// Registers (or replaces) a classifier under `name`.
    public func registerClassifier(_ name: String, _ make: @escaping @Sendable () -> any Classifier) {
        lock.withLock { classifiers[name] = make }
    }

    /// A fresh regressor registered as `name`; throws ``EstimatorRegistryError/unknownName(_:known:)``.
    public func make(_ name: String) throws -> any Regressor {
        let (make, known) = lock.withLock { (regressors[name], regressors.keys.sorted()) }
        guard let make else { throw EstimatorRegistryError.unknownName(name, known: known) }
        return make()
    }

    /// A fresh classifier registered as `name`; throws ``EstimatorRegistryError/unknownName(_:known:)``.
    public func makeClassifier(_ name: String) throws -> any Classifier {
        let (make, known) = lock.withLock { (classifiers[name], classifiers.keys.sorted()) }
        guard let make else { throw EstimatorRegistryError.unknownName(name, known: known) }
        return make()
    }

    /// Registered regressor names, sorted.
    public var regressorNames: [String] { lock.withLock { regressors.keys.sorted() } }

    /// Registered classifier names, sorted.
    public var classifierNames: [String] { lock.withLock { classifiers.keys.sorted() } }
}

/// Errors of ``EstimatorRegistry``.
public enum EstimatorRegistryError: Error, Equatable, CustomStringConvertible {
    /// No estimator is registered under the name.
    case unknownName(String, known: [String])

    public var description: String {
        switch self {
        case let .unknownName(name, known):
            return "no estimator is registered as \"\(name)\"; known: \(known.joined(separator: ", "))"
        }
    }
}

extension EstimatorRegistryError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
