import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation

/// `crimekit demo`: the pipeline end to end on the built-in synthetic city.
///
/// Simulates a year of the synthetic city, writes it as a City of Chicago extract, reads it back through
/// the real ingest path, cleans it, and aggregates it into a space-time cube of 0.2 km² grid cells ×
/// weekday-and-shift buckets. Writes the extract, the manifest, the cleaning report, the cube's counts,
/// a summary and an SVG map into the output folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the hot-spot pipeline end to end on the built-in synthetic city."
    )

    @Option(name: .long, help: "Folder for the outputs.")
    var out: String = "crimekit-demo"

    @Option(name: .long, help: "Random seed of the synthetic city.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Number of days to simulate.")
    var days: Int = 365

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        var config = SyntheticCityConfig()
        config.seed = seed
        config.days = days
        let city = try SyntheticCity(config: config)
        let manifest = try city.writeChicagoExtract(to: path("synthetic-chicago.csv"))
        print("synthetic city: \(manifest.events) events (\(manifest.offspring) near-repeats), \(manifest.rowsWritten) rows written")

        let result = try IncidentReader.read(path: path("synthetic-chicago.csv"), schema: .chicago)
        var report = result.report
        let (table, spike) = result.table.cleaned(options: CleaningOptions(file: path("synthetic-chicago.csv")), report: &report)
        let drops = report.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print("ingest + clean: \(report.rowsRead) read, \(report.rowsKept) kept, dropped: \(drops.isEmpty ? "none" : drops)")
        print("midnight spike: \(spike.atMidnight) stamped 00:00:00 against a baseline of \(spike.baseline) per hour mark"
              + (spike.isSignificant ? " — flagged \(report.changed["midnight_flagged"] ?? 0) rows" : " — not significant"))

        // A margin of about 200 m keeps the city's corners inside the grid's plane.
        let b = city.bounds
        let box = BoundingBox(minLatitude: b.minLatitude - 0.002, minLongitude: b.minLongitude - 0.0025,
                              maxLatitude: b.maxLatitude + 0.002, maxLongitude: b.maxLongitude + 0.0025)
        let grid = try RegularGrid(covering: box, side: RegularGrid.side(forAreaSquareKilometres: 0.2))
        let scheme = try ShiftScheme([(name: "Late Night", startHour: 22), (name: "Morning", startHour: 6),
                                      (name: "Afternoon", startHour: 12), (name: "Evening", startHour: 18)])
        let windows = try WindowSpan(.dayOfWeekShifts(scheme, zone: table.zone), covering: table.times)
        let cube = try SpaceTimeCube(table: table, index: grid, cells: grid.allCells, windows: windows)
        let summary = try CubeSummary(cube: cube, grid: grid)
        print("cube: \(summary.cells) cells of 0.2 km² × \(summary.buckets) weekday-shift buckets, \(summary.counted) incidents, \(summary.emptyCells) empty cells")
        print("busiest: " + summary.busiestBuckets.map { "\($0.label) (\($0.incidents))" }.joined(separator: ", "))
        print(String(format: "weekend late nights carry %.2f× the incidents of weekday mornings", summary.weekendLateNightOverWeekdayMorning))
        print("hottest cell: \(summary.hottestCells.first.map { "\($0.label) (\($0.incidents))" } ?? "none")")

        try write(manifest, to: path("manifest.json"))
        try write(report, to: path("cleaning-report.json"))
        try write(summary, to: path("cube-summary.json"))
        try cubeCSV(cube, grid: grid).write(toFile: path("cube-counts.csv"), atomically: true, encoding: .utf8)
        try GridHeatMap(cube: cube, grid: grid, title: "Synthetic city: incidents per 0.2 km² cell, \(days) days")
            .svg.write(toFile: path("map.svg"), atomically: true, encoding: .utf8)
        print("outputs in \(folder.path): synthetic-chicago.csv, manifest.json, cleaning-report.json, cube-summary.json, cube-counts.csv, map.svg")
    }

    private func write(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// `cell,label,bucket,count` for every non-empty (cell, bucket).
    private func cubeCSV(_ cube: SpaceTimeCube, grid: RegularGrid) -> String {
        let labels = cube.windows.labels
        var lines = ["cell,label,bucket,count"]
        for c in 0..<cube.cellCount {
            for w in 0..<cube.windowCount {
                let n = cube.count(cell: c, window: w)
                if n > 0 { lines.append("\(cube.cells[c]),\(grid.label(of: cube.cells[c])),\(labels[w]),\(n)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
