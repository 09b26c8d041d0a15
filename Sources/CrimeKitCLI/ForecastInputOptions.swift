import ArgumentParser
import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeSynthetic
import Foundation

/// The data, cells and windows of `crimekit backtest` and `crimekit forecast`: a portal extract or the
/// synthetic city simulated in process, a spatial index, and a window length.
struct ForecastInputOptions: ParsableArguments {
    @Option(name: .long, help: "An incident extract (CSV, or GeoJSON for lvmpd).")
    var data: String?

    @Option(name: .long, help: "The extract's schema: a preset (chicago, lapd, nypd, philadelphia, baltimore, lvmpd) or a column-mapping JSON file.")
    var schema: String?

    @Flag(name: .long, help: "Simulate the synthetic city in process (the city `crimekit synth --seed S --days N` writes, without its dirt).")
    var synthetic = false

    @Option(name: .long, help: "Seed of the synthetic city.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Days of the synthetic city (default 728, the demo's two years).")
    var days: Int = 728

    @Option(name: .long, help: "Branching ratio of the synthetic city's near-repeat triggering (expected offspring per event, 0 to 0.9).")
    var branchingRatio: Double = 0.3

    @Option(name: .long, help: "Flare-ups of the synthetic city: off, or drifting (about four a month, 3 to 7 weeks long, moving 150 m a day).")
    var flares = "off"

    @Option(name: .long, help: "Cells: h3:RES, grid:METRES or areas:FILE:PROP (GeoJSON or shapefile polygons, labelled by PROP).")
    var index = "h3:8"

    @Option(name: .long, help: "Window length: day, week or shift (12-hour windows).")
    var window = "week"

    @Option(name: .long, help: "The study area (GeoJSON or shapefile polygons, e.g. the city limits): keep the cells whose centre lies inside. Default: the cells holding an incident and their neighbours.")
    var boundary: String?

    @Option(name: .long, help: "EPSG code of --boundary when the file does not say.")
    var boundaryEPSG: Int?

    /// The largest synthetic city the commands simulate, in days.
    static let maximumDays = 3_650

    func validate() throws {
        switch (data, synthetic) {
        case (nil, false): throw ValidationError("give --data FILE --schema NAME, or --synthetic")
        case (.some, true): throw ValidationError("--data and --synthetic exclude each other")
        case (.some, false) where schema == nil: throw ValidationError("--data needs --schema (a preset or a mapping JSON file)")
        default: break
        }
        guard (28...Self.maximumDays).contains(days) else {
            throw ValidationError("--days must lie in 28...\(Self.maximumDays), got \(days)")
        }
        guard branchingRatio.isFinite, (0...0.9).contains(branchingRatio) else {
            throw ValidationError("--branching-ratio must lie between 0 and 0.9, got \(branchingRatio)")
        }
        guard ["off", "drifting"].contains(flares) else { throw ValidationError("--flares must be off or drifting, got '\(flares)'") }
        if data != nil && (branchingRatio != 0.3 || flares != "off") {
            throw ValidationError("--branching-ratio and --flares describe the synthetic city; they need --synthetic")
        }
    }

    /// The incidents, the synthetic city when simulated, and where they came from; `progress` hears the ingest.
    func table(progress: ProgressHandler?) throws -> (table: IncidentTable, city: SyntheticCity?, source: String) {
        if let data {
            let url = URL(fileURLWithPath: data)
            var read = try IncidentReader.read(url, schema: try IngestSchema.resolve(schema ?? ""), progress: progress)
            read.table.clean(options: CleaningOptions(file: data, sourceRecords: read.sourceRecords), report: &read.report)
            guard !read.table.isEmpty else { throw DataError("\(data): no row was kept after cleaning") }
            return (read.table, nil, data)
        }
        var config = SyntheticCityConfig()
        config.seed = seed
        config.days = days
        config.branchingRatio = branchingRatio
        config.flares = flares == "drifting" ? .drifting : .off
        let city = try SyntheticCity(config: config)
        let variant = (branchingRatio == 0.3 ? "" : ", branching ratio \(branchingRatio)") + (flares == "off" ? "" : ", drifting flares")
        return (city.incidentTable(), city, "synthetic city (seed \(seed), \(days) days\(variant))")
    }

    /// The windowing of `--window` in the data's zone.
    func windowing(zone: ZoneClock) throws -> TimeWindowing {
        .sequential(try WindowOption.frequency(window), zone: zone)
    }

    /// The most cells a forecasting command lays out.
    static let maximumCells = 250_000

    /// The index of `--index` and its cells: the study area of ``studyArea(_:table:)`` for H3 and grids
    /// (nil for polygon areas, which are all kept).
    func cells(for table: IncidentTable) throws -> (index: any SpatialIndex, cells: [CellID], studyArea: StudyAreaSelection?) {
        switch try IndexOption(index) {
        case let .h3(res):
            let h3 = try H3Grid(resolution: res)
            let box = try Self.extent(of: table)
            let centre = GeoPoint(latitude: (box.minLatitude + box.maxLatitude) / 2, longitude: (box.minLongitude + box.maxLongitude) / 2)
            if let cell = h3.cell(containing: centre) {
                try Self.checkCellCount(box.squareMetres / (try H3.cellAreaM2(H3Index(cell))))
            }
            let area = try studyArea(h3, table: table)
            return (h3, area.cells, area)
        case let .grid(side):
            let box = try Self.extent(of: table)
            try Self.checkCellCount(box.squareMetres / (side * side))
            let grid = try RegularGrid(covering: box, side: side)
            let area = try studyArea(grid, table: table)
            return (grid, area.cells, area)
        case let .areas(file, property):
            let areas = try PolygonIndex(contentsOf: URL(fileURLWithPath: file), labelProperty: property, crs: nil)
            return (areas, areas.allCells, nil)
        }
    }

    /// The study area of `--boundary` and `--boundary-epsg` (``studyArea(_:table:boundary:boundaryEPSG:)``).
    func studyArea(_ index: some SpatialIndex, table: IncidentTable) throws -> StudyAreaSelection {
        try Self.studyArea(index, table: table, boundary: boundary, boundaryEPSG: boundaryEPSG)
    }

    /// The cells of the study area: inside the boundary file when there is one (its CRS from the file, else
    /// `boundaryEPSG`), else those holding an incident of the table and their neighbours (`StudyArea`),
    /// never the bare bounding box. `crimekit demo` lays its cells by the same rule.
    static func studyArea(_ index: some SpatialIndex, table: IncidentTable, boundary: String?, boundaryEPSG: Int?) throws -> StudyAreaSelection {
        let crs = try boundaryEPSG.map { try CoordinateReferenceSystem(epsg: $0) }
        let polygons = try boundary.map { try StudyArea.boundary(contentsOf: URL(fileURLWithPath: $0), crs: crs) }
        return try StudyArea.select(of: index, points: table.latitudes.indices.map(table.location), boundary: polygons)
    }

    /// Refuses an extent that would need more than ``maximumCells`` cells (an outlying point far from the
    /// city, or a resolution too fine for the area), before any cell is laid out.
    static func checkCellCount(_ estimate: Double) throws {
        guard estimate <= Double(maximumCells) else {
            throw ValidationError(String(format: "the incidents' extent needs about %.0f cells of this --index (at most %d): choose a coarser index or remove incidents far outside the city", estimate, maximumCells))
        }
    }

    /// The bounding box of the located incidents.
    static func extent(of table: IncidentTable) throws -> BoundingBox {
        guard let box = BoundingBox(enclosing: table.latitudes.indices.lazy.map(table.location).filter { $0.latitude.isFinite && $0.longitude.isFinite }) else {
            throw DataError("the data has no located incident")
        }
        return box
    }

    /// Everything a backtest or forecast needs, laid out once; `progress` hears the ingest.
    func prepare(progress: ProgressHandler?) throws -> PreparedForecastInput {
        let (table, city, source) = try table(progress: progress)
        let (index, cellIDs, studyArea) = try cells(for: table)
        let cells = try ForecastCells(index: index, cells: cellIDs)
        let windowing = try windowing(zone: table.zone)
        let data = try ForecastData(table: table, index: index, cells: cells, windowing: windowing)
        return PreparedForecastInput(data: data, city: city, source: source, index: index, studyArea: studyArea)
    }
}

/// The laid-out input of a forecasting command.
struct PreparedForecastInput {
    let data: ForecastData
    let city: SyntheticCity?
    let source: String
    let index: any SpatialIndex
    let studyArea: StudyAreaSelection?
}
