import Testing
import CrimeCore
import CrimeModels
import CrimeEval

/// The plugin half of DESIGN.md's embedding contract: an outside type conforms to `Regressor`
/// with nothing but `fit` and `predict`.
struct LastColumn: Regressor {
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { (0..<x.rows).map { x[$0, x.columns - 1] } }
}

@Suite struct PluginEstimatorTests {
    @Test func pluginFitsAndScores() throws {
        let x = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
        let y: [Double] = [2, 4, 6, 8]
        var plugin = LastColumn()
        try plugin.fit(x, targets: y)
        // Hand-computed: predictions equal y exactly.
        #expect(Metrics.meanAbsoluteError(y, try plugin.predict(x)) == 0)
        #expect(Metrics.r2(y, try plugin.predict(x)) == 1)
    }

    @Test func existentialRegressorFits() throws {
        var named: any Regressor = LastColumn()
        try named.fit(Matrix(rows: 1, columns: 1, values: [3]), targets: [3])
        #expect(try named.predict(Matrix(rows: 1, columns: 1, values: [5])) == [5])
    }
}
