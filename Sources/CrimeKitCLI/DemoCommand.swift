import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeForecast
import CrimeGeo
import Foundation
import CrimeSynthetic
import CrimeStudies

/// `crimekit demo`: "where next week, and how sure?" end to end on the built-in synthetic city.
///
/// Simulates two years of the synthetic city, writes them as a City of Chicago extract, reads the
/// extract back through the real ingest path and cleans it, lays it on weeks and the H3 resolution-8
/// cells of the study area (those holding an incident and their neighbours, the rule of `crimekit
/// backtest` without `--boundary`), backtests every forecasting method (the naive baselines, KDE,
/// ProMap, the Poisson GLM, a forest on lag features, and the city's oracle as the yardstick) from
/// weekly rolling origins over the last year, forecasts next week from the method that led on PAI at
/// 5 % of the area, plans patrols for it and audits whom the plan sends police to. Everything lands in
/// the output folder, `report.html` first.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Backtest every forecasting method on the built-in synthetic city, forecast next week from the leader and plan patrols."
    )

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "crimekit-demo"

    @Option(name: .long, help: "Random seed of the synthetic city and the forest.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Weekly rolling origins, and weeks of history before the first (2 to 260; the city runs 2 × weeks).")
    var weeks: Int = 52

    @Option(name: .long, help: "Trees of the forest method (1 to 2000).")
    var trees: Int = 40

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        guard (2...260).contains(weeks) else { throw ValidationError("--weeks must be between 2 and 260, got \(weeks)") }
        guard (1...2000).contains(trees) else { throw ValidationError("--trees must be between 1 and 2000, got \(trees)") }
    }

    func run() throws {
        let line = progress.line()
        defer { line.finish() }
        let folder = URL(fileURLWithPath: out)
        try OutputFolder.create(folder)
        let extract = folder.appendingPathComponent("synthetic-chicago.csv")

        var config = SyntheticCityConfig()
        config.seed = seed
        config.days = 14 * weeks
        let city = try SyntheticCity(config: config)
        let manifest = try city.writeChicagoExtract(to: extract)
        print("synthetic city: \(manifest.events) incidents over \(config.days) days (\(manifest.offspring) near-repeats), \(manifest.rowsWritten) rows written")

        var ingested = try IncidentReader.read(extract, schema: .chicago, progress: line.handler)
        ingested.table.clean(options: CleaningOptions(file: extract.path, sourceRecords: ingested.sourceRecords), report: &ingested.report)
        let table = ingested.table, cleaning = ingested.report
        let drops = cleaning.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print("ingest + clean: \(cleaning.rowsRead) read, \(cleaning.rowsKept) kept, dropped: \(drops.isEmpty ? "none" : drops)")

        let h3 = try H3Grid(resolution: 8)
        let area = try ForecastInputOptions.studyArea(h3, table: table, boundary: nil, boundaryEPSG: nil)
        let cells = try ForecastCells(index: h3, cells: area.cells)
        let windowing = TimeWindowing.sequential(.weekly, zone: table.zone)
        let data = try ForecastData(table: table, index: h3, cells: cells, windowing: windowing)
        var methods = try ForecastMethods.make(windowing: windowing, city: city)
        if let k = methods.firstIndex(where: { $0.name == "forest" }) { methods[k] = RegressorForecaster.forest(trees: trees, seed: seed) }
        print("cells (H3 resolution 8): \(area.summary); \(weeks) weekly origins, each method fitted on the weeks before and scored on the week after\n")

        let neighbourhoods = try SyntheticNeighbourhoods(bounds: city.bounds, seed: seed)
        let centres = Dictionary(uniqueKeysWithValues: zip(cells.ids, cells.centres))
        let result = try ForecastComparison(origins: weeks).run(
            data, methods: methods, index: h3,
            neighbourhood: { centres[$0].flatMap(neighbourhoods.neighbourhood(of:)) }, group: neighbourhoods.group(of:),
            progress: line.handler)
        print(try ForecastComparisonReport.table(result).text())
        print("leader: \(result.leader) (\(ForecastComparisonReport.leaderRule))")

        let plan = result.plan
        print(String(format: "patrol plan, %@: %d cells (%.1f%% of the area) cover %.1f%% of the %.0f incidents %@ expects",
                     result.forecast.span.labels[0], plan.selections.count, 100 * result.planArea, 100 * plan.coveredShare,
                     plan.cityExpected, result.leader))
        if let exposure = try ForecastComparisonReport.exposureTable(result) {
            print("whom it sends police to (share of each majority group's cells patrolled):")
            print(exposure.text(), terminator: "")
        }
        let url = try ForecastComparisonReport.write(
            result, title: "CrimeKit demo: where next week, and how sure?",
            dataNote: "The built-in synthetic city (seed \(seed), \(config.days) days), written as a City of Chicago extract and read back through ingest and cleaning, on H3 resolution-8 cells: \(area.summary). Its true intensity is known, so the oracle row shows the best any method could do.",
            to: folder)
        print("report: \(url.path)")
    }
}
