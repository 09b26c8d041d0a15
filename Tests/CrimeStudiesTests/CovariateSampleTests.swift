import Foundation
import Testing
import CrimeCore
import CrimeGeo
import CrimeStudies

/// The examples' real-data input paths on their committed samples (`Examples/*/data/`, made by each
/// folder's `make_samples.py`; the expected numbers are the ones that script prints or facts of how it
/// builds the files).
@Suite struct CovariateSampleTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    /// A Chicago-schema extract read and cleaned as the examples read it.
    static func extract(_ url: URL) throws -> IncidentTable {
        let ingested = try IncidentReader.read(url, schema: .chicago)
        var report = ingested.report
        return ingested.table.cleaned(options: CleaningOptions(file: url.path), report: &report).table
    }

    @Test func mobilityExtractWithFootfallAndTracts() throws {
        let folder = Self.examples.appendingPathComponent("MobilityConvLSTM/data")
        let crimes = folder.appendingPathComponent("crimes.csv")
        let fields = ["population_density", "poverty_rate", "median_income"]
        let input = try MobilityInput.extract(try Self.extract(crimes), days: 30, source: crimes.path,
                                              footfall: folder.appendingPathComponent("footfall.csv"),
                                              census: folder.appendingPathComponent("tracts.geojson"), censusFields: fields)
        let layers = input.layers
        // A 5.82 km square (13.0 cells of 447.2 m) grown to one whole 16 × 16 tile; 30 days of 12-hour windows.
        #expect(input.grid.rows == 16 && input.grid.columns == 16)
        #expect(layers.windows == 60)
        #expect(input.incidents == 1_200)
        #expect(input.channelSets == MobilityChannelSet.allCases)
        // The script's totals: 246 700 counted over the 30 days, 2 110 in the first window (the 06:00 reports of 2024-03-04).
        let footfall = try #require(layers.mobility)
        #expect(footfall.reduce(0.0) { $0 + Double($1) } == 246_700)
        #expect(footfall[0..<256].reduce(0.0) { $0 + Double($1) } == 2_110)
        #expect(layers.censusNames == fields)
        // Tract values at the cells holding three tract centres (the cells' centres lie within a quarter
        // of a cell of the tracts' centres, well inside the 1.46 km tracts).
        for (lat, lon, values) in [(41.86035, -87.67633, [4_742, 0.334, 76_800]), (41.87345, -87.64123, [2_450, 0.277, 92_900]),
                                   (41.89965, -87.62368, [6_203, 0.314, 116_400])] {
            let cell = try #require(input.grid.cell(containing: GeoPoint(latitude: lat, longitude: lon)))
            let k = cell.row * 16 + cell.column
            for (l, value) in values.enumerated() { #expect(abs(Double(layers.census[l * 256 + k]) - value) <= value * 1e-6) }
        }
        // The tracts tile the crimes' bounding box (two incidents mark its corners), 13.0 cells each way, so
        // they reach ±6.5 cells from its centre. MobilityGrid grows the box about that centre to 15.5 cells
        // and the grid then starts there: it runs from −7.75 to +8.25 cells, and cell k's centre sits at
        // k + 0.5 − 7.75. Centres within ±6.5 are k = 1…13, so 13 × 13 cells are covered and 87 are not.
        let census = try MobilityCensus.read(folder.appendingPathComponent("tracts.geojson"), fields: fields, grid: input.grid)
        #expect(census.cellsOutside == 256 - 13 * 13)
        #expect(input.notes.count == 3)
        #expect(input.notes[1].contains("1445 rows, of which 2 outside the grid and 3 outside the period"))
    }

    @Test func mobilityExtractWithoutLayersSaysTheyAreAbsent() throws {
        let crimes = Self.examples.appendingPathComponent("MobilityConvLSTM/data/crimes.csv")
        let input = try MobilityInput.extract(try Self.extract(crimes), days: 30, source: crimes.path)
        #expect(input.channelSets == [.crime])
        #expect(input.layers.mobility == nil && input.layers.censusNames.isEmpty)
        #expect(input.notes.filter { $0.contains("absent") }.count == 2)
        #expect(throws: MobilityError.self) {
            try MobilityInput.extract(try Self.extract(crimes), days: 30, source: crimes.path, censusFields: ["population_density"])
        }
    }

    @Test func chicagoExtractWithWeeklySeries() throws {
        let folder = Self.examples.appendingPathComponent("ChicagoCNNLSTM/data")
        let crimes = folder.appendingPathComponent("crimes.csv")
        let input = try WeeklyDistrictInput.extract(try Self.extract(crimes), source: crimes.path,
                                                    covariates: folder.appendingPathComponent("covariates.csv"), seed: 1)
        // 66 whole weeks, 2023-01-02 to 2024-04-07; the file's rows for 2022-12-26 and 2024-04-08 are not used.
        #expect(input.covariates.span.count == 66)
        #expect(input.covariates.rowsOutside == 2)
        #expect(input.covariates.names == ["temperature_c", "precipitation_mm", "unemployment_rate"])
        #expect(Array(input.covariates.values.prefix(3)) == [-4.4, 31.8, 4.58])
        #expect(Array(input.covariates.values.suffix(3)) == [7.1, 1.6, 4.44])
        let areas = try PolygonIndex(contentsOf: folder.appendingPathComponent("Chicago77.shp"), labelProperty: "COMMUNITY",
                                     crs: try CoordinateReferenceSystem(epsg: 3435))
        let series = try input.series(areas: areas, imageSize: 16)
        #expect(series.weekCount == 66 && series.districtCount == 77 && series.featureCount == 3)
        // ISO week labels: 2023-01-02 starts week 1 of 2023, 2024-04-01 week 14 of 2024.
        #expect(series.weekLabels.first == "2023-W01" && series.weekLabels.last == "2024-W14")
        #expect(Array(series.features.prefix(3)) == [-4.4, 31.8, 4.58])
        // Every incident lies inside the areas' bounding box, so the images hold all 1 386 (log1p counts).
        let imaged = series.images.reduce(0.0) { $0 + Double(expm1($1)) }
        #expect(abs(imaged - 1_386) < 0.01)
        #expect(input.note.contains("real, from \(folder.appendingPathComponent("covariates.csv").path)"))
    }

    @Test func chicagoExtractWithoutSeriesSaysTheyAreAbsent() throws {
        let crimes = Self.examples.appendingPathComponent("ChicagoCNNLSTM/data/crimes.csv")
        let input = try WeeklyDistrictInput.extract(try Self.extract(crimes), source: crimes.path, seed: 1)
        #expect(input.covariates.span.count == 66)
        #expect(input.covariates.names == ["temperature_c", "unemployment_pct"])
        #expect(input.note.contains("Weekly series: absent"))
    }
}
