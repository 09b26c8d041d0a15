import CrimeTestSupport
import Testing
import CrimeCore
import CrimeEval

private struct MetricsFixture: Decodable {
    struct Case: Decodable { let truth: [Double]; let predicted: [Double]; let mae: Double; let mse: Double; let r2: Double? }
    let cases: [Case]
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

    @Test func mismatchedInputsGiveNaN() {
        #expect(Metrics.meanAbsoluteError([1, 2], [1]).isNaN)
        #expect(Metrics.r2([], []).isNaN)
    }
}
