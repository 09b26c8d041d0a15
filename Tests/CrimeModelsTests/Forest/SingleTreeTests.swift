import CrimeCore
import CrimeModels
import Testing

/// One tree with bootstrap off and every feature is CART without randomness on data whose
/// splits do not tie (the fixture script checks this across scikit-learn seeds), so it must
/// reproduce scikit-learn's DecisionTreeRegressor/Classifier — whatever our own seed.
@Suite struct SingleTreeTests {
    let fixture: SingleTreeFixture
    let x: Matrix
    let test: Matrix

    init() throws {
        fixture = try SingleTreeFixture.load()
        x = try Matrix(rowVectors: fixture.x_train)
        test = try Matrix(rowVectors: fixture.x_test)
    }

    @Test(arguments: ["deep", "limited", "poisson"])
    func regressionTreeMatchesScikitLearn(_ name: String) throws {
        let reference = try #require(fixture.regression.first { $0.name == name })
        for seed: UInt64 in [1, 2] {
            var tree = RandomForestRegressor(settings: reference.params.settings(seed: seed),
                                             criterion: reference.criterion == "poisson" ? .poisson : .squaredError)
            try tree.fit(x, targets: reference.y_train)
            #expect(maxAbsDifference(try tree.predict(test), reference.prediction) <= 1e-9)
            #expect(maxAbsDifference(try #require(tree.featureImportances), reference.importances) <= 1e-9)
        }
    }

    @Test(arguments: ["gini", "entropy", "balanced"])
    func classificationTreeMatchesScikitLearn(_ name: String) throws {
        let reference = try #require(fixture.classification.first { $0.name == name })
        for seed: UInt64 in [1, 2] {
            var tree = RandomForestClassifier(settings: reference.params.settings(seed: seed),
                                              criterion: reference.criterion == "entropy" ? .entropy : .gini,
                                              classWeight: name == "balanced" ? .balanced : .none)
            try tree.fit(x, targets: reference.y_train)
            #expect(try tree.predict(test) == reference.prediction)
            #expect(maxAbsDifference(try tree.predictProbability(test).values, reference.probability.flatMap { $0 }) <= 1e-9)
            #expect(maxAbsDifference(try #require(tree.featureImportances), reference.importances) <= 1e-9)
        }
    }

    @Test func histogramSearchWithABinPerValueEqualsExactSearch() throws {
        // Features on a 1/40 grid have at most 40 distinct values: with 64 bins every value has its
        // own bin, the candidate thresholds coincide, and so do the partitions of the training rows
        // (thresholds between values present in the data but absent from a node differ: exact search
        // cuts midway between the node's neighbours, histogram search at the global bin edge — so the
        // comparison is on the training rows, every one of which each tree saw without bootstrap).
        let reference = try #require(fixture.regression.first { $0.name == "limited" })
        let coarse = Matrix(rows: x.rows, columns: x.columns, values: x.values.map { ($0 * 40).rounded(.down) / 40 })
        var exact = RandomForestRegressor(trees: 3, minSamplesLeaf: 3, maxFeatures: .count(2), bootstrap: false, seed: 9)
        var binned = exact
        binned.settings.splitSearch = .histogram(bins: 64)
        try exact.fit(coarse, targets: reference.y_train)
        try binned.fit(coarse, targets: reference.y_train)
        #expect(maxAbsDifference(try binned.predict(coarse), try exact.predict(coarse)) <= 1e-9)
        #expect(binned.nodeCount == exact.nodeCount)
    }
}
