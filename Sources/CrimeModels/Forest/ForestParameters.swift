/// How many features each split may consider (scikit-learn's `max_features`).
public enum MaxFeatures: Sendable, Equatable, CustomStringConvertible {
    /// `max(1, ⌊√p⌋)` features — scikit-learn's `"sqrt"`.
    case sqrt
    /// `max(1, ⌊log₂ p⌋)` features — scikit-learn's `"log2"`.
    case log2
    /// `max(1, ⌊fraction · p⌋)` features — a float `max_features`; must lie in (0, 1].
    case fraction(Double)
    /// Every feature — scikit-learn's `None` or `1.0`.
    case all
    /// Exactly this many features — an integer `max_features`; must lie in 1…p.
    case count(Int)

    /// The number of features per split for `p` features, as scikit-learn computes it.
    public func resolved(features p: Int) -> Int {
        switch self {
        case .sqrt: return max(1, Int(Double(p).squareRoot()))
        case .log2: return max(1, Int(Foundation.log2(Double(max(p, 1)))))
        case let .fraction(f): return max(1, Int(f * Double(p)))
        case .all: return p
        case let .count(k): return k
        }
    }

    public var description: String {
        switch self {
        case .sqrt: return "sqrt"
        case .log2: return "log2"
        case let .fraction(f): return "\(f)"
        case .all: return "all"
        case let .count(k): return "\(k)"
        }
    }
}

/// The impurity a regression tree minimises.
public enum RegressionCriterion: String, Sendable, Equatable, CaseIterable {
    /// Mean squared error (variance reduction) — scikit-learn's `"squared_error"`.
    case squaredError = "squared_error"
    /// Half Poisson deviance, for counts — scikit-learn's `"poisson"`. Targets must be ≥ 0 with a positive sum.
    case poisson
}

/// The impurity a classification tree minimises.
public enum ClassificationCriterion: String, Sendable, Equatable, CaseIterable {
    /// Gini impurity, 1 − Σ pₖ².
    case gini
    /// Shannon entropy, −Σ pₖ log₂ pₖ.
    case entropy
}

/// How a tree searches for the best threshold of a feature.
public enum SplitSearch: Sendable, Equatable {
    /// Every midpoint between consecutive distinct values (scikit-learn's `splitter="best"`).
    case exact
    /// Only the edges of at most `bins` quantile bins per feature (2…256), computed once per forest —
    /// much faster on large data, at a small cost in resolution.
    case histogram(bins: Int)
}

/// The settings shared by ``RandomForestRegressor`` and ``RandomForestClassifier``, with
/// scikit-learn's names and meanings.
public struct ForestSettings: Sendable, Equatable {
    /// Number of trees (`n_estimators`), 1 to ``maximumTrees``.
    public var trees: Int
    /// Maximum depth; nil grows until the other limits stop it (`max_depth=None`).
    public var maxDepth: Int?
    /// A node needs at least this many samples to be split (`min_samples_split`, ≥ 2).
    public var minSamplesSplit: Int
    /// Every leaf keeps at least this many samples (`min_samples_leaf`, ≥ 1).
    public var minSamplesLeaf: Int
    /// Features considered per split (`max_features`).
    public var maxFeatures: MaxFeatures
    /// Whether each tree learns from a bootstrap sample (`bootstrap`).
    public var bootstrap: Bool
    /// Bootstrap sample size: nil for the number of rows, or a fraction in (0, 1] of them (`max_samples`).
    public var maxSamples: Double?
    /// Whether to compute the out-of-bag score during `fit` (`oob_score`; needs `bootstrap`).
    public var oobScore: Bool
    /// Exact or histogram split search.
    public var splitSearch: SplitSearch
    /// Seed of all randomness; tree `t` draws only from `(seed, t)`.
    public var seed: UInt64
    /// Threads used to grow trees and predict; nil uses every core. The result does not depend on it.
    public var threads: Int?

    /// Settings with scikit-learn's defaults for the given `max_features`.
    public init(trees: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures, bootstrap: Bool = true, maxSamples: Double? = nil,
                oobScore: Bool = false, splitSearch: SplitSearch = .exact, seed: UInt64 = 0, threads: Int? = nil) {
        self.trees = trees
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.bootstrap = bootstrap
        self.maxSamples = maxSamples
        self.oobScore = oobScore
        self.splitSearch = splitSearch
        self.seed = seed
        self.threads = threads
    }

    /// The most trees a forest may grow: 100,000 (a forest sets aside a slot per tree before growing any).
    public static let maximumTrees = 100_000

    /// Throws ``ForestError/invalidHyperparameter(name:value:requirement:)`` for a setting out of range.
    public func validate(features: Int) throws {
        func bad(_ name: String, _ value: String, _ requirement: String) -> ForestError {
            .invalidHyperparameter(name: name, value: value, requirement: requirement)
        }
        guard (1...Self.maximumTrees).contains(trees) else { throw bad("trees", "\(trees)", "between 1 and \(Self.maximumTrees)") }
        if let maxDepth, maxDepth < 1 { throw bad("maxDepth", "\(maxDepth)", "at least 1 or nil") }
        guard minSamplesSplit >= 2 else { throw bad("minSamplesSplit", "\(minSamplesSplit)", "at least 2") }
        guard minSamplesLeaf >= 1 else { throw bad("minSamplesLeaf", "\(minSamplesLeaf)", "at least 1") }
        switch maxFeatures {
        case let .fraction(f) where !(f > 0 && f <= 1):
            throw bad("maxFeatures", "\(f)", "a fraction in (0, 1]")
        case let .count(k) where k < 1 || k > features:
            throw bad("maxFeatures", "\(k)", "a count in 1…\(features)")
        default: break
        }
        if let maxSamples, !(maxSamples > 0 && maxSamples <= 1) {
            throw bad("maxSamples", "\(maxSamples)", "a fraction in (0, 1] or nil")
        }
        if maxSamples != nil && !bootstrap { throw bad("maxSamples", "\(maxSamples ?? 0)", "nil when bootstrap is off") }
        if oobScore && !bootstrap { throw bad("oobScore", "true", "bootstrap on") }
        if case let .histogram(bins) = splitSearch, !(2...256).contains(bins) {
            throw bad("splitSearch.bins", "\(bins)", "between 2 and 256")
        }
        if let threads, threads < 1 { throw bad("threads", "\(threads)", "at least 1 or nil") }
    }
}

import Foundation
