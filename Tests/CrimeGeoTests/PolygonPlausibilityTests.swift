import CrimeCore
import CrimeGeo
import CrimeTestSupport
import Foundation
import Testing

/// Polygon layers that cannot label anything are errors, not silent empty answers.
@Suite struct PolygonPlausibilityTests {
    func square(_ x: Double, _ y: Double, _ side: Double, _ label: AttributeValue) -> AreaFeature {
        let ring = [PlanarPoint(x: x, y: y), PlanarPoint(x: x + side, y: y), PlanarPoint(x: x + side, y: y + side),
                    PlanarPoint(x: x, y: y + side)]
        return AreaFeature(polygons: [PlanarPolygon(exterior: ring)], properties: ["name": label])
    }

    @Test func coordinatesImpossibleForTheCRSNameFileCRSAndASuggestion() throws {
        // A layer in feet (Chicago's State Plane numbers) read as WGS84 degrees.
        let feet = AreaLayer(features: [square(1_100_000, 1_900_000, 5_000, .text("A"))], crs: .wgs84, source: "areas.shp")
        #expect(throws: GeometryReadError.impossibleCoordinates(file: "areas.shp", crs: "EPSG:4326 (WGS 84)", feature: 0,
                                                                x: 1_100_000, y: 1_900_000, geographic: true)) {
            try PolygonIndex(layer: feet, labelProperty: "name")
        }
        do {
            _ = try PolygonIndex(layer: feet, labelProperty: "name")
        } catch let error as GeometryReadError {
            #expect(error.description.contains("areas.shp") && error.description.contains("EPSG:4326")
                    && error.description.contains("EPSG:3435"))
        }
        // Latitude 91 is as impossible as a million degrees; 90 and 180 are on Earth.
        let north = AreaLayer(features: [square(10, 89, 2, .text("A"))], crs: .wgs84, source: "n.geojson")
        #expect(throws: GeometryReadError.self) { try PolygonIndex(layer: north, labelProperty: "name") }
        let edge = AreaLayer(features: [square(178, 88, 2, .text("A"))], crs: .wgs84, source: "e.geojson")
        #expect(try PolygonIndex(layer: edge, labelProperty: "name").labels == ["A"])
    }

    @Test func theRealChicagoShapefileReadAsWGS84IsRejected() throws {
        let url = Fixtures.url("areas", "Chicago77.shp")
        #expect {
            try PolygonIndex(contentsOf: url, labelProperty: "COMMUNITY", crs: .wgs84)
        } throws: { error in
            guard case let .impossibleCoordinates(file, crs, feature, _, _, geographic)? = error as? GeometryReadError else { return false }
            return file.hasSuffix("Chicago77.shp") && crs.hasPrefix("EPSG:4326") && feature == 0 && geographic
        }
    }

    @Test func aLayerWithoutPolygonsIsAnError() throws {
        let empty = AreaLayer(features: [AreaFeature(polygons: [], properties: ["name": .text("A")]),
                                         AreaFeature(polygons: [], properties: ["name": .text("B")])],
                              crs: .wgs84, source: "null.geojson")
        #expect(throws: GeometryReadError.noGeometry(file: "null.geojson", features: 2)) {
            try PolygonIndex(layer: empty, labelProperty: "name")
        }
    }

    @Test func nullLabelsAreErrorsAndWholeNumbersPrintWithoutADecimalPoint() throws {
        let layer = AreaLayer(features: [square(0, 0, 1, .number(1e15)), square(1, 0, 1, .null)], crs: .wgs84, source: "l.geojson")
        #expect(throws: GeometryReadError.nullLabel(file: "l.geojson", feature: 1, property: "name")) {
            try PolygonIndex(layer: layer, labelProperty: "name")
        }
        // geopandas prints an integer property column as integers: 1000000000000000, not 1000000000000000.0.
        #expect(AttributeValue.number(1e15).description == "1000000000000000")
        #expect(AttributeValue.number(-42).description == "-42")
        #expect(AttributeValue.number(2.5).description == "2.5")
        #expect(AttributeValue.number(0x1p63).description == "9.223372036854776e+18")
    }
}
