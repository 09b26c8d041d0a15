import CrimeCore

/// A random forest of regression trees with scikit-learn's `RandomForestRegressor` parameters and
/// meaning: bootstrap samples, `maxFeatures` features tried per split, predictions averaged over trees.
///
/// ```swift
/// var forest = RandomForestRegressor(trees: 100, minSamplesLeaf: 2, maxFeatures: .fraction(1.0 / 3), seed: 1)
/// try forest.fit(x, targets: y)
/// let predictions = try forest.predict(xTest)
/// ```
public struct RandomForestRegressor: Regressor, Sendable {
    /// Growth, sampling and parallelism settings.
    public var settings: ForestSettings
    /// Squared error (the default) or Poisson deviance for counts.
    public var criterion: RegressionCriterion
    /// Hears step `"forest"` as trees finish (count of trees grown, out of `settings.trees`), from
    /// whichever thread grew the tree; nil (the default) for none. The forest does not depend on it.
    public var progress: ProgressHandler?
    /// Stops a fit between trees when cancelled (as does cancelling the task the fit runs in): `fit` then
    /// throws `CancellationError` and the forest is left unfitted; nil (the default) for none.
    public var cancellation: CancellationToken?
    var ensemble: ForestEnsemble?
    /// R² of the out-of-bag predictions over rows that were out of bag at least once
    /// (set by `fit` when `settings.oobScore` is on).
    public internal(set) var outOfBagScore: Double?

    /// A forest with scikit-learn's defaults (`max_features=1.0`, i.e. every feature).
    public init(trees: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .all, bootstrap: Bool = true, maxSamples: Double? = nil,
                criterion: RegressionCriterion = .squaredError, oobScore: Bool = false,
                splitSearch: SplitSearch = .exact, seed: UInt64 = 0, threads: Int? = nil) {
        settings = ForestSettings(trees: trees, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
                                  minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, bootstrap: bootstrap,
                                  maxSamples: maxSamples, oobScore: oobScore, splitSearch: splitSearch,
                                  seed: seed, threads: threads)
        self.criterion = criterion
    }

    /// A forest with the given settings.
    public init(settings: ForestSettings, criterion: RegressionCriterion = .squaredError) {
        self.settings = settings
        self.criterion = criterion
    }

    /// Whether `fit` has run.
    public var isFitted: Bool { ensemble != nil }
    /// Number of trees grown.
    public var treeCount: Int { ensemble?.trees.count ?? 0 }
    /// Total number of nodes over all trees.
    public var nodeCount: Int { ensemble?.nodeCount ?? 0 }
    /// Impurity-based (MDI) importances, normalised like scikit-learn's `feature_importances_`; nil before `fit`.
    public var featureImportances: [Double]? { ensemble?.impurityImportances }

    /// Grows the forest. Throws for empty, mismatched or non-finite input and invalid settings.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try ForestInput.checkTraining(x, y)
        try settings.validate(features: x.columns)
        if criterion == .poisson {
            if let bad = y.firstIndex(where: { $0 < 0 }) { throw ForestError.negativePoissonTarget(row: bad, value: y[bad]) }
            if y.reduce(0, +) <= 0 { throw ForestError.zeroPoissonTargetSum }
        }
        let limits = GrowthLimits(maxDepth: settings.maxDepth ?? Int.max, minSamplesSplit: settings.minSamplesSplit,
                                  minSamplesLeaf: settings.minSamplesLeaf,
                                  maxFeatures: settings.maxFeatures.resolved(features: x.columns), classes: 0)
        let bins: Int? = if case let .histogram(b) = settings.splitSearch { b } else { nil }
        ensemble = nil
        let data = TrainingData(x, bins: bins)
        defer { data.release() }
        let grown = try y.withUnsafeBufferPointer { yb in
            try ForestGrowth.grow(data: data, criterion: RegressionSplitCriterion(kind: criterion, y: yb.baseAddress!),
                                  limits: limits, settings: settings, rowWeights: nil, progress: progress,
                                  cancellation: cancellation)
        }
        let fitted = ForestEnsemble(trees: grown.trees, featureCount: x.columns, classes: [])
        ensemble = fitted
        outOfBagScore = nil
        if settings.oobScore {
            let (sums, votes) = OutOfBag.sums(ensemble: fitted, inBag: grown.inBag, x: x)
            let seen = votes.indices.filter { votes[$0] > 0 }
            if !seen.isEmpty {
                outOfBagScore = ForestScores.r2(seen.map { y[$0] }, seen.map { sums[$0] / Double(votes[$0]) })
            }
        }
    }

    /// The mean of the trees' predictions for every row.
    public func predict(_ x: Matrix) throws -> [Double] {
        guard let ensemble else { throw EstimatorError.notFitted }
        try ensemble.check(x)
        let count = Double(ensemble.trees.count)
        return ensemble.leafSums(x, threads: settings.threads).map { $0 / count }
    }
}
