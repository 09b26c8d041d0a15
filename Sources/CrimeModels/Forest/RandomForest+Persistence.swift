import Foundation

/// Hyperparameters both forests store: trees, depth (−1 for none), split and leaf minimums, max features,
/// bootstrap, max samples (−1 for none), criterion name, seed, out-of-bag flag and score (NaN for none).
private struct StoredSettings {
    var trees: Int, maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int
    var maxFeatures: MaxFeatures, bootstrap: Bool, maxSamples: Double?, criterion: String
    var seed: UInt64, computesOOBScore: Bool, oobScore: Double?

    func encode(into w: inout BinaryWriter) {
        w.write(Int64(trees)); w.write(Int64(maxDepth ?? -1))
        w.write(Int64(minSamplesSplit)); w.write(Int64(minSamplesLeaf))
        maxFeatures.encode(into: &w)
        w.write(bootstrap); w.write(maxSamples ?? -1); w.write(criterion)
        w.write(seed); w.write(computesOOBScore); w.write(oobScore ?? .nan)
    }

    static func decode(from r: inout BinaryReader) throws -> StoredSettings {
        let trees = Int(try r.read(Int64.self)), depth = Int(try r.read(Int64.self))
        let split = Int(try r.read(Int64.self)), leaf = Int(try r.read(Int64.self))
        let maxFeatures = try MaxFeatures.decode(from: &r)
        let bootstrap = try r.readBool(), maxSamples = try r.readDouble(), criterion = try r.readString()
        let seed = try r.read(UInt64.self), computes = try r.readBool(), oob = try r.readDouble()
        return StoredSettings(trees: trees, maxDepth: depth < 0 ? nil : depth, minSamplesSplit: split, minSamplesLeaf: leaf,
                              maxFeatures: maxFeatures, bootstrap: bootstrap, maxSamples: maxSamples < 0 ? nil : maxSamples,
                              criterion: criterion, seed: seed, computesOOBScore: computes, oobScore: oob.isNaN ? nil : oob)
    }
}

extension RandomForestRegressor: PersistableModel {
    /// `"random-forest-regressor"`.
    public static let modelKind = "random-forest-regressor"

    /// Writes the fitted forest (hyperparameters, trees, importances) atomically; see ``ModelFile``.
    public func save(to url: URL) throws {
        guard let core else { throw ModelFileError.notFitted }
        var w = BinaryWriter()
        StoredSettings(trees: trees, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                       maxFeatures: maxFeatures, bootstrap: bootstrap, maxSamples: maxSamples, criterion: criterion.rawValue,
                       seed: seed, computesOOBScore: computesOOBScore, oobScore: oobScore).encode(into: &w)
        core.encode(into: &w)
        try ModelFile.write(kind: Self.modelKind, payload: w.data, to: url)
    }

    /// Reads a forest saved by ``save(to:)``; its predictions equal the saved forest's.
    public static func load(from url: URL) throws -> RandomForestRegressor {
        var r = BinaryReader(try ModelFile.read(kind: modelKind, from: url), path: url.path)
        let s = try StoredSettings.decode(from: &r)
        guard let criterion = RegressionCriterion(rawValue: s.criterion) else {
            throw ModelFileError.invalidContents(path: url.path, reason: "unknown criterion \(s.criterion)")
        }
        var forest = RandomForestRegressor(trees: s.trees, maxDepth: s.maxDepth, minSamplesSplit: s.minSamplesSplit,
                                           minSamplesLeaf: s.minSamplesLeaf, maxFeatures: s.maxFeatures, bootstrap: s.bootstrap,
                                           maxSamples: s.maxSamples, criterion: criterion,
                                           computesOOBScore: s.computesOOBScore, seed: s.seed)
        let core = try ForestCore.decode(from: &r)
        guard core.valueWidth == 1 else { throw ModelFileError.invalidContents(path: url.path, reason: "a regressor has one value per node") }
        forest.core = core
        forest.oobScore = s.oobScore
        return forest
    }
}

extension RandomForestClassifier: PersistableModel {
    /// `"random-forest-classifier"`.
    public static let modelKind = "random-forest-classifier"

    /// Writes the fitted forest (hyperparameters, classes, trees, importances) atomically; see ``ModelFile``.
    public func save(to url: URL) throws {
        guard let core else { throw ModelFileError.notFitted }
        var w = BinaryWriter()
        StoredSettings(trees: trees, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                       maxFeatures: maxFeatures, bootstrap: bootstrap, maxSamples: maxSamples, criterion: criterion.rawValue,
                       seed: seed, computesOOBScore: computesOOBScore, oobScore: oobScore).encode(into: &w)
        switch classWeight {
        case .none: w.write("none")
        case .balanced: w.write("balanced")
        case let .explicit(table):
            w.write("explicit")
            let labels = table.keys.sorted()
            w.write(labels)
            w.write(labels.map { table[$0] ?? 1 })
        }
        w.write(classes)
        core.encode(into: &w)
        try ModelFile.write(kind: Self.modelKind, payload: w.data, to: url)
    }

    /// Reads a forest saved by ``save(to:)``; its predictions equal the saved forest's.
    public static func load(from url: URL) throws -> RandomForestClassifier {
        var r = BinaryReader(try ModelFile.read(kind: modelKind, from: url), path: url.path)
        let s = try StoredSettings.decode(from: &r)
        let weight = try r.readString()
        let classWeight: ClassWeight
        switch weight {
        case "none": classWeight = .none
        case "balanced": classWeight = .balanced
        case "explicit":
            let labels = try r.readDoubles(), weights = try r.readDoubles()
            guard labels.count == weights.count else {
                throw ModelFileError.invalidContents(path: url.path, reason: "\(labels.count) class labels but \(weights.count) weights")
            }
            classWeight = .explicit(Dictionary(uniqueKeysWithValues: zip(labels, weights)))
        default:
            throw ModelFileError.invalidContents(path: url.path, reason: "unknown class weight \(weight)")
        }
        guard let criterion = ClassificationCriterion(rawValue: s.criterion) else {
            throw ModelFileError.invalidContents(path: url.path, reason: "unknown criterion \(s.criterion)")
        }
        var forest = RandomForestClassifier(trees: s.trees, maxDepth: s.maxDepth, minSamplesSplit: s.minSamplesSplit,
                                            minSamplesLeaf: s.minSamplesLeaf, maxFeatures: s.maxFeatures, bootstrap: s.bootstrap,
                                            maxSamples: s.maxSamples, criterion: criterion, classWeight: classWeight,
                                            computesOOBScore: s.computesOOBScore, seed: s.seed)
        let classes = try r.readDoubles()
        let core = try ForestCore.decode(from: &r)
        guard core.valueWidth == classes.count else {
            throw ModelFileError.invalidContents(path: url.path, reason: "\(classes.count) classes but \(core.valueWidth) values per node")
        }
        forest.classes = classes
        forest.core = core
        forest.oobScore = s.oobScore
        return forest
    }
}
