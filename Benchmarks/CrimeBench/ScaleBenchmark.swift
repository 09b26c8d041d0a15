import CrimeCore
import CrimeForecast
import CrimeGeo
import Foundation

/// What each step after ingest costs per incident on a whole city's history, to check that every step
/// grows linearly with the number of rows (run it on 1 M and on 17 M rows and compare the per-incident
/// figures).
///
/// The file is ingested and cleaned once (as ``IngestBenchmark``), then each step is timed on its own
/// with ``StepMeter`` (seconds, ns per incident, peak resident growth per incident):
/// - `h3`: the resolution-8 H3 cell of every located row (`H3.latLngToCells` on all cores);
/// - `areas`: every row's community area (`PolygonIndex.ordinals`, the areas read beforehand);
/// - `study_area`: the res-8 cells holding an incident and their neighbours (`StudyArea.select`, as the
///   forecasting commands lay out their cells);
/// - `cube_daily`, `cube_shifts`, `cube_hourly`: `SpaceTimeCube` from the rows' cells over the study
///   area, with daily windows over the whole span, the 28 weekday × shift buckets, and hourly windows
///   (which take the sorting path: more than 2²³ cells × windows);
/// - `forecast_cells`, `forecast_data`, `features`: the count features of the regression forecasters
///   (`gbm`, `forest`): the study area's cells with their geometry, the rows laid on them by week
///   (`ForecastData`), then at each of the last ``origins`` weekly origins the history before it, the
///   training table of the `gbm` forecaster (its default 26 training weeks) and the forecast rows.
///
/// Check sums of every step's output (`check_*`) tell whether a change to the library changed a result.
enum ScaleBenchmark {
    /// The H3 resolution of the cells.
    static let resolution = 8
    /// Weekly forecast origins whose feature matrices are built: a year of them.
    static let origins = 52

    /// Ingests and cleans `path` (a Chicago-schema CSV), then times each step with the community areas
    /// of the shapefile `areas` (EPSG:3435, label property `COMMUNITY`); returns every step's figures.
    static func run(path: String, areas: String) throws -> [String: Double] {
        let polygons = try PolygonIndex(contentsOf: URL(fileURLWithPath: areas), labelProperty: "COMMUNITY", crs: .illinoisEastFeet)
        let (table, ingest) = try IngestBenchmark.ingest(path: path)
        var meter = StepMeter(incidents: table.count)
        meter.record("ingest_clean", seconds: (ingest["ingest_seconds"] ?? 0) + (ingest["clean_seconds"] ?? 0),
                     peakGrowth: Int((ingest["peak_rss_bytes_per_incident"] ?? 0) * Double(table.count)))
        for (key, value) in ingest { meter.note(key, value) }
        meter.notePeak(Int(ingest["peak_rss_bytes"] ?? 0))
        meter.note("ingest_clean_cpu_ns_per_incident", (ingest["cpu_seconds"] ?? 0) * 1e9 / Double(max(table.count, 1)))
        meter.note("uptime_load_1min", Self.loadAverage())

        let cells = try meter.measure("h3") { try Self.h3Cells(table) }
        var check = Checksum()
        for c in cells { check.add(c.rawValue) }
        meter.note("check_h3", check.value)

        let ordinals = meter.measure("areas") { polygons.ordinals(latitudes: table.latitudes, longitudes: table.longitudes) }
        check = Checksum()
        for k in ordinals { check.add(UInt64(bitPattern: Int64(k))) }
        meter.note("check_areas", check.value)
        meter.note("areas_unassigned", Double(ordinals.count { $0 < 0 }))

        let h3 = try H3Grid(resolution: resolution)
        let area = try meter.measure("study_area") {
            try StudyArea.select(of: h3, points: table.latitudes.indices.map(table.location), boundary: nil)
        }
        meter.note("study_area_cells", Double(area.cells.count))

        let zone = table.zone
        let spans = [
            ("cube_daily", try WindowSpan(.sequential(.daily, zone: zone), covering: table.times)),
            ("cube_shifts", try WindowSpan(.dayOfWeekShifts(zone: zone), covering: table.times)),
            ("cube_hourly", try WindowSpan(.sequential(.hourly, zone: zone), covering: table.times)),
        ]
        for (name, span) in spans {
            let cube = try meter.measure(name) {
                try SpaceTimeCube(incidentCells: cells, times: table.times, cells: area.cells, windows: span)
            }
            check = Checksum()
            for (key, count) in zip(cube.keys, cube.counts) {
                check.add(UInt64(bitPattern: key))
                check.add(UInt64(count))
            }
            meter.note("\(name)_windows", Double(span.count))
            meter.note("\(name)_nonzero", Double(cube.nonzeroCount))
            meter.note("\(name)_counted", Double(cube.report.counted))
            meter.note("check_\(name)", check.value)
        }

        let forecastCells = try meter.measure("forecast_cells") { try ForecastCells(index: h3, cells: area.cells) }
        let data = try meter.measure("forecast_data") {
            try ForecastData(table: table, index: h3, cells: forecastCells, windowing: .sequential(.weekly, zone: zone))
        }
        let method = RegressorForecaster.gbm()
        check = Checksum()
        var rows = 0
        let first = max(2, data.windows.count - origins)
        try meter.measure("features") {
            for origin in first..<data.windows.count {
                let history = try data.history(before: origin)
                let training = try method.trainingTable(history)
                let forecast = try method.forecastRows(history)
                rows += training.matrix.rows + forecast.rows
                for v in training.matrix.values { check.add(v) }
                for v in training.targets { check.add(v) }
                for v in forecast.values { check.add(v) }
            }
        }
        meter.note("features_origins", Double(data.windows.count - first))
        meter.note("features_weeks", Double(data.windows.count))
        meter.note("features_rows", Double(rows))
        meter.note("check_features", check.value)
        return withExtendedLifetime((table, cells, ordinals, data)) { meter.results }
    }

    /// The cell of every row (0 for a row without a valid location), the located rows on all cores.
    private static func h3Cells(_ table: IncidentTable) throws -> [CellID] {
        let n = table.count
        var located = [Int]()
        for i in 0..<n where table.location(i).isValid { located.append(i) }
        let lats = located.count == n ? table.latitudes : located.map { table.latitudes[$0] }
        let lngs = located.count == n ? table.longitudes : located.map { table.longitudes[$0] }
        var raw = [UInt64](repeating: 0, count: located.count)
        try lats.withUnsafeBufferPointer { la in
            try lngs.withUnsafeBufferPointer { lo in
                try raw.withUnsafeMutableBufferPointer { out in
                    try H3.latLngToCells(latitudes: la, longitudes: lo, resolution: resolution, into: out)
                }
            }
        }
        var cells = [CellID](repeating: CellID(0), count: n)
        for (k, i) in located.enumerated() { cells[i] = CellID(raw[k]) }
        return cells
    }

    /// The one-minute load average (from `/proc/loadavg`), to read the timings against.
    private static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return -1 }
        return Double(text.split(separator: " ").first ?? "") ?? -1
    }
}
