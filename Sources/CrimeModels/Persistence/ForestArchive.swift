import CrimeCore

/// The payload of a forest file (format version 1), after the ``ModelArchive`` header:
///
/// settings — trees UInt32, maxDepth Int32 (−1: none), minSamplesSplit UInt32, minSamplesLeaf UInt32,
/// maxFeatures tag UInt8 (0 sqrt, 1 log2, 2 fraction, 3 all, 4 count) and value Double,
/// bootstrap Bool, maxSamples Double (NaN: none), oobScore Bool, split search UInt16 (0: exact,
/// else the bin count), seed UInt64, threads Int32 (−1: all cores); then the criterion (String),
/// class weighting (String; classifiers only), the out-of-bag score (Double, NaN: none), the
/// feature count UInt32, the class labels (Double array), and per tree (count UInt32): its node
/// features (Int32 array), thresholds (Double array — leaf values for regression), right
/// children (Int32 array — leaf ordinals at classification leaves), leaf class probabilities
/// (Double array) and unnormalised importances (Double array). Thresholds keep all 64 bits, so a
/// loaded forest predicts bit for bit what the saved one did.
enum ForestArchive {
    static func write(settings s: ForestSettings, criterion: String, classWeight: String?, outOfBag: Double?,
                      ensemble: ForestEnsemble?, into w: inout ArchiveWriter) throws {
        guard let ensemble else { throw ArchiveError.notSavable(reason: "the forest has not been fitted") }
        w.write(UInt32(s.trees))
        w.write(Int32(s.maxDepth.map { min($0, Int(Int32.max)) } ?? -1))
        w.write(UInt32(s.minSamplesSplit))
        w.write(UInt32(s.minSamplesLeaf))
        switch s.maxFeatures {
        case .sqrt: w.write(UInt8(0)); w.write(0.0)
        case .log2: w.write(UInt8(1)); w.write(0.0)
        case let .fraction(f): w.write(UInt8(2)); w.write(f)
        case .all: w.write(UInt8(3)); w.write(0.0)
        case let .count(k): w.write(UInt8(4)); w.write(Double(k))
        }
        w.write(s.bootstrap)
        w.write(s.maxSamples ?? .nan)
        w.write(s.oobScore)
        if case let .histogram(bins) = s.splitSearch { w.write(UInt16(bins)) } else { w.write(UInt16(0)) }
        w.write(s.seed)
        w.write(Int32(s.threads.map { min($0, Int(Int32.max)) } ?? -1))
        w.write(criterion)
        if let classWeight { w.write(classWeight) }
        w.write(outOfBag ?? .nan)
        w.write(UInt32(ensemble.featureCount))
        w.write(ensemble.classes)
        w.write(UInt32(ensemble.trees.count))
        for tree in ensemble.trees {
            w.write(tree.features)
            w.write(tree.thresholds)
            w.write(tree.rightChildren)
            w.write(tree.leafProbabilities)
            w.write(tree.importances)
        }
    }

    struct Decoded {
        var settings: ForestSettings
        var criterion: String
        var classWeight: String?
        var outOfBag: Double?
        var ensemble: ForestEnsemble
    }

    static func read(from r: inout ArchiveReader, classifier: Bool) throws -> Decoded {
        func corrupt(_ reason: String) -> ArchiveError { .corruptPayload(path: r.path, reason: reason) }
        var s = ForestSettings(maxFeatures: .all)
        s.trees = Int(try r.read(UInt32.self))
        let depth = try r.read(Int32.self)
        s.maxDepth = depth < 0 ? nil : Int(depth)
        s.minSamplesSplit = Int(try r.read(UInt32.self))
        s.minSamplesLeaf = Int(try r.read(UInt32.self))
        let tag = try r.read(UInt8.self), value = try r.readDouble()
        switch tag {
        case 0: s.maxFeatures = .sqrt
        case 1: s.maxFeatures = .log2
        case 2: s.maxFeatures = .fraction(value)
        case 3: s.maxFeatures = .all
        case 4: s.maxFeatures = .count(Int(exactly: value) ?? 0)
        default: throw corrupt("unknown max-features tag \(tag)")
        }
        s.bootstrap = try r.readBool()
        let samples = try r.readDouble()
        s.maxSamples = samples.isNaN ? nil : samples
        s.oobScore = try r.readBool()
        let bins = try r.read(UInt16.self)
        s.splitSearch = bins == 0 ? .exact : .histogram(bins: Int(bins))
        s.seed = try r.read(UInt64.self)
        let threads = try r.read(Int32.self)
        s.threads = threads < 0 ? nil : Int(threads)
        let criterion = try r.readString()
        let classWeight = classifier ? try r.readString() : nil
        let oob = try r.readDouble()
        let featureCount = Int(try r.read(UInt32.self))
        let classes = try r.readDoubles()
        guard classifier ? classes.count >= 2 : classes.isEmpty else { throw corrupt("\(classes.count) class labels") }
        let treeCount = Int(try r.read(UInt32.self))
        var trees: [TreeArrays] = []
        for t in 0..<treeCount {
            let features = try r.readArray(Int32.self)
            let thresholds = try r.readDoubles()
            let rights = try r.readArray(Int32.self)
            let probabilities = try r.readDoubles()
            let importances = try r.readDoubles()
            guard validate(features, thresholds, rights, probabilities, importances,
                           featureCount: featureCount, classes: classes.count) else {
                throw corrupt("tree \(t) is not a valid tree")
            }
            if let reason = nonFinite(tree: t, thresholds, probabilities) { throw corrupt(reason) }
            trees.append(TreeArrays(features: features, thresholds: thresholds, rightChildren: rights,
                                    leafProbabilities: probabilities, importances: importances))
        }
        guard !trees.isEmpty else { throw corrupt("the forest has no trees") }
        return Decoded(settings: s, criterion: criterion, classWeight: classWeight, outOfBag: oob.isNaN ? nil : oob,
                       ensemble: ForestEnsemble(trees: trees, featureCount: featureCount, classes: classes))
    }

    /// Whether every index in the tree stays inside it and every path moves forward (so traversal ends).
    /// A sentence naming the first NaN or infinite threshold (or leaf value) or leaf probability of tree
    /// `t`, or nil when all are finite.
    static func nonFinite(tree t: Int, _ thresholds: [Double], _ probabilities: [Double]) -> String? {
        if let i = thresholds.firstIndex(where: { !$0.isFinite }) {
            return "tree \(t), node \(i) holds the threshold or leaf value \(thresholds[i]); a saved model needs finite numbers"
        }
        if let i = probabilities.firstIndex(where: { !$0.isFinite }) {
            return "tree \(t) holds the leaf probability \(probabilities[i]) at \(i); a saved model needs finite numbers"
        }
        return nil
    }

    static func validate(_ features: [Int32], _ thresholds: [Double], _ rights: [Int32],
                                 _ probabilities: [Double], _ importances: [Double],
                                 featureCount: Int, classes: Int) -> Bool {
        let n = features.count
        guard n > 0, thresholds.count == n, rights.count == n, importances.count == featureCount else { return false }
        let leaves = classes > 0 ? probabilities.count / classes : 0
        guard classes == 0 ? probabilities.isEmpty : probabilities.count % classes == 0 else { return false }
        for i in 0..<n {
            let f = Int(features[i]), r = Int(rights[i])
            if f < 0 {
                if classes > 0 && !(0..<leaves).contains(r) { return false }
            } else if f >= featureCount || i + 1 >= n || r <= i + 1 || r >= n {
                return false
            }
        }
        return true
    }
}

extension RandomForestRegressor: PersistableModel {
    /// `random-forest-regressor`.
    public static var archiveKind: String { "random-forest-regressor" }

    /// Writes settings and trees (see the format in the RandomForests article).
    public func encodePayload(into writer: inout ArchiveWriter) throws {
        try ForestArchive.write(settings: settings, criterion: criterion.rawValue, classWeight: nil,
                                outOfBag: outOfBagScore, ensemble: ensemble, into: &writer)
    }

    /// Rebuilds a fitted forest.
    public static func decodePayload(from reader: inout ArchiveReader) throws -> RandomForestRegressor {
        let d = try ForestArchive.read(from: &reader, classifier: false)
        guard let criterion = RegressionCriterion(rawValue: d.criterion) else {
            throw ArchiveError.corruptPayload(path: reader.path, reason: "unknown criterion \(d.criterion)")
        }
        var forest = RandomForestRegressor(settings: d.settings, criterion: criterion)
        forest.ensemble = d.ensemble
        forest.outOfBagScore = d.outOfBag
        return forest
    }
}

extension RandomForestClassifier: PersistableModel {
    /// `random-forest-classifier`.
    public static var archiveKind: String { "random-forest-classifier" }

    /// Writes settings, labels and trees (see the format in the RandomForests article).
    public func encodePayload(into writer: inout ArchiveWriter) throws {
        try ForestArchive.write(settings: settings, criterion: criterion.rawValue, classWeight: classWeight.archiveText,
                                outOfBag: outOfBagScore, ensemble: ensemble, into: &writer)
    }

    /// Rebuilds a fitted forest.
    public static func decodePayload(from reader: inout ArchiveReader) throws -> RandomForestClassifier {
        let d = try ForestArchive.read(from: &reader, classifier: true)
        guard let criterion = ClassificationCriterion(rawValue: d.criterion),
              let weighting = ClassWeight(archiveText: d.classWeight ?? "") else {
            throw ArchiveError.corruptPayload(path: reader.path, reason: "unknown criterion or class weighting")
        }
        var forest = RandomForestClassifier(settings: d.settings, criterion: criterion, classWeight: weighting)
        forest.ensemble = d.ensemble
        forest.outOfBagScore = d.outOfBag
        return forest
    }
}
