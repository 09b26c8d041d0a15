/// How many features a tree node considers when it looks for a split (scikit-learn's `max_features`).
public enum MaxFeatures: Equatable, Sendable, CustomStringConvertible {
    /// `max(1, floor(sqrt(p)))` of the `p` features.
    case sqrt
    /// `max(1, floor(log2(p)))` of the `p` features.
    case log2
    /// `max(1, floor(f × p))` features, for `0 < f ≤ 1`.
    case fraction(Double)
    /// A fixed number of features (at most `p`).
    case count(Int)
    /// Every feature at every node.
    case all

    /// The number of features drawn per node for `p` features; throws for an invalid fraction or count.
    public func resolve(featureCount p: Int) throws -> Int {
        switch self {
        case .sqrt: return max(1, Int(Double(p).squareRoot()))
        case .log2: return max(1, Int(Foundation.log2(Double(max(p, 1)))))
        case .fraction(let f):
            guard f > 0, f <= 1 else { throw ForestError.badHyperparameter(name: "maxFeatures", value: "\(f)", rule: "a fraction must be in (0, 1]") }
            return max(1, Int(f * Double(p)))
        case .count(let n):
            guard n >= 1 else { throw ForestError.badHyperparameter(name: "maxFeatures", value: "\(n)", rule: "a count must be at least 1") }
            return min(n, p)
        case .all: return p
        }
    }

    public var description: String {
        switch self {
        case .sqrt: return "sqrt"
        case .log2: return "log2"
        case .fraction(let f): return "\(f)"
        case .count(let n): return "\(n)"
        case .all: return "all"
        }
    }
}

/// The impurity a regression tree minimises (scikit-learn's `criterion`).
public enum RegressionCriterion: String, Sendable, CaseIterable {
    /// Mean squared error: splits maximise the variance reduction.
    case squaredError = "squared_error"
    /// Half Poisson deviance, for non-negative counts; a child whose targets sum to zero is not allowed.
    case poisson
}

/// The impurity a classification tree minimises (scikit-learn's `criterion`).
public enum ClassificationCriterion: String, Sendable, CaseIterable {
    /// Gini impurity `1 − Σ p²`.
    case gini
    /// Shannon entropy in bits `−Σ p log₂ p`.
    case entropy
}


import Foundation
