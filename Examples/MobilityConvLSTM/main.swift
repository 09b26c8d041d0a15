import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeGeo
import Foundation
import CrimeSynthetic
import CrimeStudies

/// The mobility study: probability of at least one crime per 0.2 km² cell 12 hours ahead, from
/// 14-day and 2-day histories of crime, footfall and sociodemographic layers on 16 × 16 tiles;
/// a ConvLSTM against an LSTM, a random forest, logistic regression and the historical rate.
///
/// With no arguments it runs on the built-in synthetic city with synthetic footfall and census layers
/// that carry real signal; `--data FILE --schema NAME` runs the crime-only channel set on a downloaded
/// extract (see the MobilityConvLSTM article in Docs/).
@main
struct MobilityConvLSTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "MobilityConvLSTM", abstract: "Fine-grained crime forecasting with mobility: ConvLSTM against baselines.")

    @Option(name: .long, help: "An incident extract (CSV); default: the built-in synthetic city.")
    var data: String?
    @Option(name: .long, help: "The extract's schema: a preset (chicago, lvmpd, …) or a column-mapping JSON file.")
    var schema = "chicago"
    @Option(name: .long, help: "Days of data to use (default: 60, or 40 with --quick).")
    var days: Int?
    @Option(name: .long, help: "Folder for the report.")
    var out = "mobility-convlstm"
    @Flag(name: .long, help: "A small, fast run of the same pipeline (one tile, short period, tiny networks).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        let side = RegularGrid.side(forAreaSquareKilometres: 0.2)
        let period = days ?? (quick ? 40 : 60)
        guard period >= 4 else { throw ValidationError("--days must be at least 4, got \(period)") }
        var study = MobilityStudy()
        (study.seed, study.trainStride, study.epochs) = (seed, 3, 3)
        if quick {
            (study.convHidden, study.lstmHidden, study.trainStride) = ([4, 4, 4], 8, 2)
            (study.lstmTrainingCells, study.tabularTrainingRows, study.trees) = (2_000, 5_000, 20)
        }
        let grid: RegularGrid, layers: MobilityLayers
        var notes: [String] = []
        if let data {
            let ingested = try IncidentReader.read(URL(fileURLWithPath: data), schema: try IngestSchema.resolve(schema))
            var report = ingested.report
            let table = ingested.table.cleaned(options: CleaningOptions(file: data), report: &report).table
            guard let span = table.timeSpan, let box = Self.box(of: table) else { throw ValidationError("\(data): no incidents with a time and a location") }
            print("\(data): \(report.rowsRead) rows read, \(report.rowsKept) kept")
            grid = try MobilityGrid.wholeTiles(covering: box, side: side)
            let windows = try WindowSpan(.sequential(.halfDay, zone: table.zone), from: span.lowerBound,
                                         until: min(span.upperBound + 1, span.lowerBound + Int64(period) * 86_400))
            layers = try MobilityLayers(cube: try SpaceTimeCube(table: table, index: grid, cells: grid.allCells, windows: windows), grid: grid)
            study.channelSets = [.crime]
            notes.append("Real extract \(data): crime channel only; footfall and census layers are not part of a crime portal's download.")
        } else {
            var config = SyntheticCityConfig()
            (config.seed, config.days, config.dirt) = (seed, period, .none)
            let city = try SyntheticCity(config: config)
            let box = quick ? Self.centralBox(of: city.bounds, share: 0.45) : city.bounds
            grid = try MobilityGrid.wholeTiles(covering: box, side: side)
            let windows = try WindowSpan(.sequential(.halfDay, zone: city.zone), from: city.interval.lowerBound, until: city.interval.upperBound)
            let cube = try SpaceTimeCube(table: city.incidentTable(), index: grid, cells: grid.allCells, windows: windows)
            layers = try MobilityLayers.synthetic(city: city, grid: grid, cube: cube, seed: seed &+ 100)
            print("synthetic city: \(cube.total) incidents on the grid over \(period) days")
            notes.append("Synthetic city (seed \(seed)): footfall follows the true background intensity with log-normal noise; census layers follow the base rate with noise.")
        }
        let tiles = try grid.tiles(size: 16)
        guard !tiles.isEmpty else { throw MobilityError.noTiles(rows: grid.rows, columns: grid.columns, size: 16) }
        print("\(grid.rows)×\(grid.columns) cells of \(String(format: "%.0f", side)) m, \(tiles.count) tiles, \(layers.windows) windows of 12 h; "
              + String(format: "%.1f%% of cell-windows have an incident\n", 100 * layers.positiveRate))
        let start = ContinuousClock.now
        let result = try study.run(layers, tiles: tiles) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        print("\nTest scores (thresholds chosen on validation; \(result.sampleCounts.test) test maps):")
        print(result.table().text())
        let url = try MobilityReport.write(result, grid: grid, tiles: tiles, title: "Fine-grained crime forecasting with mobility",
                                           notes: notes, to: URL(fileURLWithPath: out))
        print("Finished in \(start.duration(to: .now)). Report: \(url.path); table: \(out)/scores.csv")
    }

    /// The bounding box of a table's locations.
    static func box(of table: IncidentTable) -> BoundingBox? {
        let lats = table.latitudes.filter(\.isFinite), lngs = table.longitudes.filter(\.isFinite)
        guard let a = lats.min(), let b = lats.max(), let c = lngs.min(), let d = lngs.max(), a < b, c < d else { return nil }
        return BoundingBox(minLatitude: a, minLongitude: c, maxLatitude: b, maxLongitude: d)
    }

    /// The central part of a box, `share` of its width and height.
    static func centralBox(of box: BoundingBox, share: Double) -> BoundingBox {
        let dLat = (box.maxLatitude - box.minLatitude) * share / 2, dLng = (box.maxLongitude - box.minLongitude) * share / 2
        let lat = (box.minLatitude + box.maxLatitude) / 2, lng = (box.minLongitude + box.maxLongitude) / 2
        return BoundingBox(minLatitude: lat - dLat, minLongitude: lng - dLng, maxLatitude: lat + dLat, maxLongitude: lng + dLng)
    }
}
