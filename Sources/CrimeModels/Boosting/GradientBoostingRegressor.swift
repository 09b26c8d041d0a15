import CrimeCore
import Foundation

/// Histogram gradient-boosted regression trees with scikit-learn's `HistGradientBoostingRegressor`
/// parameters and meaning: features binned into at most 255 quantile bins, one best-first tree per
/// iteration fitted to the loss's gradients and hessians, optional early stopping on held-out rows.
///
/// ```swift
/// var model = GradientBoostingRegressor(loss: .poisson, maxIterations: 200)
/// try model.fit(x, targets: counts)
/// let expected = try model.predict(xTest)
/// ```
///
/// Early stopping follows scikit-learn: ``EarlyStopping/auto`` holds out `validationFraction` of
/// the rows (drawn with `seed`) only when there are more than 10,000, and stops when none of the
/// last `iterationsWithoutChange` iterations lowered the held-out loss by more than `tolerance`
/// relative to the iteration before them; the trees fitted so far are kept.
public struct GradientBoostingRegressor: Regressor, Sendable {
    /// Loss, growth and stopping settings.
    public var settings: BoostingSettings
    /// Hears step `"boosting"` after each iteration (count of trees fitted, out of `maxIterations`; an
    /// early stop ends with the total lowered to the trees kept); nil (the default) for none. The model
    /// does not depend on it.
    public var progress: ProgressHandler?
    /// Stops a fit between iterations when cancelled (as does cancelling the task the fit runs in): `fit`
    /// then throws `CancellationError` and the model is left unfitted; nil (the default) for none.
    public var cancellation: CancellationToken?
    var ensemble: ForestEnsemble?
    /// The raw prediction every row starts from (mean target, or its log for Poisson).
    public internal(set) var baseline = 0.0
    /// Held-out mean loss before the first tree and after each one (empty without early stopping).
    public internal(set) var validationLosses: [Double] = []

    /// A model with scikit-learn's defaults.
    public init(loss: BoostingLoss = .squaredError, learningRate: Double = 0.1, maxIterations: Int = 100,
                maxLeafNodes: Int? = 31, maxDepth: Int? = nil, minSamplesLeaf: Int = 20, l2Regularization: Double = 0,
                maxBins: Int = 255, earlyStopping: EarlyStopping = .auto, validationFraction: Double = 0.1,
                seed: UInt64 = 0, threads: Int? = nil) {
        settings = BoostingSettings(loss: loss, learningRate: learningRate, maxIterations: maxIterations,
                                    maxLeafNodes: maxLeafNodes, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
                                    l2Regularization: l2Regularization, maxBins: maxBins, earlyStopping: earlyStopping,
                                    validationFraction: validationFraction, seed: seed, threads: threads)
    }

    /// A model with the given settings.
    public init(settings: BoostingSettings) { self.settings = settings }

    /// Whether `fit` has run.
    public var isFitted: Bool { ensemble != nil }
    /// Number of iterations (trees) fitted, as scikit-learn's `n_iter_`.
    public var iterationCount: Int { ensemble?.trees.count ?? 0 }

    /// Fits the trees. Throws for empty, mismatched or non-finite input, invalid settings, negative
    /// or all-zero Poisson targets and a validation fraction that leaves a side of the split empty.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try ForestInput.checkTraining(x, y)
        try settings.validate()
        let loss = settings.loss
        if loss == .poisson {
            if let bad = y.firstIndex(where: { $0 < 0 }) { throw BoostingError.negativePoissonTarget(row: bad, value: y[bad]) }
            if y.reduce(0, +) <= 0 { throw BoostingError.zeroPoissonTargetSum }
        }
        ensemble = nil
        try CancellationToken.check(cancellation)
        var (xTrain, yTrain) = (x, y)
        var held: (x: Matrix, y: [Double])?
        if settings.earlyStopping.isActive(rows: x.rows) {
            let split = try BoostingValidationSplit(rows: x.rows, fraction: settings.validationFraction, seed: settings.seed)
            (xTrain, yTrain) = (try x.selectingRows(split.training), split.training.map { y[$0] })
            held = (try x.selectingRows(split.validation), split.validation.map { y[$0] })
        }
        if loss == .poisson && yTrain.reduce(0, +) <= 0 { throw BoostingError.zeroPoissonTargetSum }
        let start = loss.baseline(yTrain)
        let threads = settings.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let data = BinnedFeatures(xTrain, maxBins: settings.maxBins, threads: threads)
        defer { data.release() }
        // Below a few thousand rows no loop runs in parts, so the team would only wait.
        let team = WorkerTeam(size: xTrain.rows >= NodeHistograms.partRows ? threads : 1)
        defer { team.shutdown() }
        let grower = HistogramTreeGrower(data: data, settings: settings, team: team)
        let n = xTrain.rows
        var raw = [Double](repeating: start, count: n)
        var gradients = [Float](repeating: 0, count: n), hessians = [Float](repeating: 1, count: n)
        var trees: [TreeArrays] = []
        var heldRaw = [Double](repeating: start, count: held?.x.rows ?? 0)
        var scores = held.map { [loss.meanLoss(y: $0.y, raw: heldRaw)] } ?? []
        let counter = ProgressCounter(step: "boosting", total: settings.maxIterations, unit: .items("iterations"),
                                      handler: progress)
        for _ in 0..<settings.maxIterations {
            try CancellationToken.check(cancellation)
            yTrain.withUnsafeBufferPointer { yb in raw.withUnsafeBufferPointer { rb in
                gradients.withUnsafeMutableBufferPointer { gb in hessians.withUnsafeMutableBufferPointer { hb in
                    loss.gradients(y: yb.baseAddress!, raw: rb.baseAddress!, count: n,
                                   gradients: gb.baseAddress!, hessians: hb.baseAddress!, team: team)
                }}
            }}
            let tree = gradients.withUnsafeBufferPointer { gb in hessians.withUnsafeBufferPointer { hb in
                grower.grow(gradients: gb.baseAddress!, hessians: hb.baseAddress!)
            }}
            trees.append(tree)
            raw.withUnsafeMutableBufferPointer { grower.addLeafValues(to: $0.baseAddress!) }
            counter?.advance()
            if let held {
                Self.add(tree, to: &heldRaw, x: held.x)
                scores.append(loss.meanLoss(y: held.y, raw: heldRaw))
                if shouldStop(scores) { break }
            }
        }
        counter?.finish()
        baseline = start
        validationLosses = scores
        ensemble = ForestEnsemble(trees: trees, featureCount: x.columns, classes: [])
    }

    /// scikit-learn's `_should_stop` on losses: stop when none of the last `iterationsWithoutChange`
    /// losses is below the loss before them minus `tolerance`.
    private func shouldStop(_ losses: [Double]) -> Bool {
        let window = settings.iterationsWithoutChange
        guard losses.count > window else { return false }
        let reference = losses[losses.count - window - 1] - settings.tolerance
        return !losses.suffix(window).contains { $0 < reference }
    }

    /// Adds one tree's leaf values to the raw predictions of `x`'s rows.
    private static func add(_ tree: TreeArrays, to raw: inout [Double], x: Matrix) {
        tree.nodes.withUnsafeBufferPointer { nb in x.values.withUnsafeBufferPointer { xb in
            for i in 0..<x.rows {
                raw[i] += TreeArrays.value(nb.baseAddress!, TreeArrays.leaf(nb.baseAddress!, row: xb.baseAddress! + i * x.columns))
            }
        }}
    }

    /// Predictions for every row: the inverse link of the baseline plus every tree's leaf value.
    public func predict(_ x: Matrix) throws -> [Double] {
        guard let ensemble else { throw EstimatorError.notFitted }
        try ensemble.check(x)
        let loss = settings.loss, start = baseline
        return BoostedTreeWalker.leafSums(ensemble.trees, x, threads: settings.threads).map { loss.prediction(start + $0) }
    }
}
