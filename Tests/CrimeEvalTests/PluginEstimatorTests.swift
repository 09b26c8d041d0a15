import Foundation
import Testing
import CrimeCore
import CrimeModels
import CrimeEval

/// The plugin half of DESIGN.md's embedding contract: an outside type conforms to `Regressor`
/// with nothing but `fit` and `predict`.
struct LastColumn: Regressor {
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { (0..<x.rows).map { x[$0, x.columns - 1] } }
}

@Suite struct PluginEstimatorTests {
    @Test func pluginFitsAndScores() throws {
        let x = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
        let y: [Double] = [2, 4, 6, 8]
        var plugin = LastColumn()
        try plugin.fit(x, targets: y)
        // Hand-computed: predictions equal y exactly.
        #expect(Metrics.meanAbsoluteError(y, try plugin.predict(x)) == 0)
        #expect(Metrics.r2(y, try plugin.predict(x)) == 1)
    }

    @Test func existentialRegressorFits() throws {
        var named: any Regressor = LastColumn()
        try named.fit(Matrix(rows: 1, columns: 1, values: [3]), targets: [3])
        #expect(try named.predict(Matrix(rows: 1, columns: 1, values: [5])) == [5])
    }

    /// DESIGN.md's embedding contract, line for line.
    @Test func fullEmbeddingContractRuns() throws {
        let x = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
        let y: [Double] = [2, 4, 6, 8]
        var plugin = LastColumn()
        try plugin.fit(x, targets: y)
        print(Metrics.meanAbsoluteError(y, try plugin.predict(x)), Metrics.r2(y, try plugin.predict(x)))

        var forest = RandomForestRegressor(trees: 10, seed: 1)
        try forest.fit(x, targets: y)
        EstimatorRegistry.shared.register("last-column") { LastColumn() }
        var named = try EstimatorRegistry.shared.make("last-column")
        try named.fit(x, targets: y)

        #expect(forest.treeCount == 10)
        // Every forest prediction is a mean of training targets, so it lies within their range.
        #expect(try forest.predict(x).allSatisfy { (2...8).contains($0) })
        #expect(try named.predict(x) == y)
    }

    @Test func builtInsAndUnknownNames() throws {
        let registry = EstimatorRegistry()
        #expect(registry.regressorNames == ["gbm", "mean", "poisson", "random-forest"])
        #expect(registry.classifierNames == ["random-forest"])
        var mean = try registry.make("mean")
        try mean.fit(Matrix(rows: 2, columns: 1, values: [0, 1]), targets: [1, 3])
        #expect(try mean.predict(Matrix(rows: 1, columns: 1, values: [9])) == [2])
        #expect(throws: EstimatorRegistryError.unknownName("nope", known: ["gbm", "mean", "poisson", "random-forest"])) {
            try registry.make("nope")
        }
        let error = EstimatorRegistryError.unknownName("nope", known: ["gbm", "mean", "poisson", "random-forest"])
        #expect(error.description.contains("mean, poisson, random-forest"))
        var classifier = try registry.makeClassifier("random-forest")
        try classifier.fit(Matrix(rows: 4, columns: 1, values: [0, 1, 2, 3]), targets: [0, 0, 1, 1])
        #expect(try classifier.predictProbability(Matrix(rows: 1, columns: 1, values: [3])).columns == 2)
    }

    @Test func registrationFromManyThreads() throws {
        let registry = EstimatorRegistry()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            registry.register("plugin-\(i)") { LastColumn() }
            _ = try? registry.make("mean")
        }
        #expect(registry.regressorNames.count == 16 + EstimatorRegistry().regressorNames.count)
    }
}
