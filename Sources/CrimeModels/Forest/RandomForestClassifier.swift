import CrimeCore

/// A random forest of classification trees with scikit-learn's `RandomForestClassifier` parameters and
/// meaning. Class probabilities are the mean of the trees' leaf class proportions.
///
/// Trees grow in parallel; tree `t` uses `SeededGenerator(seed: seed).split(t)` only, so the same seed
/// gives the same forest on one thread or many. Features are split as 32-bit floats, as in scikit-learn.
public struct RandomForestClassifier: Classifier, Sendable {
    /// Number of trees.
    public var trees: Int
    /// Deepest level a tree may reach (nil: grow until leaves are pure or too small).
    public var maxDepth: Int?
    /// Fewest rows a node needs to be split.
    public var minSamplesSplit: Int
    /// Fewest rows each child of a split must keep.
    public var minSamplesLeaf: Int
    /// Features drawn per node.
    public var maxFeatures: MaxFeatures
    /// Whether each tree sees a bootstrap sample (else every row once).
    public var bootstrap: Bool
    /// Bootstrap sample size as a fraction of the rows (nil: as many as rows).
    public var maxSamples: Double?
    /// The impurity the trees minimise.
    public var criterion: ClassificationCriterion
    /// Class weights; `.balanced` weighs classes inversely to their frequency in the training set.
    public var classWeight: ClassWeight
    /// Whether `fit` computes ``oobScore``.
    public var computesOOBScore: Bool
    /// The seed of every random choice.
    public var seed: UInt64
    /// Worker threads (0: every active core); the forest does not depend on it.
    public var threads: Int

    /// The distinct training labels in ascending order (the columns of ``predictProbability(_:)``).
    public internal(set) var classes: [Double] = []
    /// Out-of-bag accuracy over the rows at least one tree left out (after `fit` with `computesOOBScore` and bootstrap).
    public internal(set) var oobScore: Double?
    var core: ForestCore?

    /// An unfitted forest; the defaults are scikit-learn's.
    public init(trees: Int = 100, maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1,
                maxFeatures: MaxFeatures = .sqrt, bootstrap: Bool = true, maxSamples: Double? = nil,
                criterion: ClassificationCriterion = .gini, classWeight: ClassWeight = .none,
                computesOOBScore: Bool = false, seed: UInt64 = 0, threads: Int = 0) {
        self.trees = trees
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.bootstrap = bootstrap
        self.maxSamples = maxSamples
        self.criterion = criterion
        self.classWeight = classWeight
        self.computesOOBScore = computesOOBScore
        self.seed = seed
        self.threads = threads
    }

    /// Impurity (mean decrease in impurity) importance of each feature, summing to 1; nil before `fit`.
    public var featureImportances: [Double]? { core?.importances }

    /// Total number of nodes over all trees; 0 before `fit`.
    public var nodeCount: Int { core?.trees.reduce(0) { $0 + $1.nodeCount } ?? 0 }

    /// Grows the forest on `x` and the class labels `y`.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        let data = try TrainingSet(x, y, classify: true)
        let settings = try ForestHyperparameters.settings(
            trees: trees, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
            maxFeatures: maxFeatures, maxSamples: maxSamples, featureCount: x.columns,
            criterion: criterion == .gini ? .gini : .entropy, valueWidth: data.classes.count)
        let sampling = ForestCore.Sampling(trees: trees, bootstrap: bootstrap, maxSamples: maxSamples, seed: seed,
                                           threads: ForestCore.threadCount(threads))
        let fitted = ForestCore.grow(data, settings: settings, rowWeights: try data.rowWeights(classWeight), sampling: sampling)
        core = fitted
        classes = data.classes
        oobScore = nil
        if computesOOBScore, bootstrap {
            let probabilities = fitted.outOfBag(x, sampling: sampling)
            oobScore = OutOfBag.accuracy(data.classIndex, probabilities, width: data.classes.count)
        }
    }

    /// The mean class proportions of the trees' leaves: one row per sample, one column per class in ``classes``.
    public func predictProbability(_ x: Matrix) throws -> Matrix {
        guard let core else { throw EstimatorError.notFitted }
        try ForestHyperparameters.checkPredictionInput(x, featureCount: core.featureCount)
        return Matrix(rows: x.rows, columns: core.valueWidth, values: core.average(x, threads: ForestCore.threadCount(threads)))
    }

    /// The most probable class label of every row (the lower label on ties).
    public func predict(_ x: Matrix) throws -> [Double] {
        let p = try predictProbability(x)
        return (0..<p.rows).map { i in classes[ClassVote.argmax(p.values[(i * p.columns)..<((i + 1) * p.columns)])] }
    }
}
