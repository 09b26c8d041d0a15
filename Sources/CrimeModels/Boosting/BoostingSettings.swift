/// The loss a ``GradientBoostingRegressor`` minimises, named as scikit-learn's `loss` parameter.
public enum BoostingLoss: String, Sendable, CaseIterable, Equatable {
    /// Half squared error; raw predictions are the predictions.
    case squaredError = "squared_error"
    /// Half Poisson deviance with a log link: predictions are `exp(raw)`, targets must be ≥ 0.
    case poisson
}

/// When a ``GradientBoostingRegressor`` holds rows out to stop early.
public enum EarlyStopping: String, Sendable, CaseIterable, Equatable {
    /// As scikit-learn's `early_stopping="auto"`: on only when the training table has more than 10,000 rows.
    case auto
    /// Always hold out `validationFraction` of the rows and stop when their loss stops improving.
    case on
    /// Fit every iteration on every row.
    case off

    /// Whether stopping is active for a table of `rows` rows.
    func isActive(rows: Int) -> Bool {
        switch self {
        case .auto: return rows > 10_000
        case .on: return true
        case .off: return false
        }
    }
}

/// Hyperparameters of a ``GradientBoostingRegressor``, with scikit-learn's
/// `HistGradientBoostingRegressor` names, meanings and defaults.
public struct BoostingSettings: Sendable, Equatable {
    /// The loss and link (`loss`).
    public var loss: BoostingLoss
    /// Shrinkage applied to every leaf value (`learning_rate`).
    public var learningRate: Double
    /// Maximum number of boosting iterations, one tree each (`max_iter`), 1 to ``maximumIterationCount``.
    public var maxIterations: Int
    /// Maximum leaves per tree, grown best-first (`max_leaf_nodes`); nil: unlimited.
    public var maxLeafNodes: Int?
    /// Maximum edges from the root to a leaf (`max_depth`); nil: unlimited.
    public var maxDepth: Int?
    /// Minimum training rows per leaf (`min_samples_leaf`).
    public var minSamplesLeaf: Int
    /// L2 penalty λ on leaf values: a leaf holds −G/(H+λ) (`l2_regularization`).
    public var l2Regularization: Double
    /// Maximum quantile bins per feature, 2…255 (`max_bins`).
    public var maxBins: Int
    /// Whether to stop early on held-out rows (`early_stopping`).
    public var earlyStopping: EarlyStopping
    /// Share of the rows held out for early stopping, in (0, 1) (`validation_fraction`).
    public var validationFraction: Double
    /// Stop when none of this many iterations beat the loss before them by `tolerance` (`n_iter_no_change`).
    public var iterationsWithoutChange: Int
    /// Smallest improvement of the held-out loss that counts (`tol`).
    public var tolerance: Double
    /// Seed of the held-out row draw.
    public var seed: UInt64
    /// Worker threads for histograms and prediction; nil: every core. Results do not depend on it.
    public var threads: Int?

    /// Settings with scikit-learn's defaults.
    public init(loss: BoostingLoss = .squaredError, learningRate: Double = 0.1, maxIterations: Int = 100,
                maxLeafNodes: Int? = 31, maxDepth: Int? = nil, minSamplesLeaf: Int = 20, l2Regularization: Double = 0,
                maxBins: Int = 255, earlyStopping: EarlyStopping = .auto, validationFraction: Double = 0.1,
                iterationsWithoutChange: Int = 10, tolerance: Double = 1e-7, seed: UInt64 = 0, threads: Int? = nil) {
        self.loss = loss
        self.learningRate = learningRate
        self.maxIterations = maxIterations
        self.maxLeafNodes = maxLeafNodes
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
        self.l2Regularization = l2Regularization
        self.maxBins = maxBins
        self.earlyStopping = earlyStopping
        self.validationFraction = validationFraction
        self.iterationsWithoutChange = iterationsWithoutChange
        self.tolerance = tolerance
        self.seed = seed
        self.threads = threads
    }

    /// The most iterations a model may run: 100,000.
    public static let maximumIterationCount = 100_000

    /// Throws ``BoostingError/invalidHyperparameter(name:value:requirement:)`` for the first setting out of range.
    public func validate() throws {
        func fail(_ name: String, _ value: Any, _ requirement: String) -> BoostingError {
            .invalidHyperparameter(name: name, value: "\(value)", requirement: requirement)
        }
        guard learningRate > 0, learningRate.isFinite else { throw fail("learningRate", learningRate, "a finite number > 0") }
        guard (1...Self.maximumIterationCount).contains(maxIterations) else {
            throw fail("maxIterations", maxIterations, "between 1 and \(Self.maximumIterationCount)")
        }
        if let maxLeafNodes, maxLeafNodes < 2 { throw fail("maxLeafNodes", maxLeafNodes, "at least 2") }
        if let maxDepth, maxDepth < 1 { throw fail("maxDepth", maxDepth, "at least 1") }
        guard minSamplesLeaf >= 1 else { throw fail("minSamplesLeaf", minSamplesLeaf, "at least 1") }
        guard l2Regularization >= 0, l2Regularization.isFinite else {
            throw fail("l2Regularization", l2Regularization, "a finite number ≥ 0")
        }
        guard (2...255).contains(maxBins) else { throw fail("maxBins", maxBins, "between 2 and 255") }
        guard validationFraction > 0, validationFraction < 1 else {
            throw fail("validationFraction", validationFraction, "strictly between 0 and 1")
        }
        guard iterationsWithoutChange >= 1 else { throw fail("iterationsWithoutChange", iterationsWithoutChange, "at least 1") }
        guard tolerance >= 0, tolerance.isFinite else { throw fail("tolerance", tolerance, "a finite number ≥ 0") }
        if let threads, threads < 1 { throw fail("threads", threads, "at least 1") }
    }
}
