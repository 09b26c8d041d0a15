import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeForecast
import CrimeStudies
import Foundation

/// `crimekit backtest`: a rolling-origin comparison of forecasting methods.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Compare forecasting methods from rolling origins: hit rate, PAI, PEI at 1–10 % of the area, MAE, deviance."
    )

    @OptionGroup var input: ForecastInputOptions

    @Option(name: .long, help: "Origins: the last N complete windows, each forecast from the history before it.")
    var origins = 52

    @Option(name: .long, help: "Comma-separated methods (default: all; oracle only with --synthetic).")
    var methods: String?

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    /// The most origins a backtest runs.
    static let maximumOrigins = 520

    func validate() throws {
        guard (1...Self.maximumOrigins).contains(origins) else {
            throw ValidationError("--origins must lie in 1...\(Self.maximumOrigins), got \(origins)")
        }
    }

    func run() throws {
        let line = progress.line()
        defer { line.finish() }
        let prepared = try input.prepare(progress: line.handler)
        let methods = try ForecastMethods.make(self.methods.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                                               windowing: prepared.data.windows.windowing, city: prepared.city)
        let result = try ForecastBacktest(origins: origins).run(prepared.data, methods: methods, progress: line.handler)
        let report = try BacktestReport(result: result, origins: origins, oracle: prepared.city != nil ? "oracle" : nil)
        if json {
            try JSONOutput.print(report)
        } else {
            print("\(prepared.source): \(prepared.studyArea?.summary ?? "\(prepared.data.cells.count) cells"), \(origins) origins of one \(input.window) each\n")
            print(try ForecastComparisonReport.table(result, leader: nil).text(), terminator: "")
        }
    }
}
