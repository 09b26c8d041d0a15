import ArgumentParser
import CrimeCore
import CrimeEval
import Foundation
import CrimeStudies

/// The mobility study: probability of at least one crime per 0.2 km² cell 12 hours ahead, from
/// 14-day and 2-day histories of crime, footfall and sociodemographic layers on 16 × 16 tiles;
/// a ConvLSTM against an LSTM, a random forest, logistic regression and the historical rate.
///
/// With no arguments it runs on the built-in synthetic city with synthetic footfall and census layers
/// that carry real signal; `--data FILE --schema NAME` runs on a downloaded extract, with a footfall
/// CSV (`--mobility FILE`) and sociodemographic polygons (`--census FILE --census-fields a,b`) when
/// given, and the channel sets those layers feed (see the MobilityConvLSTM article of the CrimeStudies
/// catalog, `Sources/CrimeStudies/CrimeStudies.docc/MobilityConvLSTM.md`; a small sample in that format
/// is in `Examples/MobilityConvLSTM/data/`).
@main
struct MobilityConvLSTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "MobilityConvLSTM", abstract: "Fine-grained crime forecasting with mobility: ConvLSTM against baselines.")

    @Option(name: .long, help: "An incident extract (CSV); default: the built-in synthetic city.")
    var data: String?
    @Option(name: .long, help: "The extract's schema: a preset (chicago, lvmpd, …) or a column-mapping JSON file.")
    var schema = "chicago"
    @Option(name: .long, help: "With --data: footfall observations, a CSV with columns lat,lon,time,count.")
    var mobility: String?
    @Option(name: .long, help: "With --data: sociodemographic polygons (GeoJSON or shapefile) with numeric properties.")
    var census: String?
    @Option(name: .long, help: "With --census: the numeric properties to read, comma-separated (e.g. population,median_income).")
    var censusFields: String?
    @Option(name: .long, help: "Days of data to use, 4 to 3650 (default: 60, or 40 with --quick).")
    var days: Int?
    @Option(name: .long, help: "Folder for the report.")
    var out = "mobility-convlstm"
    @Flag(name: .long, help: "A small, fast run of the same pipeline (one tile, short period, tiny networks).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1
    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false

    func run() throws {
        let period = days ?? (quick ? 40 : 60)
        guard (4...3_650).contains(period) else { throw ValidationError("--days must be between 4 and 3650, got \(period)") }
        guard data != nil || (mobility == nil && census == nil) else {
            throw ValidationError("--mobility and --census go with --data; the synthetic city brings its own layers")
        }
        guard (census == nil) == (censusFields == nil) else {
            throw ValidationError("--census and --census-fields go together: name the file and the numeric properties to read from it")
        }
        let fields = (censusFields ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard censusFields == nil || !fields.isEmpty else { throw ValidationError("--census-fields names no property") }
        var study = MobilityStudy()
        (study.seed, study.trainStride, study.epochs) = (seed, 3, 3)
        if quick {
            (study.convHidden, study.lstmHidden, study.trainStride) = ([4, 4, 4], 8, 2)
            (study.lstmTrainingCells, study.tabularTrainingRows, study.trees) = (2_000, 5_000, 20)
        }
        let progress = ProgressLine.standardError(quiet: quiet)
        defer { progress.finish() }
        let input: MobilityInput
        if let data {
            let ingested = try IncidentReader.read(URL(fileURLWithPath: data), schema: try IngestSchema.resolve(schema),
                                                   progress: progress.handler)
            var report = ingested.report
            let table = ingested.table.cleaned(options: CleaningOptions(file: data, sourceRecords: ingested.sourceRecords), report: &report).table
            print("\(data): \(report.rowsRead) rows read, \(report.rowsKept) kept")
            input = try MobilityInput.extract(table, days: period, source: data, footfall: mobility.map { URL(fileURLWithPath: $0) },
                                              census: census.map { URL(fileURLWithPath: $0) }, censusFields: fields)
        } else {
            input = try MobilityInput.synthetic(seed: seed, days: period, central: quick)
            print("synthetic city: \(input.incidents) incidents on the grid over \(period) days")
        }
        for note in input.notes { print(note) }
        if let sets = input.channelSets { study.channelSets = sets }
        let grid = input.grid, layers = input.layers
        let tiles = try grid.tiles(size: 16)
        guard !tiles.isEmpty else { throw MobilityError.noTiles(rows: grid.rows, columns: grid.columns, size: 16) }
        print("\(grid.rows)×\(grid.columns) cells of \(String(format: "%.0f", MobilityInput.cellSide)) m, \(tiles.count) tiles, \(layers.windows) windows of 12 h; "
              + String(format: "%.1f%% of cell-windows have an incident\n", 100 * layers.positiveRate))
        let start = ContinuousClock.now
        let result = try study.run(layers, tiles: tiles, progress: progress.handler)
        print("\nTest scores (thresholds chosen on validation; \(result.sampleCounts.test) test maps):")
        print(result.table().text())
        let url = try MobilityReport.write(result, grid: grid, tiles: tiles, title: "Fine-grained crime forecasting with mobility",
                                           notes: input.notes, to: URL(fileURLWithPath: out))
        print("Finished in \(start.duration(to: .now)). Report: \(url.path); table: \(out)/scores.csv")
    }
}
