import CrimeCore
import CrimeModels
import Testing

@Suite struct ForestBadInputTests {
    let x = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])

    @Test func nonFiniteValuesNameRowAndColumn() {
        var forest = RandomForestRegressor(trees: 2)
        var bad = x
        bad[2, 1] = .nan
        #expect(throws: EstimatorError.nonFiniteValue(row: 2, column: 1)) { try forest.fit(bad, targets: [1, 2, 3, 4]) }
        bad[2, 1] = 0
        bad[3, 0] = .infinity
        #expect(throws: EstimatorError.nonFiniteValue(row: 3, column: 0)) { try forest.fit(bad, targets: [1, 2, 3, 4]) }
        #expect(throws: EstimatorError.nonFiniteValue(row: 1, column: nil)) { try forest.fit(x, targets: [1, .nan, 3, 4]) }
    }

    @Test func shapesAndEmptiness() throws {
        var forest = RandomForestRegressor(trees: 2)
        #expect(throws: EstimatorError.emptyTrainingSet) { try forest.fit(Matrix(rows: 0, columns: 2), targets: []) }
        #expect(throws: EstimatorError.targetCountMismatch(rows: 4, targets: 3)) { try forest.fit(x, targets: [1, 2, 3]) }
        #expect(throws: EstimatorError.notFitted) { try forest.predict(x) }
        try forest.fit(x, targets: [1, 2, 3, 4])
        #expect(throws: EstimatorError.featureCountMismatch(expected: 2, got: 1)) { try forest.predict(Matrix(rows: 1, columns: 1)) }
        #expect(throws: EstimatorError.nonFiniteValue(row: 0, column: 0)) { try forest.predict(Matrix(rows: 1, columns: 2, values: [.nan, 1])) }
    }

    @Test func classifierNeedsTwoClasses() {
        var forest = RandomForestClassifier(trees: 2)
        #expect(throws: ForestError.singleClass(label: 1)) { try forest.fit(x, targets: [1, 1, 1, 1]) }
    }

    @Test func poissonNeedsNonNegativeTargets() {
        var forest = RandomForestRegressor(trees: 2, criterion: .poisson)
        #expect(throws: ForestError.negativePoissonTarget(row: 2, value: -1)) { try forest.fit(x, targets: [1, 2, -1, 4]) }
        #expect(throws: ForestError.zeroPoissonTargetSum) { try forest.fit(x, targets: [0, 0, 0, 0]) }
    }

    @Test func invalidHyperparametersAreNamed() {
        let cases: [(RandomForestRegressor, String)] = [
            (RandomForestRegressor(trees: 0), "trees"),
            (RandomForestRegressor(maxDepth: 0), "maxDepth"),
            (RandomForestRegressor(minSamplesSplit: 1), "minSamplesSplit"),
            (RandomForestRegressor(minSamplesLeaf: 0), "minSamplesLeaf"),
            (RandomForestRegressor(maxFeatures: .fraction(1.5)), "maxFeatures"),
            (RandomForestRegressor(maxFeatures: .count(3)), "maxFeatures"),
            (RandomForestRegressor(maxSamples: 0), "maxSamples"),
            (RandomForestRegressor(bootstrap: false, oobScore: true), "oobScore"),
            (RandomForestRegressor(splitSearch: .histogram(bins: 1)), "splitSearch.bins"),
        ]
        for (model, name) in cases {
            var forest = model
            do {
                try forest.fit(x, targets: [1, 2, 3, 4])
                Issue.record("\(name) was accepted")
            } catch let error as ForestError {
                guard case let .invalidHyperparameter(got, _, _) = error else { Issue.record("\(error)"); continue }
                #expect(got == name)
                #expect(error.description.contains(name))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func maxFeaturesResolvesLikeScikitLearn() {
        // Hand-checked: int(sqrt(10)) = 3, int(log2(10)) = 3, int(0.33 * 10) = 3, max(1, int(0.01 * 10)) = 1.
        #expect(MaxFeatures.sqrt.resolved(features: 10) == 3)
        #expect(MaxFeatures.log2.resolved(features: 10) == 3)
        #expect(MaxFeatures.fraction(0.33).resolved(features: 10) == 3)
        #expect(MaxFeatures.fraction(0.01).resolved(features: 10) == 1)
        #expect(MaxFeatures.all.resolved(features: 10) == 10)
    }
}
