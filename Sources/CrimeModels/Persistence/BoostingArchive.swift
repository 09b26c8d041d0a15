import CrimeCore

/// The payload of a gradient-boosting file (kind `gradient-boosting-regressor`), after the
/// ``ModelArchive`` header: loss (String), learning rate (Double), max iterations (UInt32), max leaf
/// nodes and max depth (Int32, −1: none), min samples per leaf (UInt32), L2 (Double), max bins
/// (UInt16), early stopping (String), validation fraction (Double), iterations without change
/// (UInt32), tolerance (Double), seed (UInt64), threads (Int32, −1: all cores); then the baseline
/// (Double), the validation losses (Double array), the feature count (UInt32) and per tree (count
/// UInt32) its node features (Int32 array), thresholds (Double array, leaf values at leaves) and
/// right children (Int32 array). A loaded model predicts bit for bit what the saved one did.
///
/// Nothing in the payload grows with the feature count, so a count above ``maximumArchivedFeatures``
/// is taken for corruption rather than sizing the per-tree importances from it.
extension GradientBoostingRegressor: PersistableModel {
    /// The most features a saved model may declare: 2²⁴ (16,777,216).
    public static let maximumArchivedFeatures = 1 << 24

    /// `gradient-boosting-regressor`.
    public static var archiveKind: String { "gradient-boosting-regressor" }

    /// Writes settings, baseline and trees.
    public func encodePayload(into w: inout ArchiveWriter) throws {
        guard let ensemble else { throw ArchiveError.notSavable(reason: "the gradient-boosting model has not been fitted") }
        let s = settings
        func int32(_ v: Int?) -> Int32 { Int32(v.map { min($0, Int(Int32.max)) } ?? -1) }
        w.write(s.loss.rawValue)
        w.write(s.learningRate)
        w.write(UInt32(s.maxIterations))
        w.write(int32(s.maxLeafNodes))
        w.write(int32(s.maxDepth))
        w.write(UInt32(s.minSamplesLeaf))
        w.write(s.l2Regularization)
        w.write(UInt16(s.maxBins))
        w.write(s.earlyStopping.rawValue)
        w.write(s.validationFraction)
        w.write(UInt32(s.iterationsWithoutChange))
        w.write(s.tolerance)
        w.write(s.seed)
        w.write(int32(s.threads))
        w.write(baseline)
        w.write(validationLosses)
        w.write(UInt32(ensemble.featureCount))
        w.write(UInt32(ensemble.trees.count))
        for tree in ensemble.trees {
            w.write(tree.features)
            w.write(tree.thresholds)
            w.write(tree.rightChildren)
        }
    }

    /// Rebuilds a fitted model; throws ``ArchiveError/corruptPayload(path:reason:)`` for impossible content.
    public static func decodePayload(from r: inout ArchiveReader) throws -> GradientBoostingRegressor {
        func corrupt(_ reason: String) -> ArchiveError { .corruptPayload(path: r.path, reason: reason) }
        func optional(_ v: Int32) -> Int? { v < 0 ? nil : Int(v) }
        let lossName = try r.readString()
        guard let loss = BoostingLoss(rawValue: lossName) else { throw corrupt("unknown loss \(lossName)") }
        var s = BoostingSettings(loss: loss)
        s.learningRate = try r.readDouble()
        s.maxIterations = Int(try r.read(UInt32.self))
        s.maxLeafNodes = optional(try r.read(Int32.self))
        s.maxDepth = optional(try r.read(Int32.self))
        s.minSamplesLeaf = Int(try r.read(UInt32.self))
        s.l2Regularization = try r.readDouble()
        s.maxBins = Int(try r.read(UInt16.self))
        let stopping = try r.readString()
        guard let earlyStopping = EarlyStopping(rawValue: stopping) else { throw corrupt("unknown early stopping \(stopping)") }
        s.earlyStopping = earlyStopping
        s.validationFraction = try r.readDouble()
        s.iterationsWithoutChange = Int(try r.read(UInt32.self))
        s.tolerance = try r.readDouble()
        s.seed = try r.read(UInt64.self)
        s.threads = optional(try r.read(Int32.self))
        var model = GradientBoostingRegressor(settings: s)
        model.baseline = try r.readDouble()
        model.validationLosses = try r.readDoubles()
        let featureCount = Int(try r.read(UInt32.self))
        guard featureCount <= maximumArchivedFeatures else {
            throw corrupt("\(featureCount) features, more than the \(maximumArchivedFeatures) a saved model may have")
        }
        let treeCount = Int(try r.read(UInt32.self))
        let zeros = [Double](repeating: 0, count: featureCount)
        var trees: [TreeArrays] = []
        for t in 0..<treeCount {
            let features = try r.readArray(Int32.self)
            let thresholds = try r.readDoubles()
            let rights = try r.readArray(Int32.self)
            guard ForestArchive.validate(features, thresholds, rights, [], zeros, featureCount: featureCount, classes: 0) else {
                throw corrupt("tree \(t) is not a valid tree")
            }
            if let reason = ForestArchive.nonFinite(tree: t, thresholds, []) { throw corrupt(reason) }
            trees.append(TreeArrays(features: features, thresholds: thresholds, rightChildren: rights,
                                    leafProbabilities: [], importances: zeros))
        }
        guard !trees.isEmpty, model.baseline.isFinite else { throw corrupt("the model has no trees or no finite baseline") }
        model.ensemble = ForestEnsemble(trees: trees, featureCount: featureCount, classes: [])
        return model
    }
}
