import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeModels
import Dispatch
import Foundation

/// Times the `glm` forecaster as a rolling-origin backtest uses it: 600 cells × 365 daily windows of
/// seeded Poisson counts (cell levels × day of week × a slow trend), one fit plus a 7-day forecast at each
/// of 52 weekly origins (the last at window 365, the first on about 1 year − 51 weeks of history), with and
/// without the trend. Then the generic ``PoissonRegression`` on the dense `C(cell) + C(dow)` design of
/// 100 cells × 300 days, against the forecaster on the same counts (largest relative difference of the
/// fitted means).
enum GLMBenchmark {
    /// About 39 × 29 one-kilometre squares over Chicago.
    static let box = BoundingBox(minLatitude: 41.60, minLongitude: -87.85, maxLatitude: 41.95, maxLongitude: -87.50)

    static func run() throws -> [String: Double] {
        let cells = 600, days = 365
        let zone = try ZoneClock(identifier: "America/Chicago")
        let windowing = TimeWindowing.sequential(.daily, zone: zone)
        let start: Int64 = 1_704_088_800                    // 2024-01-01 00:00 in Chicago
        let grid = try RegularGrid(covering: box, side: 1000)
        let forecastCells = try ForecastCells(index: grid, cells: Array(grid.allCells.prefix(cells)))
        let counts = simulate(cells: cells, days: days)
        let full = try WindowSpan(windowing, from: start, until: windowing.interval(ofIndex: windowing.index(utc: start) + days - 1)?.upperBound ?? start)
        var out: [String: Double] = ["cells": Double(cells), "days": Double(days), "origins": 52]
        for trend in [false, true] {
            var fitSeconds = 0.0, slowest = 0.0
            for k in 0..<52 {
                let origin = days - 7 * (51 - k)
                let history = try ForecastHistory(cells: forecastCells, windows: try WindowSpan(windowing, from: start, until: full.boundaries[origin]),
                                                  counts: prefix(counts, cells: cells, days: days, windows: origin),
                                                  times: [start], x: [0], y: [0], cellOrdinals: [0])
                let t0 = DispatchTime.now().uptimeNanoseconds
                var model = GLMForecaster(trend: trend)
                try model.fit(history)
                _ = try model.forecast(try history.span(windows: 7))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                fitSeconds += seconds
                slowest = max(slowest, seconds)
            }
            let key = trend ? "trend_" : ""
            out[key + "backtest_seconds"] = fitSeconds
            out[key + "slowest_fit_seconds"] = slowest
        }
        try dense(counts: counts, days: days, windowing: windowing, start: start, cells: forecastCells, into: &out)
        return out
    }

    /// The generic dense fit of 100 cells × 300 days against the forecaster.
    private static func dense(counts: [Double], days: Int, windowing: TimeWindowing, start: Int64, cells: ForecastCells,
                              into out: inout [String: Double]) throws {
        let n = 100, w = 300
        let some = try ForecastCells(index: try RegularGrid(covering: box, side: 1000), cells: Array(cells.ids.prefix(n)))
        let history = try ForecastHistory(cells: some, windows: try WindowSpan(windowing, from: start, until: windowing.interval(ofIndex: windowing.index(utc: start) + w - 1)?.upperBound ?? start),
                                          counts: prefix(counts, cells: n, days: days, windows: w), times: [start], x: [0], y: [0], cellOrdinals: [0])
        var model = GLMForecaster()
        let f0 = DispatchTime.now().uptimeNanoseconds
        try model.fit(history)
        out["forecaster_dense_case_seconds"] = Double(DispatchTime.now().uptimeNanoseconds - f0) / 1e9
        let fitted = try model.fittedCounts()
        var cell: [String] = [], dow: [String] = [], exposure: [Double] = [], y: [Double] = []
        for c in 0..<n {
            for d in 0..<w {
                cell.append("c\(1000 + c)")
                dow.append("d\(d % 7)")
                exposure.append(Double(history.windows.boundaries[d + 1] - history.windows.boundaries[d]) / 86_400)
                y.append(history.counts[c, d])
            }
        }
        let table = try DataTable([("y", .numeric(y)), ("cell", .text(cell)), ("dow", .text(dow)), ("exposure", .numeric(exposure))])
        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = try PoissonRegression().fit(formula: "y ~ C(cell) + C(dow)", data: table, exposure: "exposure")
        out["dense_seconds"] = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        out["dense_rows"] = Double(n * w)
        out["dense_columns"] = Double(result.params.count)
        out["dense_iterations"] = Double(result.iterations)
        out["dense_max_relative_difference"] = zip(fitted.values, result.fittedValues).map { abs($0 / $1 - 1) }.max() ?? .nan
    }

    /// Seeded counts, cells × days: a log-normal cell level, a weekend bump and a slow upward trend.
    private static func simulate(cells: Int, days: Int) -> [Double] {
        var random = SeededGenerator(seed: 2024)
        var values = [Double](repeating: 0, count: cells * days)
        for c in 0..<cells {
            let (g, _) = random.nextGaussianPair()
            let level = exp(-1.2 + 0.8 * g)
            for d in 0..<days {
                let mean = level * (d % 7 >= 5 ? 1.3 : 1) * exp(0.0005 * Double(d))
                values[c * days + d] = Double(random.nextPoisson(mean: mean))
            }
        }
        return values
    }

    /// The first `windows` days of every cell.
    private static func prefix(_ counts: [Double], cells: Int, days: Int, windows: Int) -> Matrix {
        var values = [Double](repeating: 0, count: cells * windows)
        for c in 0..<cells { for d in 0..<windows { values[c * windows + d] = counts[c * days + d] } }
        return Matrix(rows: cells, columns: windows, values: values)
    }
}
