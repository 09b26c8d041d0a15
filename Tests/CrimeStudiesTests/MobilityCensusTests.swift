import Foundation
import Testing
import CrimeCore
import CrimeGeo
import CrimeStudies

/// Sociodemographic polygons laid on a 2 × 2 grid of 1 km cells by cell centre, checked by hand.
@Suite struct MobilityCensusTests {
    /// Cell centres at about (41.8045, −87.694), (41.8045, −87.682), (41.8135, −87.694), (41.8135, −87.682)
    /// for cells 0…3 (see ``MobilityFootfallTests/grid()``).
    static func grid() throws -> RegularGrid { try MobilityFootfallTests.grid() }

    static func write(_ features: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("census-\(UUID().uuidString).geojson")
        try "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A rectangle feature with the given properties (a JSON object's inside).
    static func box(_ lat0: Double, _ lon0: Double, _ lat1: Double, _ lon1: Double, _ properties: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(lon0),\(lat0)],[\(lon1),\(lat0)],[\(lon1),\(lat1)],[\(lon0),\(lat1)],[\(lon0),\(lat0)]]]}}"
    }

    /// West: the whole western column (cells 0 and 2). South-east: cell 1 only. Cell 3's centre is in
    /// neither polygon.
    static let west = box(41.79, -87.71, 41.83, -87.688, "\"pop\":100,\"income\":\"50000\",\"name\":\"W\"")
    static let southEast = box(41.79, -87.688, 41.809, -87.67, "\"pop\":400,\"income\":20000,\"name\":\"SE\"")

    @Test func cellsTakeThePolygonAtTheirCentreAndUncoveredCellsTheMean() throws {
        let url = try Self.write([Self.west, Self.southEast])
        defer { try? FileManager.default.removeItem(at: url) }
        let census = try MobilityCensus.read(url, fields: ["pop", "income"], grid: try Self.grid())
        #expect(census.names == ["pop", "income"])
        // Cell 3 takes the mean over the covered cells 0, 1, 2: (100 + 400 + 100) / 3 = 200 and
        // (50 000 + 20 000 + 50 000) / 3 = 40 000.
        #expect(census.values == [100, 400, 100, 200,
                                  50_000, 20_000, 50_000, 40_000])
        #expect(census.cellsOutside == 1)
        #expect(census.features == 2)
    }

    /// Where polygons overlap, the first in the file wins.
    @Test func overlapGoesToTheFirstPolygon() throws {
        let everything = Self.box(41.79, -87.71, 41.83, -87.67, "\"pop\":7,\"income\":1")
        let url = try Self.write([Self.southEast, everything])
        defer { try? FileManager.default.removeItem(at: url) }
        let census = try MobilityCensus.read(url, fields: ["pop"], grid: try Self.grid())
        #expect(census.values == [7, 400, 7, 7])
        #expect(census.cellsOutside == 0)
    }

    @Test func badPropertiesThrowNamingTheFeature() throws {
        let missing = try Self.write([Self.west, Self.box(41.79, -87.688, 41.809, -87.67, "\"pop\":400")])
        let negative = try Self.write([Self.box(41.79, -87.71, 41.83, -87.688, "\"pop\":-5,\"income\":1"), Self.southEast])
        let text = try Self.write([Self.west, Self.box(41.79, -87.688, 41.809, -87.67, "\"pop\":\"n/a\",\"income\":1")])
        let null = try Self.write([Self.box(41.79, -87.71, 41.83, -87.688, "\"pop\":null,\"income\":1")])
        let far = try Self.write([Self.box(40.0, -88.0, 40.1, -87.9, "\"pop\":1,\"income\":1")])
        defer { for url in [missing, negative, text, null, far] { try? FileManager.default.removeItem(at: url) } }
        let grid = try Self.grid()
        #expect(throws: CovariateFileError.missingProperty(file: missing.path, feature: 1, property: "income")) {
            try MobilityCensus.read(missing, fields: ["pop", "income"], grid: grid)
        }
        #expect(throws: CovariateFileError.badProperty(file: negative.path, feature: 0, property: "pop", value: "-5")) {
            try MobilityCensus.read(negative, fields: ["pop", "income"], grid: grid)
        }
        #expect(throws: CovariateFileError.badProperty(file: text.path, feature: 1, property: "pop", value: "n/a")) {
            try MobilityCensus.read(text, fields: ["pop"], grid: grid)
        }
        #expect(throws: CovariateFileError.badProperty(file: null.path, feature: 0, property: "pop", value: "")) {
            try MobilityCensus.read(null, fields: ["pop"], grid: grid)
        }
        #expect(throws: CovariateFileError.noCellCovered(file: far.path)) { try MobilityCensus.read(far, fields: ["pop"], grid: grid) }
        #expect(throws: CovariateFileError.self) { try MobilityCensus.read(far, fields: [], grid: grid) }
        #expect(throws: CovariateFileError.self) { try MobilityCensus.read(far, fields: ["pop", "pop"], grid: grid) }
    }
}
