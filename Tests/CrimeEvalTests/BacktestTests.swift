import Foundation
import Testing
import CrimeCore
import CrimeModels
import CrimeEval

/// Least squares on the first column: y ≈ a + b·x₀ (a plugin, as an outside package would write it).
private struct FirstColumnLine: Regressor {
    var a = 0.0, b = 0.0
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        let xs = x.column(0), n = Double(y.count)
        let mx = xs.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(xs, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        b = sxx > 0 ? sxy / sxx : 0
        a = my - b * mx
    }
    func predict(_ x: Matrix) throws -> [Double] { x.column(0).map { a + b * $0 } }
}

/// Remembers the latest window it was trained on (column 1 holds the window) and forecasts it + 1.
private struct LatestWindowSpy: Regressor {
    var latest = -1.0
    mutating func fit(_ x: Matrix, targets y: [Double]) throws { latest = x.column(1).max() ?? -1 }
    func predict(_ x: Matrix) throws -> [Double] { Array(repeating: latest + 1, count: x.rows) }
}

@Suite struct BacktestTests {
    /// 5 cells × 70 daily windows; the count follows a signal known in advance (column 0) plus
    /// noise, so the line on column 0 must beat every naive baseline.
    private func synthetic() throws -> BacktestData {
        var g = SeededGenerator(seed: 3)
        var values = [Double](), targets = [Double](), windows = [Int](), cells = [Int]()
        for w in 0..<70 {
            for c in 0..<5 {
                let signal = 4 + 3 * sin(Double(w) * 1.3 + Double(c)) + (w % 11 == 0 ? 5 : 0)
                values += [signal, Double(w)]
                targets.append(2 * signal + 1 + (g.nextUniform() - 0.5) * 0.4)
                windows.append(w)
                cells.append(c)
            }
        }
        return try BacktestData(features: Matrix(rows: targets.count, columns: 2, values: values), targets: targets,
                                windows: windows, cells: cells, seasonPeriod: 7)
    }

    @Test func knownModelBeatsBaselines() throws {
        let neighbors = (0..<5).map { c in [c - 1, c + 1].filter { (0..<5).contains($0) } }
        let result = try Backtest.run(data: try synthetic(),
                                      models: [BacktestModel(name: "line", FirstColumnLine()),
                                               BacktestModel(name: "mean") { MeanRegressor() }],
                                      initialWindows: 28, horizon: 7, neighbors: neighbors)
        #expect(result.folds.count == 6)   // origins 28, 35, …, 63
        #expect(result.summary.map(\.model) == ["naive_last_window", "naive_seasonal_mean", "naive_spatial_mean", "line", "mean"])
        let line = try #require(result.summary(of: "line")?.regression)
        #expect(line.mae < 0.2 && line.r2 > 0.99)
        for s in result.summary where s.model != "line" { #expect(try #require(s.regression).mae > 5 * line.mae, "\(s.model)") }
        #expect(result.scores.count == 6 * 5)
        #expect(result.summaryCSV.hasPrefix("model,baseline,folds,rows,mae,rmse,r2\nnaive_last_window,true,6,210,"))
    }

    @Test func modelsSeeOnlyThePast() throws {
        let data = try synthetic()
        let expanding = try Backtest.run(data: data, models: [BacktestModel(name: "spy", LatestWindowSpy())],
                                         initialWindows: 50, horizon: 3, step: 5)
        let spy = try #require(expanding.predictions["spy"])
        for (k, r) in expanding.testRows.enumerated() {
            let fold = try #require(expanding.folds.first { $0.testWindows.contains(data.windows[r]) })
            #expect(spy[k] == Double(fold.testWindows.lowerBound))
        }
        #expect(expanding.folds.map(\.testWindows) == [50...52, 55...57, 60...62, 65...67])
        #expect(expanding.folds[1].trainRows == 55 * 5)
        let sliding = try Backtest.run(data: data, models: [], initialWindows: 50, horizon: 3, step: 5, maximumTrainingWindows: 10)
        #expect(sliding.folds[1].trainWindows == 45...54 && sliding.folds[1].trainRows == 50)
    }

    /// Two cells × four windows, period 2, neighbours of each other; one fold forecasting window 3.
    /// Cell 0 counts 1, 2, 3, 4; cell 1 counts 10, 20, 30, 40.
    @Test func baselinesByHand() throws {
        let data = try BacktestData(features: Matrix(rows: 8, columns: 1, repeating: 0),
                                    targets: [1, 10, 2, 20, 3, 30, 4, 40], windows: [0, 0, 1, 1, 2, 2, 3, 3],
                                    cells: [0, 1, 0, 1, 0, 1, 0, 1], seasonPeriod: 2)
        let r = try Backtest.run(data: data, models: [], initialWindows: 3, neighbors: [[1], [0]])
        #expect(r.predictions["naive_last_window"] == [3, 30])
        #expect(r.predictions["naive_seasonal_mean"] == [2, 20])   // window 3 pools window 1
        #expect(r.predictions["naive_spatial_mean"] == [11, 11])   // (2 + 20) / 2
    }

    @Test func badInputs() throws {
        let data = try synthetic()
        #expect(throws: MetricsError.self) { try Backtest.run(data: data, models: [], initialWindows: 70) }
        #expect(throws: MetricsError.self) { try Backtest.run(data: data, models: [], initialWindows: 5, horizon: 0) }
        #expect(throws: MetricsError.self) {
            try Backtest.run(data: data, models: [BacktestModel(name: "naive_last_window", FirstColumnLine())], initialWindows: 5)
        }
        #expect(throws: MetricsError.self) {
            try BacktestData(features: Matrix(rows: 2, columns: 1, repeating: 0), targets: [1], windows: [0, 1], cells: [0, 0])
        }
        #expect(throws: MetricsError.self) {
            try BacktestData(features: Matrix(rows: 1, columns: 1, repeating: 0), targets: [.nan], windows: [0], cells: [0])
        }
        // A model's own error passes through unchanged.
        #expect(throws: EstimatorError.self) {
            try Backtest.run(data: data, models: [BacktestModel(name: "unfit") {
                struct Unfit: Regressor {
                    mutating func fit(_ x: Matrix, targets y: [Double]) throws { throw EstimatorError.emptyTrainingSet }
                    func predict(_ x: Matrix) throws -> [Double] { [] }
                }
                return Unfit()
            }], initialWindows: 5)
        }
    }
}
