import Foundation
import CrimeCore

/// Estimators by name: the built-in ones and plugins a program registers, so backtests and the CLI can
/// make any of them from a string. Thread-safe.
///
/// Built-in regressors: `"mean"` (``MeanRegressor``) and `"random-forest"` (``RandomForestRegressor``
/// with default settings); built-in classifier: `"random-forest"` (``RandomForestClassifier``).
public final class EstimatorRegistry: @unchecked Sendable {
    /// The registry every part of a program shares.
    public static let shared = EstimatorRegistry()

    private let lock = NSLock()
    private var regressors: [String: @Sendable () -> any Regressor] = [:]
    private var classifiers: [String: @Sendable () -> any Classifier] = [:]

    /// A registry holding the built-in estimators.
    public init() {
        regressors["mean"] = { MeanRegressor() }
        regressors["random-forest"] = { RandomForestRegressor() }
        classifiers["random-forest"] = { RandomForestClassifier() }
    }

    /// Registers (or replaces) the regressor made by `factory` under `name`.
    public func register(_ name: String, factory: @escaping @Sendable () -> any Regressor) {
        lock.withLock { regressors[name] = factory }
    }

    /// Registers (or replaces) the classifier made by `factory` under `name`.
    public func registerClassifier(_ name: String, factory: @escaping @Sendable () -> any Classifier) {
        lock.withLock { classifiers[name] = factory }
    }

    /// A new, unfitted regressor registered under `name`.
    public func make(_ name: String) throws -> any Regressor {
        let factory = lock.withLock { regressors[name] }
        guard let factory else { throw RegistryError.unknownEstimator(name: name, known: regressorNames) }
        return factory()
    }

    /// A new, unfitted classifier registered under `name`.
    public func makeClassifier(_ name: String) throws -> any Classifier {
        let factory = lock.withLock { classifiers[name] }
        guard let factory else { throw RegistryError.unknownEstimator(name: name, known: classifierNames) }
        return factory()
    }

    /// The registered regressor names, sorted.
    public var regressorNames: [String] { lock.withLock { regressors.keys.sorted() } }

    /// The registered classifier names, sorted.
    public var classifierNames: [String] { lock.withLock { classifiers.keys.sorted() } }
}

/// A name the ``EstimatorRegistry`` does not know.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
    /// No estimator of that name; `known` lists the registered names.
    case unknownEstimator(name: String, known: [String])

    public var description: String {
        switch self {
        case let .unknownEstimator(name, known):
            return "no estimator named \"\(name)\"; known: \(known.joined(separator: ", "))"
        }
    }
}
