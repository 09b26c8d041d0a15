import CrimeCore
import CrimeForecast
import CrimeTestSupport
import Foundation
import Testing

/// RegressorForecaster's features and recursion against numpy (Tests/Fixtures/features/make_features.py).
@Suite("Count features against numpy")
struct CountFeatureReferenceTests {
    struct Reference: Decodable {
        let period: Int
        let grid_rows: Int
        let grid_columns: Int
        let neighbours: [[Int]]
        let counts: [[Double]]
        let weights: [Double]
        let intercept: Double
        let cases: [String: Case]
    }

    struct Case: Decodable {
        let training_windows: Int
        let train_x: [[Double]]
        let train_y: [Double]
        let forecast_x: [[Double]]
        let recursive_forecast: [[Double]]
    }

    /// A plugin regressor: a fixed linear function of the features.
    struct FixedLinear: Regressor {
        let weights: [Double]
        let intercept: Double
        mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
        func predict(_ x: Matrix) throws -> [Double] {
            (0..<x.rows).map { i in (0..<x.columns).reduce(intercept) { $0 + weights[$1] * x[i, $1] } }
        }
    }

    static func maxRelativeError(_ got: Matrix, _ expected: [[Double]]) -> Double {
        var worst = 0.0
        for (i, row) in expected.enumerated() {
            for (j, e) in row.enumerated() { worst = max(worst, abs(got[i, j] - e) / max(1, abs(e))) }
        }
        return worst
    }

    /// Every training row of 6 cells (39 target windows from the second, early ones filled as documented
    /// and the season features held at the mean; or 32 from the eighth, reading earlier seasons), the
    /// forecast row, and a 5-window recursive forecast with clamping agree with numpy to 1e-12.
    @Test(arguments: ["short", "full"])
    func featuresAndRecursionMatchNumpy(_ name: String) throws {
        let file = try Fixtures.json(Reference.self, "features", "features.json")
        let reference = try #require(file.cases[name])
        let cells = try CountMatrixHistory.cells(rows: file.grid_rows, columns: file.grid_columns)
        #expect(cells.neighbours.map { $0.sorted() } == file.neighbours)
        let history = try CountMatrixHistory.history(cells: cells, counts: file.counts)
        var method = RegressorForecaster(name: "linear", model: FixedLinear(weights: file.weights, intercept: file.intercept),
                                         trainingWindows: reference.training_windows)
        let table = try method.trainingTable(history)
        #expect(table.columnNames == CountFeature.names)
        #expect(table.matrix.rows == reference.train_x.count)
        #expect(table.targets == reference.train_y)
        #expect(Self.maxRelativeError(table.matrix, reference.train_x) < 1e-12)
        #expect(Self.maxRelativeError(try method.forecastRows(history), reference.forecast_x) < 1e-12)

        try method.fit(history)
        let forecast = try method.forecast(try history.span(windows: reference.recursive_forecast[0].count))
        #expect(Self.maxRelativeError(forecast, reference.recursive_forecast) < 1e-12)
        #expect(forecast.values.contains(0))   // the clamp at 0 was exercised
    }
}
