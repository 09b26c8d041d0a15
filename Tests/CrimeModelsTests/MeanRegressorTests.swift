import CrimeTestSupport
import Testing
import CrimeCore
import CrimeModels

private struct DummyFixture: Decodable {
    struct Dummy: Decodable { let x: [Double]; let y: [Double]; let prediction: [Double] }
    let dummy: Dummy
}

@Suite struct MeanRegressorTests {
    @Test func matchesDummyRegressor() throws {
        let fixture = try Fixtures.json(DummyFixture.self, "metrics", "metrics_fixture.json")
        var model = MeanRegressor()
        try model.fit(Matrix(rows: 6, columns: 2, values: fixture.dummy.x), targets: fixture.dummy.y)
        let p = try model.predict(Matrix(rows: 3, columns: 2, repeating: 0))
        #expect(zip(p, fixture.dummy.prediction).allSatisfy { abs($0 - $1) <= 1e-12 })
    }

    @Test func badInputIsTyped() throws {
        var model = MeanRegressor()
        #expect(throws: EstimatorError.notFitted) { try model.predict(Matrix(rows: 1, columns: 1)) }
        #expect(throws: EstimatorError.emptyTrainingSet) { try model.fit(Matrix(rows: 0, columns: 2), targets: []) }
        #expect(throws: EstimatorError.targetCountMismatch(rows: 2, targets: 1)) {
            try model.fit(Matrix(rows: 2, columns: 1), targets: [1])
        }
        #expect(throws: EstimatorError.nonFiniteValue(row: 0, column: nil)) {
            try model.fit(Matrix(rows: 1, columns: 1), targets: [.nan])
        }
        try model.fit(Matrix(rows: 1, columns: 2), targets: [4])
        #expect(throws: EstimatorError.featureCountMismatch(expected: 2, got: 1)) { try model.predict(Matrix(rows: 1, columns: 1)) }
        #expect(throws: MatrixError.self) { try model.predict(Matrix(rows: 2, columns: 2, values: [1])) }
    }
}
