import Testing
import CrimeCore
@testable import CrimeModels

/// A forest of one tree without bootstrap over all features is scikit-learn's decision tree.
///
/// With one feature the whole tree is defined, so test predictions and importances must match. With five,
/// features that cut a small node into the same two sets tie, and scikit-learn breaks the tie by its random
/// feature order: the partitions (node count, training predictions) must match at every depth, and the test
/// predictions and importances where nodes stay large (depth 4). Poisson splits of integer counts tie
/// even between different partitions (the proxy depends only on the count and target sum of each side),
/// so Poisson is compared on one feature only.
@Suite struct SingleTreeTests {
    let fixture: SingleTreeFixture

    init() throws { fixture = try SingleTreeFixture.load() }

    private func check(_ c: SingleTreeFixture.Case, nodeCount: Int, train: [Double], test: [Double], importances: [Double]) {
        #expect(nodeCount == c.node_count, "\(c.columns) columns, \(c.name), \(c.criterion)")
        for (a, b) in zip(train, c.train_prediction) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        guard c.columns == 1 || c.max_depth != nil else { return }
        for (a, b) in zip(test, c.prediction) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(c.name) \(c.criterion)") }
        for (a, b) in zip(importances, c.importances) { #expect(abs(a - b) <= 1e-9) }
    }

    @Test(arguments: [(1, "squared_error"), (1, "poisson"), (5, "squared_error")])
    func regressionTreeMatchesScikitLearn(columns: Int, criterion: String) throws {
        for c in fixture.cases where c.kind == "regression" && c.columns == columns && c.criterion == criterion {
            var forest = RandomForestRegressor(trees: 1, maxDepth: c.max_depth, minSamplesLeaf: c.min_samples_leaf,
                                               maxFeatures: .all, bootstrap: false,
                                               criterion: try #require(RegressionCriterion(rawValue: criterion)), seed: 3)
            let train = fixture.features(test: false, width: columns)
            try forest.fit(train, targets: try #require(fixture.targets[c.target]))
            check(c, nodeCount: forest.nodeCount, train: try forest.predict(train),
                  test: try forest.predict(fixture.features(test: true, width: columns)),
                  importances: try #require(forest.featureImportances))
        }
    }

    @Test(arguments: [1, 5], ["gini", "entropy"])
    func classificationTreeMatchesScikitLearn(columns: Int, criterion: String) throws {
        for c in fixture.cases where c.kind == "classification" && c.columns == columns && c.criterion == criterion {
            var forest = RandomForestClassifier(trees: 1, maxDepth: c.max_depth, minSamplesLeaf: c.min_samples_leaf,
                                                maxFeatures: .all, bootstrap: false,
                                                criterion: try #require(ClassificationCriterion(rawValue: criterion)), seed: 3)
            let train = fixture.features(test: false, width: columns)
            let test = fixture.features(test: true, width: columns)
            try forest.fit(train, targets: try #require(fixture.targets[c.target]))
            check(c, nodeCount: forest.nodeCount, train: try forest.predict(train), test: try forest.predict(test),
                  importances: try #require(forest.featureImportances))
            if columns == 1 || c.max_depth != nil {
                let expected = try #require(c.probability)
                for (a, b) in zip(try forest.predictProbability(test).values, expected) { #expect(abs(a - b) <= 1e-12) }
            }
        }
    }
}
