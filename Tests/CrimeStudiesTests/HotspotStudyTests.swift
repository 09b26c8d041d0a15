import CrimeCore
import CrimeEval
import CrimeGeo
import CrimeModels
import Foundation
import Testing
import CrimeSynthetic
import CrimeStudies

@Suite("Hot-spot study pipeline")
struct HotspotStudyTests {
    let grid: RegularGrid
    let data: HotspotData
    let a: Int, b: Int

    /// A 3 × 2 grid of 1 km cells; a handful of incidents at two cells' centres in two fortnights.
    init() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.82, maxLongitude: -87.68), side: 1000)
        self.grid = grid
        let cells = grid.allCells
        let cellA = cells[0], cellB = cells[cells.count - 1]
        func at(_ cell: CellID, _ day: String, _ hour: Int) throws -> Incident {
            let t = try LocalDay(day).start(in: .utc) + Int64(hour * 3600)
            return Incident(id: "\(day)-\(hour)-\(cell)", time: t, location: try grid.center(of: cell),
                            category: .theft, offense: "THEFT")
        }
        let incidents = [
            try at(cellA, "2024-01-06", 20), try at(cellA, "2024-01-06", 21), try at(cellA, "2024-01-07", 2),  // Sat Night ×3
            try at(cellA, "2024-01-01", 8),                                                                      // Mon Day
            try at(cellB, "2024-01-13", 23),                                                                     // Sat Night
            try at(cellA, "2024-01-20", 19), try at(cellA, "2024-01-20", 22),                                    // test: Sat Night ×2
            try at(cellB, "2024-01-15", 9),                                                                      // test: Mon Day
            try at(cellB, "2024-02-10", 9),                                                                      // outside both periods
        ]
        let table = IncidentTable(zone: .utc, incidents: incidents)
        let scheme = try ShiftScheme([(name: "Day", startHour: 6), (name: "Night", startHour: 18)])
        data = try HotspotData(table: table, index: grid, cells: cells, scheme: scheme,
                               trainDays: try LocalDay("2024-01-01")..<LocalDay("2024-01-15"),
                               testDays: try LocalDay("2024-01-15")..<LocalDay("2024-01-29"))
        a = 0
        b = cells.count - 1
    }

    @Test func countsPerCellAndBucketKeepEmptyCells() throws {
        #expect(data.cells.count == 6)
        #expect(data.buckets.count == 14)
        let saturdayNight = try data.bucket(named: "Saturday Night")
        #expect(saturdayNight == 11)
        #expect(data.train[a * 14 + 11] == 3)
        #expect(data.train[a * 14 + 0] == 1)
        #expect(data.train[b * 14 + 11] == 1)
        #expect(data.train.reduce(0, +) == 5)
        #expect(data.test[a * 14 + 11] == 2)
        #expect(data.test[b * 14 + 0] == 1)
        #expect(data.test.reduce(0, +) == 3)
        #expect(throws: HotspotError.self) { try data.bucket(named: "Caturday") }
    }

    @Test func featuresComeFromGeometryCalendarAndTrainingOnly() {
        let features = data.features()
        let x = features.matrix, names = features.names
        #expect(names == ["east_km", "north_km", "weekday", "shift", "weekend", "neighbor_mean_train",
                          "cell_other_buckets_train", "bucket_other_cells_train", "margin_expectation_train"])
        #expect(x.rows == 84)
        // Row of cell a, Saturday Night: weekday 5, shift 1, weekend; a's queen neighbours (r0c1, r1c0,
        // r1c1) had no Saturday Night incidents in training.
        let row = a * 14 + 11
        #expect(x[row, 2] == 5 && x[row, 3] == 1 && x[row, 4] == 1 && x[row, 5] == 0)
        // Cell a holds 3 Saturday Night + 1 Monday Day incidents; Saturday Night holds 3 + 1 (cell b).
        #expect(x[row, 6] == 1 && x[row, 7] == 1)
        #expect(x[row, 8] == 1.0 * 1 / 2)      // (4 − 3) × (4 − 3) ÷ (5 − 3)
        // Cells are 1 km apart east-west.
        #expect(abs((x[14, 0] - x[0, 0]) - 1) < 1e-9)
    }

    @Test func baselinesByHand() throws {
        let share = try data.forecast(.margins(period: 14))
        // Bucket totals 1 (Monday Day) and 4 (Saturday Night) of 5; cell a holds 4, cell b 1.
        #expect(abs(share[a * 14 + 11] - 3.2) < 1e-12)
        #expect(abs(share[a * 14 + 0] - 0.8) < 1e-12)
        #expect(abs(share[b * 14 + 11] - 0.8) < 1e-12)
        #expect(abs(share[b * 14 + 0] - 0.2) < 1e-12)
        let smooth = try data.forecast(.neighborhoodMean(of: .seasonalNaive(period: 14)))
        #expect(abs(smooth[a * 14 + 11] - 0.75) < 1e-12)      // (3 + 0 + 0 + 0) / 4
        #expect(try data.forecast(.seasonalNaive(period: 14)) == data.train)
    }

    @Test func studyScoresModelsBesideBaselines() throws {
        let result = try HotspotStudy.run(data, models: [HotspotModel(name: "mean", MeanRegressor())])
        #expect(result.scores.map(\.model) == ["mean"] + HotspotStudy.baselines(buckets: 14).map(\.name))
        let m = 5.0 / 84
        let mean = try #require(result.scores.first?.regression)
        #expect(abs(mean.mae - (3 + 80 * m) / 84) < 1e-12)
        #expect(result.bestModel == "mean")
        let residuals = try result.cellResiduals(of: "mean")
        #expect(abs(residuals[a] - (2 - 14 * m)) < 1e-12)
        #expect(throws: HotspotError.noModels) { try HotspotStudy.run(data, models: []) }
    }

    /// Hit rate, PAI and PEI at 5 % of six equal cells: one cell (1/6 of the area) per bucket, 14
    /// buckets. The test period holds 2 incidents in cell a on Saturday Night and 1 in cell b on
    /// Monday Day; the best single cell of those buckets holds 2 and 1, so 3 are capturable.
    /// The constant forecast flags cell a (the lower index) everywhere: 2 of 3, PAI (2/3) ÷ (1/6) = 4,
    /// PEI 2/3. A forecast equal to the test counts flags a and b there: 3 of 3, PAI 6, PEI 1.
    @Test func hitRatePAIAndPEIByHand() throws {
        let result = try HotspotStudy.run(data, models: [HotspotModel(name: "mean", MeanRegressor()),
                                                         HotspotModel(name: "truth", Fixed(values: data.test))])
        let mean = try #require(result.scores[0].hotspot), truth = try #require(result.scores[1].hotspot)
        #expect(mean.cellsFlagged == 14 && abs(mean.areaFraction - 1.0 / 6) < 1e-12 && mean.requestedFraction == 0.05)
        #expect(abs(mean.hitRate - 2.0 / 3) < 1e-12 && abs(mean.pai - 4) < 1e-12 && abs(mean.pei - 2.0 / 3) < 1e-12)
        #expect(abs(truth.hitRate - 1) < 1e-12 && abs(truth.pai - 6) < 1e-12 && abs(truth.pei - 1) < 1e-12)
        let table = result.scoreTable()
        #expect(table.columns == ["model", "MAE", "RMSE", "R2", "hit rate 5%", "PAI 5%", "PEI 5%"])
        #expect(table.rows[0].suffix(3) == ["0.667", "4.00", "0.667"])
    }

    @Test func reportWritesEveryFile() throws {
        let result = try HotspotStudy.run(data, models: [HotspotModel(name: "mean", MeanRegressor())])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-hotspot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = HotspotReportOptions(queries: ["Saturday Night"], patrolCells: 2,
                                           baselineBuckets: ["Monday Day", "Tuesday Day"],
                                           focusBuckets: ["Friday Night", "Saturday Night"])
        let summary = try HotspotReport.write(result, index: grid, options: options, title: "Test study", to: folder)
        for file in summary.files {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
        #expect(summary.files.contains("patrol-saturday-night.geojson"))
        #expect(summary.plans.first?.cells == 2)
        // A constant forecast loads every bucket equally.
        #expect(abs(summary.focusRatio - 1) < 1e-12)
        // Observed: Saturday Night 2 and Friday Night 0 against Monday Day 1 and Tuesday Day 0 (mean 0.5).
        #expect(summary.observedFocusRatio == 2)
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("naive: previous period"))
    }
}

/// A regressor that forecasts fixed values whatever it is shown.
private struct Fixed: Regressor {
    let values: [Double]
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { values }
}

@Suite("Hot-spot pipeline on a small synthetic city")
struct HotspotPipelineTests {
    /// Two weeks of the synthetic city, one week to train and one to test, a 3-tree forest: the
    /// pipeline keeps the cells around the training incidents, scores the forest beside the three
    /// baselines, and its counts add up to the incidents inside the cells.
    @Test func smallCityEndToEnd() throws {
        var config = SyntheticCityConfig()
        config.days = 14
        config.dailyRate = 120
        let city = try SyntheticCity(config: config)
        let table = city.incidentTable()
        var pipeline = HotspotPipeline()
        pipeline.weeks = 1
        pipeline.trees = 3
        pipeline.start = try LocalDay(config.start)
        let output = try pipeline.run(table)
        let index = output.index, result = output.result
        #expect(result.scores.map(\.model) == ["random forest"] + HotspotStudy.baselines(buckets: 28).map(\.name))
        #expect(result.data.buckets.count == 28)
        // H3 resolution 8 hexagons average 0.737 km².
        #expect(result.data.areas.allSatisfy { (0.6...0.9).contains($0) })
        let counted = result.data.train.reduce(0, +) + result.data.test.reduce(0, +)
        let inside = table.latitudes.indices.filter {
            index.cell(containing: GeoPoint(latitude: table.latitudes[$0], longitude: table.longitudes[$0]))
                .map(Set(result.data.cells).contains) ?? false
        }.count
        #expect(counted == Double(inside))
        #expect(result.scores.allSatisfy { ($0.regression?.mae.isFinite ?? false) && ($0.regression?.r2.isFinite ?? false) })
        pipeline.weeks = 2
        #expect(throws: HotspotError.self) { try pipeline.run(table) }
    }
}
