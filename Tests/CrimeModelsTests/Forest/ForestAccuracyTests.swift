import Testing
import CrimeCore
@testable import CrimeModels

/// Forest accuracy against scikit-learn's 100-tree forests on data neither was tuned on, and the
/// properties the forest promises: thread-independence, out-of-bag scores, importances.
@Suite struct ForestAccuracyTests {
    let fixture: ForestAccuracyFixture

    init() throws { fixture = try ForestAccuracyFixture.load() }

    private static func r2(_ y: [Double], _ p: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(y.count)
        let residual = zip(y, p).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return 1 - residual / y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }

    @Test func regressionR2CloseToScikitLearn() throws {
        let (x, y, xt, yt) = fixture.parts(fixture.regression)
        var forest = RandomForestRegressor(trees: 40, computesOOBScore: true, seed: 5)
        try forest.fit(x, targets: y)
        let r2 = Self.r2(yt, try forest.predict(xt))
        let reference = try #require(fixture.regression.test_r2)
        #expect(abs(r2 - reference) <= 0.03, "R² \(r2) vs scikit-learn \(reference)")
        let oob = try #require(forest.oobScore)
        #expect(abs(oob - r2) < 0.05)
        let importances = try #require(forest.featureImportances)
        #expect(abs(importances.reduce(0, +) - 1) < 1e-12)
        // Friedman #1: y = 10 sin(π x0 x1) + 20 (x2 − ½)² + 10 x3 + 5 x4; x3 matters more than x4.
        #expect(importances[3] > importances[4])
        let permuted = try forest.permutationImportances(xt, targets: yt, repeats: 2, seed: 1)
        #expect(permuted[3] > permuted[4] && permuted[4] > 0)
    }

    @Test func classificationAccuracyCloseToScikitLearn() throws {
        let (x, y, xt, yt) = fixture.parts(fixture.classification)
        var forest = RandomForestClassifier(trees: 40, computesOOBScore: true, seed: 5)
        try forest.fit(x, targets: y)
        let predicted = try forest.predict(xt)
        let accuracy = Double(zip(predicted, yt).filter { $0 == $1 }.count) / Double(yt.count)
        let reference = try #require(fixture.classification.test_accuracy)
        #expect(abs(accuracy - reference) <= 0.03, "accuracy \(accuracy) vs scikit-learn \(reference)")
        #expect(abs(try #require(forest.oobScore) - accuracy) < 0.05)
        let p = try forest.predictProbability(xt)
        #expect(p.columns == 2)
        for i in 0..<p.rows { #expect(abs(p[i, 0] + p[i, 1] - 1) < 1e-12) }
    }

    @Test func sameForestOnOneThreadOrMany() throws {
        let (x, y, xt, _) = fixture.parts(fixture.regression)
        let small = try x.selectingRows(Array(0..<400))
        var one = RandomForestRegressor(trees: 6, maxFeatures: .sqrt, seed: 9, threads: 1)
        var many = RandomForestRegressor(trees: 6, maxFeatures: .sqrt, seed: 9, threads: 4)
        try one.fit(small, targets: Array(y[..<400]))
        try many.fit(small, targets: Array(y[..<400]))
        #expect(one.core == many.core)
        #expect(try one.predict(xt) == many.predict(xt))
        var other = RandomForestRegressor(trees: 6, maxFeatures: .sqrt, seed: 10, threads: 1)
        try other.fit(small, targets: Array(y[..<400]))
        #expect(other.core != one.core)
    }
}
