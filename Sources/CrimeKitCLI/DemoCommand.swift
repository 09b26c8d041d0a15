import ArgumentParser
import CrimeCore
import CrimeEval
import Foundation
import CrimeSynthetic
import CrimeStudies

/// `crimekit demo`: the Las Vegas hot-spot study end to end on the built-in synthetic city.
///
/// Simulates two periods of the synthetic city, writes them as a City of Chicago extract, reads the
/// extract back through the real ingest path and cleans it, counts incidents per H3 resolution-8
/// cell × day-of-week × shift, fits a random forest on the first period and scores its forecast of
/// the second beside naive baselines, then draws patrol plans and the resource ratio of weekend late
/// nights. Everything lands in the output folder, `report.html` first.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the hot-spot study end to end on the built-in synthetic city."
    )

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "crimekit-demo"

    @Option(name: .long, help: "Random seed of the synthetic city and the forest.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Weeks in each of the training and test periods (1 to 260).")
    var weeks: Int = 52

    @Option(name: .long, help: "Trees in the random forest (1 to 2000).")
    var trees: Int = 100

    func validate() throws {
        guard (1...260).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 260, got \(weeks)") }
        guard (1...2000).contains(trees) else { throw ValidationError("--trees must be between 1 and 2000, got \(trees)") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let extract = folder.appendingPathComponent("synthetic-chicago.csv").path

        var config = SyntheticCityConfig()
        config.seed = seed
        config.days = 14 * weeks
        let city = try SyntheticCity(config: config)
        let manifest = try city.writeChicagoExtract(to: URL(fileURLWithPath: extract))
        print("synthetic city: \(manifest.events) incidents over \(config.days) days (\(manifest.offspring) near-repeats), \(manifest.rowsWritten) rows written")

        let ingested = try IncidentReader.read(URL(fileURLWithPath: extract), schema: .chicago)
        var cleaning = ingested.report
        let table = ingested.table.cleaned(options: CleaningOptions(file: extract), report: &cleaning).table
        let drops = cleaning.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print("ingest + clean: \(cleaning.rowsRead) read, \(cleaning.rowsKept) kept, dropped: \(drops.isEmpty ? "none" : drops)")

        var pipeline = HotspotPipeline()
        pipeline.weeks = weeks
        pipeline.start = try LocalDay(config.start)
        pipeline.trees = trees
        pipeline.seed = seed
        let output = try pipeline.run(table)
        let result = output.result, data = result.data
        print("counts: \(data.cells.count) H3 resolution-8 cells × \(data.buckets.count) weekday-shift buckets; training from \(data.trainDays.lowerBound), test from \(data.testDays.lowerBound), \(weeks) weeks each")
        print("")
        print(result.scoreTable().text(), terminator: "")

        let summary = try HotspotReport.write(result, index: output.index, options: .study(),
                                              title: "CrimeKit demo: hot spots in the synthetic city", to: folder)
        print("")
        for plan in summary.plans {
            print(String(format: "patrol plan, %@: %d cells (%.1f%% of the area) cover %.1f%% of expected incidents",
                         plan.query, plan.cells, 100 * plan.cellShare, 100 * plan.expectedShare))
        }
        print(String(format: "weekend late nights carry %.2f× the forecast load of a weekday day shift (observed: %.2f×)",
                     summary.focusRatio, summary.observedFocusRatio))
        print("report: \(folder.appendingPathComponent("report.html").path)")
    }
}
