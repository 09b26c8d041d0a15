import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeForecast
import CrimeGeo
import Foundation
import CrimeSynthetic
import CrimeStudies

/// The Las Vegas hot-spot study: calls for service → H3 resolution 8 → counts per cell × day of week
/// × shift; a random forest trained on one year and tested on the next beside naive baselines;
/// residual map and worst cells; patrol plans; the resource ratio of weekend late nights.
///
/// With no arguments it runs on the built-in synthetic city; `--data FILE --schema lvmpd` runs it on
/// a downloaded LVMPD calls-for-service extract, and `--boundary FILE [--boundary-epsg N]` keeps the
/// cells inside the city limits (see the LasVegasHotspots article of the CrimeStudies
/// catalog, `Sources/CrimeStudies/CrimeStudies.docc/LasVegasHotspots.md`).
@main
struct LasVegasHotspots: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "LasVegasHotspots", abstract: "The Las Vegas hot-spot study, end to end.")

    @Option(name: .long, help: "An incident extract (CSV); default: the built-in synthetic city.")
    var data: String?
    @Option(name: .long, help: "The extract's schema: a preset (lvmpd, chicago, …) or a column-mapping JSON file.")
    var schema = "lvmpd"
    @Option(name: .long, help: "First day of the training year, YYYY-MM-DD (default: the first day in the data).")
    var start: String?
    @Option(name: .long, help: "Folder for the report.")
    var out = "las-vegas-hotspots"
    @Flag(name: .long, help: "A small, fast run of the same pipeline (8 weeks per period, 30 trees).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1
    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false
    @Option(name: .long, help: "The study area (GeoJSON or shapefile polygons, e.g. the city limits): keep the H3 cells whose centre lies inside. Default: the cells holding a training-period incident and their neighbours.")
    var boundary: String?
    @Option(name: .long, help: "EPSG code of --boundary when the file does not say.")
    var boundaryEPSG: Int?

    func run() throws {
        let progress = ProgressLine.standardError(quiet: quiet)
        defer { progress.finish() }
        var pipeline = HotspotPipeline()
        pipeline.seed = seed
        if let boundary {
            let crs = try boundaryEPSG.map { try CoordinateReferenceSystem(epsg: $0) }
            pipeline.boundary = try StudyArea.boundary(contentsOf: URL(fileURLWithPath: boundary), crs: crs)
        }
        if quick {
            pipeline.weeks = 8
            pipeline.trees = 30
        }
        let table: IncidentTable
        var city: SyntheticCity?
        var title = "Las Vegas hot-spot study (synthetic city)"
        if let data {
            let resolved = try IngestSchema.resolve(schema)
            // Titled by the data: a mapping's name (the file name when it has none), else the extract's file name.
            let preset = IngestSchema.presets.contains { $0.name == resolved.name }
            title = "Hot spots: \(preset ? URL(fileURLWithPath: data).lastPathComponent : resolved.name)"
            let ingested = try IncidentReader.read(URL(fileURLWithPath: data), schema: resolved, progress: progress.handler)
            var report = ingested.report
            table = ingested.table.cleaned(options: CleaningOptions(file: data, sourceRecords: ingested.sourceRecords), report: &report).table
            print("\(data): \(report.rowsRead) rows read, \(report.rowsKept) kept")
            if let start { pipeline.start = try LocalDay(start) }
        } else {
            var config = SyntheticCityConfig()
            config.seed = seed
            config.days = 14 * pipeline.weeks
            let synthetic = try SyntheticCity(config: config)
            city = synthetic
            table = synthetic.incidentTable()
            pipeline.start = try LocalDay(config.start)
            print("synthetic city: \(table.count) incidents over \(config.days) days")
        }
        let output = try pipeline.run(table)
        let result = output.result
        if let area = result.studyArea { print("study area: \(area.summary)") }
        print("\(result.data.cells.count) H3 cells × \(result.data.buckets.count) buckets, \(pipeline.weeks) weeks per period\n")
        print("The study's design: fit on one year, score the next")
        print(result.scoreTable().text())
        print("leader on test MAE: \(result.leader)\n")
        try rollingOrigins(table: table, index: output.index, cells: result.data.cells, city: city, origins: pipeline.weeks,
                           progress: progress)
        print("Cells the forest misses most:")
        print(try result.worstCells(of: result.bestModel, count: 5).text())
        let summary = try HotspotReport.write(result, index: output.index, options: .study(),
                                              title: title, to: URL(fileURLWithPath: out))
        for plan in summary.plans {
            print(String(format: "%@: %d cells cover %.1f%% of expected incidents", plan.query, plan.cells, 100 * plan.expectedShare))
        }
        // The study's own figure is quoted only beside the built-in city, whose setting mirrors it.
        let study = city == nil ? "" : "; the Las Vegas study: about 3×"
        print(String(format: "Weekend late nights carry %.2f× the forecast load of a weekday day shift (observed %.2f×%@).",
                     summary.focusRatio, summary.observedFocusRatio, study))
        print("Report: \(out)/report.html")
    }

    /// The forecasting question asked every week: every method from weekly rolling origins on the
    /// study's cells, scored on the week after each.
    private func rollingOrigins(table: IncidentTable, index: H3Grid, cells: [CellID], city: SyntheticCity?, origins: Int,
                                progress: ProgressLine) throws {
        let windowing = TimeWindowing.sequential(.weekly, zone: table.zone)
        let data = try ForecastData(table: table, index: index, cells: try ForecastCells(index: index, cells: cells), windowing: windowing)
        let methods = try ForecastMethods.make(windowing: windowing, city: city)
        let backtest = try ForecastBacktest(origins: origins).run(data, methods: methods, progress: progress.handler)
        print("Rolling origins: \(origins) weeks, each forecast from the weeks before it")
        print(try ForecastComparisonReport.table(backtest, leader: nil).text())
    }
}
