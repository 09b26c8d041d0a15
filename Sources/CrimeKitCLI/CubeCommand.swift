import ArgumentParser
import CrimeCore
import CrimeGeo
import Foundation

/// `crimekit cube`: an extract's incident counts per cell and window, read in bounded memory.
struct CubeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cube",
        abstract: "Count an extract's incidents per cell and window, streaming the file in bounded memory.",
        discussion: """
        Writes CSV cell,window_start,count for every non-zero cell and window, sorted by cell (H3 index, grid \
        row then column, or area in file order), then window. Cells are written as `crimekit h3 cells` and \
        `crimekit areas assign` print them (H3 hex, r07c12, the area's label); window_start is the local start: \
        YYYY-MM-DD for day and week (weeks start on Monday), YYYY-MM-DDTHH:MM for shift (12-hour windows from \
        local midnight and noon). Cleaning is ingest's default (duplicate ids dropped, a midnight spike \
        flagged), with ingest's --since, --until, --bbox and --keep-duplicates; rows outside the index are \
        dropped as out_of_bounds. Memory grows only with the distinct ids (an 8-byte hash each, none with \
        --keep-duplicates) and the non-zero counts, never with the rows. Prints the ingest report, then \
        cells, windows, entries and seconds.
        """
    )

    @Option(name: .long, help: "The extract: CSV (streamed), or GeoJSON (.geojson/.json, read whole) for lvmpd.")
    var data: String

    @Option(name: .long, help: "Schema preset (chicago, lapd, nypd, philadelphia, baltimore, lvmpd) or a column-mapping JSON file.")
    var schema: String

    @Option(name: .long, help: "Cells: h3:RES, grid:METRES (over the kept rows' extent; reads the file twice) or areas:FILE:PROP.")
    var index = "h3:8"

    @Option(name: .long, help: "Window length: day, week (from Monday) or shift (12 hours from local midnight and noon).")
    var window = "day"

    @Option(name: .long, help: "The CSV file to write.")
    var out: String

    @OptionGroup var cleaning: CleaningFlags

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        _ = try IndexOption(index)
        _ = try WindowOption.frequency(window)
        _ = try cleaning.options(file: data)
    }

    func run() throws {
        let started = Date()
        let choice = try IndexOption(index)
        let builder = StreamingCubeBuilder(schema: try IngestSchema.resolve(schema), frequency: try WindowOption.frequency(window),
                                           cleaning: try cleaning.options(file: data))
        let url = URL(fileURLWithPath: data)
        let line = progress.line()
        defer { line.finish() }
        let spatial: any SpatialIndex
        switch choice {
        case let .h3(resolution):
            spatial = try H3Grid(resolution: resolution)
        case let .areas(file, property):
            spatial = try IndexOption.areas(file: file, property: property)
        case let .grid(side):
            guard let box = try builder.keptExtent(url, progress: line.handler) else {
                throw DataError("\(data): no row was kept, so there is no extent to lay a grid over")
            }
            spatial = try RegularGrid(covering: box, side: side)
        }
        let cube = try builder.build(url, index: spatial, progress: line.handler)
        if cube.report.rowsKept > 0 { try cube.writeCSV(to: URL(fileURLWithPath: out), index: spatial) }
        let summary = CubeSummary(cube: cube, seconds: Date().timeIntervalSince(started))
        if json {
            try JSONOutput.print(summary)
        } else {
            print(summary.csvLines.joined(separator: "\n"))
        }
        guard cube.report.rowsKept > 0 else {
            FileHandle.standardError.write(Data("Error: \(data): no row was kept (\(cube.report.rowsRead) read); see the drops above; \(out) was not written\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// What `crimekit cube` prints: the ingest report (as `crimekit ingest` prints it) and the cube's size.
struct CubeSummary: Encodable {
    var report: IngestSummary
    var rowsRead: Int
    var rowsKept: Int
    var cells: Int
    var windows: Int
    var entries: Int
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case report, rowsRead = "rows_read", rowsKept = "rows_kept", cells, windows, entries, seconds
    }

    init(cube: StreamingCube, seconds: Double) {
        report = IngestSummary(report: cube.report, absentColumns: cube.absentColumns, spike: cube.midnightSpike,
                               timeSpan: cube.timeSpan, zone: cube.windowing.zone, categoryCounts: cube.categoryCounts,
                               otherOffenses: cube.otherOffenses)
        rowsRead = cube.report.rowsRead
        rowsKept = cube.report.rowsKept
        cells = cube.cells.count
        windows = cube.windowCount
        entries = cube.entryCount
        self.seconds = (seconds * 1000).rounded() / 1000
    }

    /// The ingest report's `key,value` lines, then `cells`, `windows`, `entries` and `seconds`.
    var csvLines: [String] {
        report.csvLines + ["cells,\(cells)", "windows,\(windows)", "entries,\(entries)", "seconds,\(seconds)"]
    }
}
