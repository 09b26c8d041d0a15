import Testing
import CrimeEval

@Suite struct MetricsTests {
    @Test func mismatchedInputsGiveNaN() {
        #expect(Metrics.meanAbsoluteError([1, 2], [1]).isNaN)
        #expect(Metrics.r2([], []).isNaN)
    }
}
