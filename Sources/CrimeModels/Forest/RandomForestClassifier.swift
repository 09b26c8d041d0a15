import CrimeCore

/// A random forest of classification trees with scikit-learn's `RandomForestClassifier` parameters
/// and meaning. Labels are any `Double` values; probabilities are the mean of the trees' leaf class
/// frequencies, columns in ascending label order; `predict` returns the most probable label.
public struct RandomForestClassifier: Classifier, Sendable {
    /// Growth, sampling and parallelism settings.
    public var settings: ForestSettings
    /// Gini (the default) or entropy.
    public var criterion: ClassificationCriterion
    /// Class weights: none, balanced or explicit per label.
    public var classWeight: ClassWeight
    /// Hears step `"forest"` as trees finish (count of trees grown, out of `settings.trees`), from
    /// whichever thread grew the tree; nil (the default) for none. The forest does not depend on it.
    public var progress: ProgressHandler?
    /// Stops a fit between trees when cancelled (as does cancelling the task the fit runs in): `fit` then
    /// throws `CancellationError` and the forest is left unfitted; nil (the default) for none.
    public var cancellation: CancellationToken?
    var ensemble: ForestEnsemble?
    /// Accuracy of the out-of-bag predictions over rows that were out of bag at least once
    /// (set by `fit` when `settings.oobScore` is on).
    public internal(set) var outOfBagScore: Double?

    /// A forest with scikit-learn's defaults (`max_features="sqrt"`).
    public init(trees: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .sqrt, bootstrap: Bool = true, maxSamples: Double? = nil,
                criterion: ClassificationCriterion = .gini, classWeight: ClassWeight = .none,
                oobScore: Bool = false, splitSearch: SplitSearch = .exact, seed: UInt64 = 0, threads: Int? = nil) {
        settings = ForestSettings(trees: trees, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
                                  minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, bootstrap: bootstrap,
                                  maxSamples: maxSamples, oobScore: oobScore, splitSearch: splitSearch,
                                  seed: seed, threads: threads)
        self.criterion = criterion
        self.classWeight = classWeight
    }

    /// A forest with the given settings.
    public init(settings: ForestSettings, criterion: ClassificationCriterion = .gini,
                classWeight: ClassWeight = .none) {
        self.settings = settings
        self.criterion = criterion
        self.classWeight = classWeight
    }

    /// Whether `fit` has run.
    public var isFitted: Bool { ensemble != nil }
    /// The class labels seen in training, ascending (the columns of ``predictProbability(_:)``).
    public var classes: [Double] { ensemble?.classes ?? [] }
    /// Number of trees grown.
    public var treeCount: Int { ensemble?.trees.count ?? 0 }
    /// Total number of nodes over all trees.
    public var nodeCount: Int { ensemble?.nodeCount ?? 0 }
    /// Impurity-based (MDI) importances, normalised like scikit-learn's `feature_importances_`; nil before `fit`.
    public var featureImportances: [Double]? { ensemble?.impurityImportances }

    /// Grows the forest. Throws for empty, mismatched or non-finite input, a single class and invalid settings.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try ForestInput.checkTraining(x, y)
        try settings.validate(features: x.columns)
        let labels = Array(Set(y)).sorted()
        guard labels.count >= 2 else { throw ForestError.singleClass(label: labels.first ?? 0) }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
        let codes = y.map { index[$0] ?? 0 }
        var rowWeights: [Double]?
        if classWeight != .none {
            let perClass = try classWeight.weights(classes: labels, targets: y)
            rowWeights = codes.map { perClass[Int($0)] }
        }
        let limits = GrowthLimits(maxDepth: settings.maxDepth ?? Int.max, minSamplesSplit: settings.minSamplesSplit,
                                  minSamplesLeaf: settings.minSamplesLeaf,
                                  maxFeatures: settings.maxFeatures.resolved(features: x.columns), classes: labels.count)
        let bins: Int? = if case let .histogram(b) = settings.splitSearch { b } else { nil }
        ensemble = nil
        let data = TrainingData(x, bins: bins)
        defer { data.release() }
        let grown = try codes.withUnsafeBufferPointer { cb in
            try ForestGrowth.grow(data: data,
                                  criterion: ClassificationSplitCriterion(kind: criterion, codes: cb.baseAddress!, classes: labels.count),
                                  limits: limits, settings: settings, rowWeights: rowWeights, progress: progress,
                                  cancellation: cancellation)
        }
        let fitted = ForestEnsemble(trees: grown.trees, featureCount: x.columns, classes: labels)
        ensemble = fitted
        outOfBagScore = nil
        if settings.oobScore {
            let (sums, votes) = OutOfBag.sums(ensemble: fitted, inBag: grown.inBag, x: x)
            let seen = votes.indices.filter { votes[$0] > 0 }
            if !seen.isEmpty {
                let predicted = seen.map { labels[Self.argmax(sums, row: $0, width: labels.count)] }
                outOfBagScore = ForestScores.accuracy(seen.map { y[$0] }, predicted)
            }
        }
    }

    /// The mean over trees of each tree's leaf class frequencies: one row per sample, one column per class.
    public func predictProbability(_ x: Matrix) throws -> Matrix {
        guard let ensemble else { throw EstimatorError.notFitted }
        try ensemble.check(x)
        let count = Double(ensemble.trees.count)
        return Matrix(rows: x.rows, columns: ensemble.classes.count,
                      values: ensemble.leafSums(x, threads: settings.threads).map { $0 / count })
    }

    /// The most probable label of every row (the first one on ties, as numpy's `argmax`).
    public func predict(_ x: Matrix) throws -> [Double] {
        let probabilities = try predictProbability(x)
        return (0..<x.rows).map { classes[Self.argmax(probabilities.values, row: $0, width: probabilities.columns)] }
    }

    static func argmax(_ values: [Double], row: Int, width: Int) -> Int {
        var best = 0
        for k in 1..<width where values[row * width + k] > values[row * width + best] { best = k }
        return best
    }
}
