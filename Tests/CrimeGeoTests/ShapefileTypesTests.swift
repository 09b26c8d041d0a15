import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeGeo

private struct TypesFixture: Decodable {
    struct File: Decodable {
        let shape_type: Int
        let records: [[Value?]]
        let areas: [Double]
        let parts: [Int]
    }
    enum Value: Decodable, Equatable {
        case text(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let v = try? c.decode(Double.self) { self = .number(v) }
            else { self = .text(try c.decode(String.self)) }
        }
    }
    let types_z: File
    let types_m: File
}

/// PolygonZ and PolygonM files with holes, two-part records, a null shape and every dBASE type,
/// written by pyshp (`make_shapefile_types_fixture.py`).
@Suite struct ShapefileTypesTests {
    @Test(arguments: ["types_z", "types_m"]) func readsZAndMPolygonsAndDBaseTypes(name: String) throws {
        let fixture = try Fixtures.json(TypesFixture.self, "areas", "shapefile_types.json")
        let expected = name == "types_z" ? fixture.types_z : fixture.types_m
        let layer = try AreaLayer.read(Fixtures.url("areas", "\(name).shp"))
        #expect(layer.crs?.epsg == 32616)                      // from the .prj, recognised by its parameters
        #expect(layer.features.count == 3)
        let fields = ["NAME", "COUNT", "RATE", "ACTIVE", "OPENED"]
        for (feature, record) in zip(layer.features, expected.records) {
            for (field, value) in zip(fields, record) {
                let mine = feature.properties[field]
                switch value {
                case nil: #expect(mine == .null, "\(field)")
                case let .text(s)?: #expect(mine == .text(s), "\(field)")
                case let .number(v)?: #expect(mine == .number(v), "\(field)")
                case let .bool(b)?: #expect(mine == .bool(b), "\(field)")
                }
            }
        }
        for (k, feature) in layer.features.enumerated() {
            #expect(feature.polygons.count == expected.parts[k])
            #expect(abs(feature.polygons.map(\.planarArea).reduce(0, +) - expected.areas[k]) < 1e-6)
        }
        #expect(layer.features[0].polygons[0].holes.count == 1)
        let index = try PolygonIndex(layer: layer, labelProperty: "NAME")
        let crs = try #require(layer.crs)
        let inHole = crs.unproject(x: 440_500, y: 4_640_500)
        let inRing = crs.unproject(x: 440_100, y: 4_640_500)
        #expect(index.cell(containing: inHole).map { index.label(of: $0) } == "two parts")   // the hole is outside area 0
        #expect(index.cell(containing: inRing).map { index.label(of: $0) } == "with hole")
        #expect(throws: PolygonIndexError.emptyArea(CellID(2))) { try index.center(of: CellID(2)) }
        #expect(try index.boundary(of: CellID(2)).isEmpty)
    }
}
