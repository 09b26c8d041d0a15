import CrimeCore
import CrimeModels
import Testing

/// Forests are random, so against scikit-learn they are compared by held-out accuracy on data
/// neither was tuned on (Friedman #1 and a three-class problem from make_classification).
@Suite struct ForestBehaviourTests {
    let fixture: ForestAccuracyFixture

    init() throws { fixture = try ForestAccuracyFixture.load() }

    @Test func regressorR2MatchesScikitLearn() throws {
        let f = fixture.friedman
        var forest = RandomForestRegressor(trees: 50, minSamplesLeaf: 2, maxFeatures: .fraction(1.0 / 3), oobScore: true, seed: 4)
        try forest.fit(try Matrix(rowVectors: f.x_train), targets: f.y_train)
        let r2 = ForestTestMath.r2(f.y_test, try forest.predict(try Matrix(rowVectors: f.x_test)))
        // scikit-learn's five seeds span about 0.008; allow twice that around their mean.
        #expect(abs(r2 - f.sklearn_r2_mean) < 0.015)
        let oob = try #require(forest.outOfBagScore)
        #expect(abs(oob - r2) < 0.05)
        // Friedman #1 uses features 0–4 only; features 5 and 6 are noise.
        let importances = try #require(forest.featureImportances)
        #expect(abs(importances.reduce(0, +) - 1) < 1e-12)
        #expect(importances[3] > 5 * importances[5] && importances[3] > 5 * importances[6])
    }

    @Test func classifierAccuracyMatchesScikitLearn() throws {
        let c = fixture.classification
        var forest = RandomForestClassifier(trees: 50, oobScore: true, seed: 4)
        try forest.fit(try Matrix(rowVectors: c.x_train), targets: c.y_train)
        let test = try Matrix(rowVectors: c.x_test)
        let predicted = try forest.predict(test)
        let accuracy = Double(zip(predicted, c.y_test).filter { $0 == $1 }.count) / Double(c.y_test.count)
        #expect(abs(accuracy - c.sklearn_accuracy_mean) < 0.025)
        #expect(forest.classes == [0, 1, 2])
        let probabilities = try forest.predictProbability(test)
        for i in 0..<test.rows {
            #expect(abs(probabilities.row(i).reduce(0, +) - 1) < 1e-12)
        }
        #expect(try #require(forest.outOfBagScore) > 0.7)
    }

    @Test func sameForestOnOneOrManyThreads() throws {
        let f = fixture.friedman
        let x = try Matrix(rowVectors: Array(f.x_train.prefix(400)))
        let y = Array(f.y_train.prefix(400))
        var one = RandomForestRegressor(trees: 8, maxFeatures: .sqrt, seed: 11, threads: 1)
        var many = one
        many.settings.threads = 4
        try one.fit(x, targets: y)
        try many.fit(x, targets: y)
        let test = try Matrix(rowVectors: Array(f.x_test.prefix(100)))
        #expect(try one.predict(test) == many.predict(test))
        #expect(one.featureImportances == many.featureImportances)
        var other = one
        other.settings.seed = 12
        try other.fit(x, targets: y)
        #expect(try other.predict(test) != one.predict(test))
    }

    @Test func sameClassifierOnOneOrManyThreads() throws {
        let c = fixture.classification
        let x = try Matrix(rowVectors: Array(c.x_train.prefix(300)))
        var one = RandomForestClassifier(trees: 6, classWeight: .balanced, splitSearch: .histogram(bins: 32), seed: 5, threads: 1)
        var many = one
        many.settings.threads = 3
        try one.fit(x, targets: Array(c.y_train.prefix(300)))
        try many.fit(x, targets: Array(c.y_train.prefix(300)))
        let test = try Matrix(rowVectors: Array(c.x_test.prefix(50)))
        #expect(try one.predictProbability(test) == many.predictProbability(test))
    }

    @Test func permutationImportanceFindsTheSignal() throws {
        let f = fixture.friedman
        var forest = RandomForestRegressor(trees: 20, maxFeatures: .fraction(0.5), seed: 2)
        try forest.fit(try Matrix(rowVectors: Array(f.x_train.prefix(600))), targets: Array(f.y_train.prefix(600)))
        let test = try Matrix(rowVectors: Array(f.x_test.prefix(200)))
        let importance = try forest.permutationImportances(test, targets: Array(f.y_test.prefix(200)), repeats: 3, seed: 1)
        // Feature 3 enters Friedman #1 as 10·x₃; features 5 and 6 not at all.
        #expect(importance.mean[3] > 0.1)
        #expect(abs(importance.mean[5]) < 0.03 && abs(importance.mean[6]) < 0.03)
        let again = try forest.permutationImportances(test, targets: Array(f.y_test.prefix(200)), repeats: 3, seed: 1)
        #expect(again == importance)
    }
}
