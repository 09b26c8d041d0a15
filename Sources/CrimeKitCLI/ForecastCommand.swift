import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeForecast
import CrimeStudies
import Foundation

/// `crimekit forecast`: next window's expected count per cell from one method, as CSV, GeoJSON and SVG.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the window after the data: forecast.csv, forecast.geojson and forecast.svg."
    )

    @OptionGroup var input: ForecastInputOptions

    @Option(name: .long, help: "The method (previous, seasonal, historical, margins, …; oracle with --synthetic).")
    var method: String

    @Option(name: .long, help: "Folder for forecast.csv, forecast.geojson and forecast.svg.")
    var out: String

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let line = progress.line()
        defer { line.finish() }
        let prepared = try input.prepare(progress: line.handler)
        let method = try ForecastMethods.make(self.method, windowing: prepared.data.windows.windowing, city: prepared.city)
        let forecast = try ForwardForecast(data: prepared.data, method: method)
        try forecast.write(to: URL(fileURLWithPath: out))
        let total = forecast.window(0).reduce(0, +)
        print(String(format: "%@: %@ forecasts %.1f incidents in %d cells for %@; wrote %@/forecast.csv, forecast.geojson, forecast.svg",
                     prepared.source, forecast.method, total, forecast.cells.count, forecast.span.labels[0], out))
    }
}
