import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation
import CrimeStudies

/// The Chicago CNN-LSTM study: weekly crime heatmaps through time-distributed convolutions and an
/// LSTM, joined with a socio-economic/weather LSTM, predicting next week's count in each of
/// Chicago's 77 community areas from the previous 10 weeks; scored against a seasonal-naive, a
/// last-week and a district-mean baseline on MSE, R² and the variance of the predictions.
///
/// With no arguments it runs on a synthetic city covering Chicago whose weekly rate follows synthetic
/// temperature and unemployment series; `--data FILE --schema chicago` runs it on a downloaded
/// "Crimes – 2001 to Present" extract, with weekly socio-economic and weather series from
/// `--covariates FILE` (a CSV `week_start,<series…>`) when given (see the ChicagoCNNLSTM article of
/// the CrimeStudies catalog, `Sources/CrimeStudies/CrimeStudies.docc/ChicagoCNNLSTM.md`; a small
/// sample in these formats is in `Examples/ChicagoCNNLSTM/data/`).
@main
struct ChicagoCNNLSTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ChicagoCNNLSTM", abstract: "The Chicago CNN-LSTM weekly district forecast, end to end.")

    @Option(name: .long, help: "An incident extract (CSV); default: a synthetic city covering Chicago.")
    var data: String?
    @Option(name: .long, help: "The extract's schema: a preset (chicago, …) or a column-mapping JSON file.")
    var schema = "chicago"
    @Option(name: .long, help: "With --data: weekly series, a CSV with columns week_start,<series…> covering the extract's weeks.")
    var covariates: String?
    @Option(name: .long, help: "District polygons (shapefile or GeoJSON); default: the bundled 77 community areas.")
    var boundaries: String?
    @Option(name: .long, help: "The property naming each district.")
    var label = "COMMUNITY"
    @Option(name: .long, help: "EPSG code of the boundaries when the file does not say (default: 3435 for the bundled areas).")
    var epsg: Int?
    @Option(name: .long, help: "Training epochs, 1 to 10000 (default: 60, or 40 with --quick).")
    var epochs: Int?
    @Option(name: .long, help: "L2 coefficient on the kernels (the study used 0.01, which pulls this model to each district's mean).")
    var l2: Float = 1e-4
    @Option(name: .long, help: "Adam's learning rate.")
    var learningRate: Float = 3e-3
    @Option(name: .long, help: "Folder for the report.")
    var out = "chicago-cnn-lstm"
    @Flag(name: .long, help: "A small, fast run of the same pipeline (2 years, 16×16 images, 8/16/32 channels, 40 epochs).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1
    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let epochs, !(1...10_000).contains(epochs) { throw ValidationError("--epochs must be between 1 and 10000, got \(epochs)") }
    }

    func run() throws {
        guard data != nil || covariates == nil else {
            throw ValidationError("--covariates goes with --data; the synthetic city brings its own weekly series")
        }
        let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("data")
        let areaURL = boundaries.map { URL(fileURLWithPath: $0) } ?? dataFolder.appendingPathComponent("Chicago77.shp")
        let crs = try (epsg ?? (boundaries == nil ? 3435 : nil)).map { try CoordinateReferenceSystem(epsg: $0) }
        let areas: PolygonIndex
        do {
            areas = try PolygonIndex(contentsOf: areaURL, labelProperty: label, crs: crs)
        } catch GeometryReadError.missingCRS(let file) {
            throw ValidationError("\(file): the shapefile has no .prj; give its EPSG code with --epsg (e.g. --epsg 3435)")
        }
        let progress = ProgressLine.standardError(quiet: quiet)
        defer { progress.finish() }
        var study = WeeklyDistrictStudy()
        study.seed = seed
        study.options.seed = seed
        study.options.epochs = epochs ?? (quick ? 40 : 60)
        study.options.learningRate = learningRate
        study.options.progress = progress.handler
        study.l2 = l2
        study.channels = quick ? [8, 16, 32] : [32, 64, 128]
        if quick { study.testWeeks = 26 }
        let imageSize = quick ? 16 : 32

        let input: WeeklyDistrictInput
        if let data {
            let ingested = try IncidentReader.read(URL(fileURLWithPath: data), schema: try IngestSchema.resolve(schema),
                                                   progress: progress.handler)
            var report = ingested.report
            let table = ingested.table.cleaned(options: CleaningOptions(file: data, sourceRecords: ingested.sourceRecords), report: &report).table
            print("\(data): \(report.rowsRead) rows read, \(report.rowsKept) kept")
            input = try WeeklyDistrictInput.extract(table, source: data, covariates: covariates.map { URL(fileURLWithPath: $0) }, seed: seed)
            print(input.note)
        } else {
            input = try WeeklyDistrictInput.syntheticChicago(weeks: quick ? 104 : 156, seed: seed)
            print("synthetic Chicago: \(input.table.count) incidents over \(input.covariates.span.count) weeks")
        }
        let series = try input.series(areas: areas, imageSize: imageSize)
        print("\(series.weekCount) weeks × \(series.districtCount) districts, \(imageSize)×\(imageSize) images, history \(study.history) weeks, last \(study.testWeeks) weeks held out")

        let clock = ContinuousClock.now
        let result = try study.run(series)
        print("trained in \(ContinuousClock.now - clock)\n")
        print(result.scoreTable().text())
        try WeeklyDistrictReport.write(result, index: areas, title: "Chicago CNN-LSTM: next week's crime per community area",
                                       dataNote: input.note, to: URL(fileURLWithPath: out))
        print("Report: \(out)/report.html")
    }
}
