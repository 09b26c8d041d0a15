import CrimeTestSupport
import Testing
import CrimeCore
import CrimeModels
import CrimeEval

private struct MetricsFixture: Decodable {
    struct Case: Decodable { let truth: [Double]; let predicted: [Double]; let mae: Double; let mse: Double; let r2: Double? }
    struct Dummy: Decodable { let x: [Double]; let y: [Double]; let prediction: [Double] }
    let cases: [Case]
    let dummy: Dummy
}

@Suite struct MetricsTests {
    @Test func regressionMetricsMatchScikitLearn() throws {
        let fixture = try Fixtures.json(MetricsFixture.self, "metrics", "metrics_fixture.json")
        for c in fixture.cases {
            #expect(abs(Metrics.meanAbsoluteError(c.truth, c.predicted) - c.mae) <= 1e-12)
            #expect(abs(Metrics.meanSquaredError(c.truth, c.predicted) - c.mse) <= 1e-12)
            if let r2 = c.r2 { #expect(abs(Metrics.r2(c.truth, c.predicted) - r2) <= 1e-12) }
        }
    }

    @Test func meanBaselineMatchesDummyRegressor() throws {
        let fixture = try Fixtures.json(MetricsFixture.self, "metrics", "metrics_fixture.json")
        var model = MeanRegressor()
        try model.fit(Matrix(rows: 6, columns: 2, values: fixture.dummy.x), targets: fixture.dummy.y)
        let p = try model.predict(Matrix(rows: 3, columns: 2, repeating: 0))
        #expect(zip(p, fixture.dummy.prediction).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(throws: EstimatorError.emptyTrainingSet) { try model.fit(Matrix(rows: 0, columns: 2), targets: []) }
        #expect(throws: EstimatorError.featureCountMismatch(expected: 2, got: 1)) {
            try model.predict(Matrix(rows: 1, columns: 1))
        }
    }

    @Test func mismatchedInputsGiveNaN() {
        #expect(Metrics.meanAbsoluteError([1, 2], [1]).isNaN)
        #expect(Metrics.r2([], []).isNaN)
    }
}
