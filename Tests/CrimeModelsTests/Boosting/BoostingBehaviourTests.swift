import CrimeCore
@testable import CrimeModels
import Foundation
import Testing

/// Early stopping, determinism, persistence and the registry.
@Suite struct BoostingBehaviourTests {
    let fixture: BoostingFixture

    init() throws { fixture = try BoostingFixture() }

    @Test("Bin thresholds are scikit-learn's: midpoints of few values, distinct percentiles of many")
    func binThresholds() {
        // scikit-learn 1.9.1 binning._find_binning_thresholds: arange(1000.0), 4 → [249.5, 499.5, 749.5];
        // arange(1000.0)², 7 → [20164, 81225, 183184, 326041, 509796, 734449];
        // [1, 1, 1, 1, 1, 2, 3, 4, 5, 6], 4 → [1, 1.5, 4]; [1, 1, 2, 4], 255 → [1.5, 3].
        #expect(BinnedFeatures.thresholds(sorted: (0..<1000).map(Double.init), maxBins: 4) == [249.5, 499.5, 749.5])
        #expect(BinnedFeatures.thresholds(sorted: (0..<1000).map { Double($0 * $0) }, maxBins: 7)
            == [20164, 81225, 183184, 326041, 509796, 734449])
        #expect(BinnedFeatures.thresholds(sorted: [1, 1, 1, 1, 1, 2, 3, 4, 5, 6], maxBins: 4) == [1, 1.5, 4])
        #expect(BinnedFeatures.thresholds(sorted: [1, 1, 2, 4], maxBins: 255) == [1.5, 3])
    }

    @Test("Early stopping holds out rows, records losses and stops before the iteration cap")
    func earlyStopping() throws {
        var model = GradientBoostingRegressor(loss: .poisson, learningRate: 0.5, maxIterations: 300, earlyStopping: .on, seed: 4)
        try model.fit(fixture.xTrain, targets: fixture.yTrain)
        #expect(model.iterationCount < 300)
        #expect(model.validationLosses.count == model.iterationCount + 1)
        #expect(model.validationLosses.min()! < model.validationLosses[0])
        var auto = GradientBoostingRegressor(loss: .poisson, maxIterations: 5)
        try auto.fit(fixture.xTrain, targets: fixture.yTrain)
        #expect(auto.validationLosses.isEmpty)
    }

    @Test("Same seed, same predictions on one thread or several")
    func deterministic() throws {
        var one = GradientBoostingRegressor(loss: .poisson, maxIterations: 20, earlyStopping: .on, seed: 9, threads: 1)
        var many = GradientBoostingRegressor(loss: .poisson, maxIterations: 20, earlyStopping: .on, seed: 9, threads: 4)
        try one.fit(fixture.xTrain, targets: fixture.yTrain)
        try many.fit(fixture.xTrain, targets: fixture.yTrain)
        #expect(try one.predict(fixture.xTest) == many.predict(fixture.xTest))
    }

    @Test("Tables large enough for the parallel paths (gradients, partitions, histogram parts) fit the same on one thread or two")
    func deterministicWhenLarge() throws {
        var generator = SeededGenerator(seed: 21)
        let rows = 40_000, columns = 3
        var values: [Double] = []
        var y: [Double] = []
        for _ in 0..<rows {
            let a = generator.nextUniform(), b = generator.nextUniform(), c = Double(generator.nextPoisson(mean: 2))
            values += [a, b, c]
            y.append(Double(generator.nextPoisson(mean: exp(0.5 * a + b + 0.1 * c))))
        }
        let x = Matrix(rows: rows, columns: columns, values: values)
        var one = GradientBoostingRegressor(loss: .poisson, maxIterations: 4, earlyStopping: .off, threads: 1)
        try one.fit(x, targets: y)
        let expected = try one.predict(x)
        for threads in [2, 3] {
            var other = GradientBoostingRegressor(loss: .poisson, maxIterations: 4, earlyStopping: .off, threads: threads)
            try other.fit(x, targets: y)
            #expect(try other.predict(x) == expected)
        }
    }

    @Test("A target no split can improve gives one-leaf trees and the mean everywhere", arguments: [200, 20_000])
    func unsplittableTarget(rows: Int) throws {
        let x = Matrix(rows: rows, columns: 2, values: (0..<(2 * rows)).map { Double($0 % 97) })
        for loss in [BoostingLoss.poisson, .squaredError] {
            var model = GradientBoostingRegressor(loss: loss, maxIterations: 3, earlyStopping: .off)
            try model.fit(x, targets: [Double](repeating: 3, count: rows))
            for prediction in try model.predict(x) { #expect(abs(prediction - 3) < 1e-12) }
        }
    }

    @Test("A saved model loads and predicts bit for bit; an unfitted one cannot be saved")
    func persistence() throws {
        var model = GradientBoostingRegressor(loss: .poisson, maxIterations: 15, maxDepth: 4, l2Regularization: 0.5)
        try model.fit(fixture.xTrain, targets: fixture.yTrain)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gbm-\(UUID().uuidString).ckm")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try GradientBoostingRegressor.load(from: url)
        #expect(loaded.settings == model.settings)
        #expect(try loaded.predict(fixture.xTest) == model.predict(fixture.xTest))
        #expect(throws: ArchiveError.self) { try GradientBoostingRegressor().save(to: url) }
        #expect(throws: ArchiveError.self) { try RandomForestRegressor.load(from: url) }
    }

    @Test("The registry builds it as gbm")
    func registry() throws {
        var model = try EstimatorRegistry().make("gbm")
        try model.fit(fixture.xTrain, targets: fixture.yTrain)
        #expect(try model.predict(fixture.xTest).count == fixture.xTest.rows)
    }
}

/// The radix sort the binning uses.
@Suite struct RadixSortTests {
    @Test("Sorts like the standard library, signs, zeros and magnitudes included")
    func matchesStandardSort() {
        var rng = SeededGenerator(seed: 11)
        let values = (0..<5000).map { i -> Double in
            let u = rng.nextUniform()
            return i % 7 == 0 ? Double(i % 5) - 2 : (u - 0.5) * pow(10, Double(i % 40) - 20)
        } + [0.0, -0.0, 1e308, -1e308]
        #expect(RadixSort.sorted(values) == values.sorted())
        #expect(RadixSort.sorted([]) == [])
        #expect(RadixSort.sorted([3]) == [3])
    }
}
