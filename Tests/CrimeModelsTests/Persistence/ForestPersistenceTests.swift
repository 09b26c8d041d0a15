import CrimeCore
@testable import CrimeModels
import Foundation
import Testing

@Suite struct ForestPersistenceTests {
    let x: Matrix
    let y: [Double]
    let labels: [Double]
    let folder: URL

    init() throws {
        var rng = SeededGenerator(seed: 5)
        let values = (0..<(300 * 4)).map { _ in rng.nextUniform() }
        x = Matrix(rows: 300, columns: 4, values: values)
        y = (0..<300).map { (i: Int) -> Double in 3 * values[i * 4] + values[i * 4 + 1] }
        labels = (0..<300).map { (i: Int) -> Double in
            if values[i * 4] > 0.6 { return 2 }
            return values[i * 4 + 2] > 0.5 ? 1 : 0
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-persist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func savedRegressor() throws -> (RandomForestRegressor, URL) {
        var forest = RandomForestRegressor(trees: 6, minSamplesLeaf: 2, maxFeatures: .sqrt, oobScore: true, seed: 3)
        try forest.fit(x, targets: y)
        let url = folder.appendingPathComponent("forest.ckm")
        try forest.save(to: url)
        return (forest, url)
    }

    @Test func regressorRoundTripPredictsIdentically() throws {
        let (forest, url) = try savedRegressor()
        let loaded = try RandomForestRegressor.load(from: url)
        #expect(try loaded.predict(x) == forest.predict(x))
        #expect(loaded.featureImportances == forest.featureImportances)
        #expect(loaded.outOfBagScore == forest.outOfBagScore)
        #expect(loaded.settings == forest.settings)
        // No temporary file is left beside the model.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["forest.ckm"])
    }

    @Test func classifierRoundTripPredictsIdentically() throws {
        var forest = RandomForestClassifier(trees: 5, criterion: .entropy, classWeight: .balanced, seed: 8)
        try forest.fit(x, targets: labels)
        let url = folder.appendingPathComponent("classes.ckm")
        try forest.save(to: url)
        let loaded = try RandomForestClassifier.load(from: url)
        #expect(try loaded.predictProbability(x) == forest.predictProbability(x))
        #expect(loaded.classes == forest.classes)
        #expect(loaded.classWeight == .balanced && loaded.criterion == .entropy)
        #expect(throws: ArchiveError.wrongKind(path: url.path, expected: "random-forest-regressor", found: "random-forest-classifier")) {
            try RandomForestRegressor.load(from: url)
        }
    }

    @Test func damagedFilesGiveTypedErrors() throws {
        let (_, url) = try savedRegressor()
        let good = try Data(contentsOf: url)
        let damaged = folder.appendingPathComponent("damaged.ckm")

        try good.prefix(good.count / 2).write(to: damaged)
        #expect(throws: ArchiveError.truncated(path: damaged.path)) { try RandomForestRegressor.load(from: damaged) }
        try good.prefix(5).write(to: damaged)
        #expect(throws: ArchiveError.truncated(path: damaged.path)) { try RandomForestRegressor.load(from: damaged) }

        var flipped = good
        flipped[good.count / 2] ^= 0x40
        try flipped.write(to: damaged)
        #expect(throws: ArchiveError.checksumMismatch(path: damaged.path)) { try RandomForestRegressor.load(from: damaged) }

        var newer = good
        newer[8] = 2   // format version, little-endian UInt16 after the magic bytes
        try newer.write(to: damaged)
        #expect(throws: ArchiveError.unsupportedVersion(path: damaged.path, found: 2, supported: 1)) {
            try RandomForestRegressor.load(from: damaged)
        }

        try Data("x,y\n1,2\n".utf8).write(to: damaged)
        #expect(throws: ArchiveError.notAModelFile(path: damaged.path)) { try RandomForestRegressor.load(from: damaged) }

        let missing = folder.appendingPathComponent("missing.ckm")
        #expect(throws: ArchiveError.self) { try RandomForestRegressor.load(from: missing) }
        let error = try #require(throws: ArchiveError.self) { try RandomForestRegressor.load(from: missing) }
        #expect(error.description.contains("missing.ckm"))
    }

    @Test func impossiblePayloadIsCorrupt() throws {
        // A well-formed container whose forest settings carry an unknown max-features tag.
        var writer = ArchiveWriter()
        writer.write(UInt32(10))   // trees
        writer.write(Int32(-1))    // no depth limit
        writer.write(UInt32(2))
        writer.write(UInt32(1))
        writer.write(UInt8(9))     // max-features tag 9 does not exist
        writer.write(0.0)
        let url = folder.appendingPathComponent("odd.ckm")
        try OutputFile.write(ModelArchive.encode(kind: RandomForestRegressor.archiveKind, payload: writer.bytes), to: url)
        #expect(throws: ArchiveError.corruptPayload(path: url.path, reason: "unknown max-features tag 9")) {
            try RandomForestRegressor.load(from: url)
        }
    }

    @Test func nonFiniteLeafValueIsCorrupt() throws {
        // One tree on a constant target is a single leaf holding 7.25; that value's bytes become NaN.
        var forest = RandomForestRegressor(trees: 1, seed: 1)
        try forest.fit(Matrix(rows: 4, columns: 1, values: [1, 2, 3, 4]), targets: [7.25, 7.25, 7.25, 7.25])
        var writer = ArchiveWriter()
        try forest.encodePayload(into: &writer)
        var payload = writer.bytes
        let leaf = withUnsafeBytes(of: (7.25).bitPattern.littleEndian, Array.init)
        let start = try #require((0...(payload.count - 8)).last { Array(payload[$0..<($0 + 8)]) == leaf })
        payload.replaceSubrange(start..<(start + 8), with: withUnsafeBytes(of: Double.nan.bitPattern.littleEndian, Array.init))
        let url = folder.appendingPathComponent("nan.ckm")
        try Data(ModelArchive.encode(kind: RandomForestRegressor.archiveKind, payload: payload)).write(to: url)
        #expect(throws: ArchiveError.corruptPayload(path: url.path,
                                                    reason: "tree 0, node 0 holds the threshold or leaf value nan; a saved model needs finite numbers")) {
            try RandomForestRegressor.load(from: url)
        }
    }

    @Test func unfittedForestIsNotSavable() {
        let forest = RandomForestRegressor(trees: 2)
        #expect(throws: ArchiveError.notSavable(reason: "the forest has not been fitted")) {
            try forest.save(to: folder.appendingPathComponent("none.ckm"))
        }
    }

    @Test func containerLayoutIsAsDocumented() throws {
        let file = ModelArchive.encode(kind: "k", payload: [1, 2, 3])
        // "CKMODEL\0", version 1, kind length 1 and "k", payload length 3, payload, CRC-32.
        #expect(Array(file.prefix(8)) == [0x43, 0x4B, 0x4D, 0x4F, 0x44, 0x45, 0x4C, 0x00])
        #expect(Array(file[8..<10]) == [1, 0])
        #expect(Array(file[10..<15]) == [1, 0, 0, 0, 0x6B])
        #expect(Array(file[15..<23]) == [3, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(file[23..<26]) == [1, 2, 3])
        #expect(file.count == 30)
        #expect(try ModelArchive.decode(file, expectedKind: "k", path: "p") == [1, 2, 3])
        // CRC-32 of "123456789" is the published check value 0xCBF43926.
        let digits = Array("123456789".utf8)
        #expect(digits.withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
    }
}
