import Foundation

/// Inputs a metric cannot score. Each case's description names the argument at fault.
public enum MetricsError: Error, Equatable, CustomStringConvertible {
    /// Two inputs that must pair up element by element have different lengths.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// An input has no elements.
    case empty(what: String)
    /// An input holds NaN or an infinity at `index`.
    case nonFinite(what: String, index: Int)
    /// A label is neither 0 nor 1.
    case notBinary(index: Int, value: Double)
    /// The labels hold one class only, so the metric (ROC AUC, average precision) is undefined.
    case singleClass(present: Double)
    /// A threshold lies outside [0, 1].
    case thresholdOutOfRange(Double)
    /// A value is outside the metric's domain (for example a negative count for Poisson deviance).
    case outOfDomain(what: String, index: Int, value: Double, requirement: String)
    /// A parameter (bin count, area fraction, map shape, …) is unusable.
    case badParameter(name: String, reason: String)
    /// A resampling statistic is degenerate (for example every jackknife value is equal, so the
    /// BCa acceleration is 0/0).
    case degenerate(what: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(what, expected, got):
            return "\(what) has \(got) values but \(expected) were expected"
        case let .empty(what): return "\(what) is empty"
        case let .nonFinite(what, index): return "\(what) at index \(index) is NaN or infinite"
        case let .notBinary(index, value): return "label at index \(index) is \(value), not 0 or 1"
        case let .singleClass(present):
            return "every label is \(present); the metric needs both classes"
        case let .thresholdOutOfRange(t): return "threshold \(t) lies outside [0, 1]"
        case let .outOfDomain(what, index, value, requirement):
            return "\(what) at index \(index) is \(value); \(requirement)"
        case let .badParameter(name, reason): return "\(name): \(reason)"
        case let .degenerate(what): return "\(what) is degenerate"
        }
    }
}

extension MetricsError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}

/// Shared argument checks for the metrics.
enum MetricsCheck {
    /// Throws unless `a` and `b` are non-empty, of equal length and finite.
    static func pair(_ a: [Double], _ aName: String, _ b: [Double], _ bName: String) throws {
        guard !a.isEmpty else { throw MetricsError.empty(what: aName) }
        guard b.count == a.count else { throw MetricsError.lengthMismatch(what: bName, expected: a.count, got: b.count) }
        try finite(a, aName)
        try finite(b, bName)
    }

    /// Throws at the first NaN or infinity.
    static func finite(_ values: [Double], _ name: String) throws {
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw MetricsError.nonFinite(what: name, index: bad) }
    }

    /// Throws unless every label is 0 or 1.
    static func binary(_ labels: [Double]) throws {
        if let bad = labels.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw MetricsError.notBinary(index: bad, value: labels[bad])
        }
    }

    /// Throws unless the threshold lies in [0, 1].
    static func threshold(_ t: Double) throws {
        guard t >= 0, t <= 1 else { throw MetricsError.thresholdOutOfRange(t) }
    }

    /// Labels and scores for a binary metric: same non-zero length, finite, labels in {0, 1}.
    static func binaryPair(_ labels: [Double], _ scores: [Double]) throws {
        try pair(labels, "labels", scores, "scores")
        try binary(labels)
    }
}
