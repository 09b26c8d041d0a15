import CrimeCore
import CrimeForecast
import CrimeGeo
import Dispatch

/// Times the `forest` forecaster at backtest scale: 540 cells (an 18 × 30 block of 250 m cells) with a
/// year of daily Poisson counts (cell rate × weekday factor), 26 training windows per fit (14,040 rows,
/// 9 features). Reports the feature table, one fit (best of 3) and a one-day forecast, and the total
/// of fit + forecast over 52 consecutive origins.
enum ForecastForestBenchmark {
    static func run() throws -> [String: Double] {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.75,
                                                         maxLatitude: 41.86, maxLongitude: -87.62), side: 250)
        let cells = try ForecastCells(index: grid, cells: (0..<18).flatMap { r in (0..<30).map { CellID(row: r, column: $0) } })
        let days = 365 + 52
        var rng = SeededGenerator(seed: 2024)
        let weekday: [Double] = [0.6, 0.8, 0.9, 1.0, 1.1, 1.3, 1.3]
        var counts = [Double](repeating: 0, count: cells.count * days)
        for c in 0..<cells.count {
            let rate = 0.05 + 2 * rng.nextUniform() * rng.nextUniform()
            for d in 0..<days { counts[c * days + d] = Double(rng.nextPoisson(mean: rate * weekday[d % 7])) }
        }
        let zone = try ZoneClock(identifier: "UTC")
        let start: Int64 = 1_704_067_200
        func history(before origin: Int) throws -> ForecastHistory {
            let span = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + Int64(origin) * 86_400)
            let values = (0..<cells.count).flatMap { c in counts[(c * days)..<(c * days + origin)] }
            return try ForecastHistory(cells: cells, windows: span, counts: Matrix(rows: cells.count, columns: origin, values: values),
                                       times: [], x: [], y: [], cellOrdinals: [])
        }
        let first = try history(before: 365)
        var method = RegressorForecaster.forest()
        var tableSeconds = Double.infinity, fitSeconds = Double.infinity, forecastSeconds = Double.infinity
        for _ in 0..<3 {
            tableSeconds = min(tableSeconds, try seconds { _ = try method.trainingTable(first) })
            fitSeconds = min(fitSeconds, try seconds { try method.fit(first) })
            forecastSeconds = min(forecastSeconds, try seconds { _ = try method.forecast(try first.span(windows: 1)) })
        }
        let rows = method.parameters["training_rows"] ?? 0
        var backtestSeconds = 0.0
        for origin in 365..<(365 + 52) {
            let h = try history(before: origin)
            backtestSeconds += try seconds {
                try method.fit(h)
                _ = try method.forecast(try h.span(windows: 1))
            }
        }
        return ["forecast_forest_training_rows": rows, "forecast_forest_table_seconds": tableSeconds,
                "forecast_forest_fit_seconds": fitSeconds, "forecast_forest_forecast_seconds": forecastSeconds,
                "forecast_forest_52_origins_seconds": backtestSeconds]
    }

    private static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
