import Testing
import CrimeCore
import CrimeModels

@Suite struct ForestBadInputTests {
    let x = Matrix(rows: 4, columns: 2, values: [0, 1, 1, 0, 2, 3, 3, 2])

    @Test func nonFiniteFeatureNamesRowAndColumn() {
        var forest = RandomForestRegressor(trees: 2)
        let bad = Matrix(rows: 2, columns: 2, values: [0, 1, 2, .nan])
        #expect(throws: EstimatorError.nonFiniteValue(row: 1, column: 1)) { try forest.fit(bad, targets: [1, 2]) }
        #expect(throws: EstimatorError.nonFiniteValue(row: 2, column: nil)) { try forest.fit(x, targets: [1, 2, .infinity, 4]) }
    }

    @Test func emptyAndMismatchedInput() {
        var forest = RandomForestRegressor(trees: 2)
        #expect(throws: EstimatorError.emptyTrainingSet) { try forest.fit(Matrix(rows: 0, columns: 2, values: []), targets: []) }
        #expect(throws: EstimatorError.targetCountMismatch(rows: 4, targets: 3)) { try forest.fit(x, targets: [1, 2, 3]) }
        #expect(throws: EstimatorError.notFitted) { try forest.predict(x) }
    }

    @Test func oneClassIsRefused() {
        var forest = RandomForestClassifier(trees: 2)
        #expect(throws: ForestError.singleClass(label: 1)) { try forest.fit(x, targets: [1, 1, 1, 1]) }
    }

    @Test func badHyperparametersNameTheParameter() {
        var forest = RandomForestRegressor(trees: 0)
        #expect(throws: ForestError.self) { try forest.fit(x, targets: [1, 2, 3, 4]) }
        forest = RandomForestRegressor(trees: 2, maxFeatures: .fraction(1.5))
        #expect { try forest.fit(x, targets: [1, 2, 3, 4]) } throws: { "\($0)".contains("maxFeatures") }
        forest = RandomForestRegressor(trees: 2, minSamplesLeaf: 0)
        #expect { try forest.fit(x, targets: [1, 2, 3, 4]) } throws: { "\($0)".contains("minSamplesLeaf") }
        forest = RandomForestRegressor(trees: 2, maxSamples: 0)
        #expect { try forest.fit(x, targets: [1, 2, 3, 4]) } throws: { "\($0)".contains("maxSamples") }
    }

    @Test func poissonNeedsNonNegativeTargets() {
        var forest = RandomForestRegressor(trees: 2, criterion: .poisson)
        #expect(throws: ForestError.badPoissonTarget(row: 1, value: -1)) { try forest.fit(x, targets: [1, -1, 2, 3]) }
    }

    @Test func predictionNeedsTrainingWidth() throws {
        var forest = RandomForestRegressor(trees: 2)
        try forest.fit(x, targets: [1, 2, 3, 4])
        #expect(throws: EstimatorError.featureCountMismatch(expected: 2, got: 1)) {
            try forest.predict(Matrix(rows: 1, columns: 1, values: [0]))
        }
    }
}
