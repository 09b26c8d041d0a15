import CrimeCore
import CrimeForecast
import CrimeGeo
import Dispatch
import Foundation
import CrimeSynthetic

/// Times the default synthetic city over 365 days: simulation, writing the Chicago extract, the
/// true expected count of every raster cell × day (`expectedRasterCounts`), and the oracle's forecast of
/// the week after week 26 on H3 resolution-8 cells (a first fit, a refit on the same cells, one forecast).
/// Best of three runs each.
enum SynthBenchmark {
    static func run() throws -> [String: Double] {
        var config = SyntheticCityConfig()
        config.days = 365
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimebench-synth-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var results: [String: Double] = [:]
        var city = try SyntheticCity(config: config)
        results["synth_simulate_seconds"] = try best { city = try SyntheticCity(config: config) }
        var manifest = SyntheticManifest()
        results["synth_write_seconds"] = try best { manifest = try city.writeChicagoExtract(to: URL(fileURLWithPath: path)) }
        let days = (0...365).map { city.interval.lowerBound + Int64($0) * 86_400 }
        var cellsTimesDays = 0
        results["synth_truth_daily_seconds"] = try best {
            let table = try city.expectedRasterCounts(boundaries: days)
            cellsTimesDays = table.rows * table.columns
        }
        let h3 = try H3Grid(resolution: 8)
        let cells = try ForecastCells(index: h3, cells: try h3.cells(covering: city.bounds))
        let data = try ForecastData(table: city.incidentTable(), index: h3, cells: cells, windowing: .sequential(.weekly, zone: city.zone))
        let history = try data.history(before: 26)
        var oracle = OracleForecaster(city: city)
        results["oracle_fit_seconds"] = try best {
            oracle = OracleForecaster(city: city)
            try oracle.fit(history)
        }
        results["oracle_refit_seconds"] = try best { try oracle.fit(history) }
        let week = try history.span(windows: 1)
        var expected = 0.0
        results["oracle_forecast_week_seconds"] = try best { expected = try oracle.forecast(week).values.reduce(0, +) }
        results["oracle_cells"] = Double(cells.count)
        results["oracle_expected_week"] = expected
        results["synth_events"] = Double(city.events.count)
        results["synth_offspring"] = Double(manifest.offspring)
        results["synth_rows_written"] = Double(manifest.rowsWritten)
        results["synth_truth_entries"] = Double(cellsTimesDays)
        return results
    }

    /// The shortest of three timed runs, in seconds.
    private static func best(_ body: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return fastest
    }
}
