import Foundation
import Testing
import CrimeCore
import CrimeModels

@Suite struct ForestPersistenceTests {
    let x: Matrix
    let y: [Double]

    init() {
        var g = SeededGenerator(seed: 4)
        let values = (0..<(300 * 3)).map { _ in g.nextUniform() }
        x = Matrix(rows: 300, columns: 3, values: values)
        y = (0..<300).map { (i: Int) -> Double in 4 * values[i * 3] + values[i * 3 + 1] }
    }

    private func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ckmodel-\(UUID().uuidString).bin")
    }

    @Test func regressorRoundTripPredictsIdentically() throws {
        var forest = RandomForestRegressor(trees: 5, minSamplesLeaf: 2, maxFeatures: .fraction(0.5), computesOOBScore: true, seed: 2)
        try forest.fit(x, targets: y)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try forest.save(to: url)
        let loaded = try RandomForestRegressor.load(from: url)
        #expect(try loaded.predict(x) == forest.predict(x))
        #expect(loaded.featureImportances == forest.featureImportances)
        #expect(loaded.oobScore == forest.oobScore)
        #expect(loaded.maxFeatures == .fraction(0.5) && loaded.minSamplesLeaf == 2 && loaded.seed == 2)
        // 8 magic + 4 version + kind + 8 length + payload + 4 checksum; nodes take 28 bytes each.
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size > 28 * forest.nodeCount && size < 28 * forest.nodeCount + 400)
    }

    @Test func classifierRoundTripPredictsIdentically() throws {
        var forest = RandomForestClassifier(trees: 5, classWeight: .balanced, seed: 2)
        let labels = y.map { $0 > 2.5 ? 7.0 : 3.0 }
        try forest.fit(x, targets: labels)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try forest.save(to: url)
        let loaded = try RandomForestClassifier.load(from: url)
        #expect(loaded.classes == [3, 7])
        #expect(try loaded.predictProbability(x) == forest.predictProbability(x))
        #expect(loaded.classWeight == .balanced)
    }

    @Test func damagedFilesGetTypedErrors() throws {
        var forest = RandomForestRegressor(trees: 2, seed: 2)
        try forest.fit(x, targets: y)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try forest.save(to: url)
        let good = try Data(contentsOf: url)

        try good.prefix(good.count - 10).write(to: url)
        #expect(throws: ModelFileError.truncated(path: url.path)) { try RandomForestRegressor.load(from: url) }

        var flipped = good
        flipped[good.count / 2] ^= 0x40
        try flipped.write(to: url)
        #expect { try RandomForestRegressor.load(from: url) } throws: {
            if case .corrupt = $0 as? ModelFileError { return true } else { return false }
        }

        var newer = good
        newer[8] = 9
        try newer.write(to: url)
        #expect(throws: ModelFileError.newerVersion(path: url.path, version: 9, supported: 1)) { try RandomForestRegressor.load(from: url) }

        try Data("id,x\n1,2\n".utf8).write(to: url)
        #expect(throws: ModelFileError.notAModelFile(path: url.path)) { try RandomForestRegressor.load(from: url) }

        try good.write(to: url)
        #expect(throws: ModelFileError.wrongKind(path: url.path, expected: "random-forest-classifier", found: "random-forest-regressor")) {
            try RandomForestClassifier.load(from: url)
        }
        #expect(throws: ModelFileError.notFitted) { try RandomForestRegressor().save(to: url) }
    }
}
