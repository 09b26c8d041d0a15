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

    /// The whole embedding contract of DESIGN.md, unchanged.
    @Test func embeddingContractRuns() throws {
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

        #expect(try named.predict(x) == y)
        #expect(try forest.predict(x).allSatisfy { $0 >= 2 && $0 <= 8 })
    }

    @Test func builtInsAndUnknownNames() throws {
        let registry = EstimatorRegistry()
        #expect(registry.regressorNames == ["mean", "random-forest"])
        var mean = try registry.make("mean")
        try mean.fit(Matrix(rows: 2, columns: 1, values: [0, 1]), targets: [1, 3])
        #expect(try mean.predict(Matrix(rows: 1, columns: 1, values: [9])) == [2])
        #expect(try registry.makeClassifier("random-forest") is RandomForestClassifier)
        #expect(throws: RegistryError.unknownEstimator(name: "svm", known: ["mean", "random-forest"])) { try registry.make("svm") }
        #expect(throws: RegistryError.unknownEstimator(name: "svm", known: ["random-forest"])) { try registry.makeClassifier("svm") }
    }
}
