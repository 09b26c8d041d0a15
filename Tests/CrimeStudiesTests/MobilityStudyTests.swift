import Foundation
import Testing
import CrimeCore
import CrimeGeo
import CrimeEval
import CrimeSynthetic
@testable import CrimeStudies

/// The whole mobility pipeline at toy scale: synthetic layers on a grid, every model, the report.
@Suite struct MobilityStudyTests {
    @Test func pipelineRunsEndToEndAtToyScale() throws {
        var config = SyntheticCityConfig()
        (config.days, config.rasterSize, config.cellSide, config.seed, config.dirt, config.dailyRate) = (6, 12, 150, 2, .none, 400)
        let city = try SyntheticCity(config: config)
        let grid = try MobilityGrid.wholeTiles(covering: city.bounds, side: 300, tileSize: 4)
        #expect(grid.rows == 8 && grid.columns == 8)
        let windows = try WindowSpan(.sequential(.halfDay, zone: city.zone), from: city.interval.lowerBound, until: city.interval.upperBound)
        let cube = try SpaceTimeCube(table: city.incidentTable(), index: grid, cells: grid.allCells, windows: windows)
        let layers = try MobilityLayers.synthetic(city: city, grid: grid, cube: cube, seed: 4)
        #expect(layers.windows == 12 && layers.crime.reduce(0, +) == Float(cube.total))
        let footfall = try #require(layers.mobility)
        let visits: Double = footfall.reduce(0.0) { $0 + Double($1) }
        let expected: Double = 400 * city.hourlyExpected.reduce(0, +)
        #expect(abs(visits / expected - 1) < 0.1)
        var study = MobilityStudy()
        (study.histories, study.channelSets, study.convHidden, study.lstmHidden, study.epochs) = ([3, 2], [.crime, .all], [2], 2, 1)
        (study.lstmTrainingCells, study.tabularTrainingRows, study.trees) = (200, 400, 5)
        let tiles = try grid.tiles(size: 4)
        let result = try study.run(layers, tiles: tiles)
        // Two histories × (five models on the first set + four on the second).
        #expect(result.runs.count == 18)
        #expect(result.runs.allSatisfy { (0...1).contains($0.score.classification?.confusion.f1 ?? -1) && (0...1).contains($0.score.tolerantF1 ?? -1) })
        #expect(result.runs.filter { $0.model == .convLSTM }.allSatisfy { $0.epochs.count == 1 })
        #expect(result.table().rows.count == 18)
        let map = try #require(result.exampleMap)
        #expect(map.probabilities.count == 16 && map.truth.count == 16)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mobility-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try MobilityReport.write(result, grid: grid, tiles: tiles, title: "toy", to: folder)
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("tolerant F1"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("scores.csv").path))
    }
}
