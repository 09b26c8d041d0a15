import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeGeo

private struct LabelFixture: Decodable {
    let points: [[LabelValue]]
}

private enum LabelValue: Decodable {
    case number(Double), text(String)
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Double.self) { self = .number(v) } else { self = .text(try c.decode(String.self)) }
    }
    var number: Double { if case let .number(v) = self { return v } else { return .nan } }
    var text: String { if case let .text(s) = self { return s } else { return "" } }
}

private struct AreasFixture: Decodable {
    struct Area: Decodable {
        let label: String
        let geodesic_area_m2: Double
        let centroid: [Double]
    }
    let areas: [Area]
    let queen_pairs: [[Int]]
    let rook_pairs: [[Int]]
}

@Suite struct PolygonIndexTests {
    static func chicagoShapefile() throws -> PolygonIndex {
        try PolygonIndex(contentsOf: Fixtures.url("areas", "Chicago77.shp"), labelProperty: "COMMUNITY", crs: .illinoisEastFeet)
    }

    static func chicagoGeoJSON() throws -> PolygonIndex {
        try PolygonIndex(contentsOf: Fixtures.url("areas", "chicago77_wgs84.geojson"), labelProperty: "COMMUNITY")
    }

    @Test func labelsMatchShapelyFromShapefileAndGeoJSON() throws {
        let fixture = try Fixtures.json(LabelFixture.self, "areas", "chicago_labels.json")
        #expect(fixture.points.count == 6000)
        let shp = try Self.chicagoShapefile(), geo = try Self.chicagoGeoJSON()
        var inside = 0
        for row in fixture.points {
            let p = GeoPoint(latitude: row[0].number, longitude: row[1].number)
            let a = shp.cell(containing: p).map { shp.label(of: $0) } ?? ""
            let b = geo.cell(containing: p).map { geo.label(of: $0) } ?? ""
            #expect(a == row[2].text, "shapefile label at \(p)")
            #expect(b == row[3].text, "GeoJSON label at \(p)")
            if !a.isEmpty { inside += 1 }
        }
        #expect(inside > 2000)
        let lats = fixture.points.map { $0[0].number }, lngs = fixture.points.map { $0[1].number }
        let batch = shp.ordinals(latitudes: lats, longitudes: lngs)
        #expect(batch.map { $0 < 0 ? "" : shp.labels[Int($0)] } == fixture.points.map { $0[3].text })
    }

    @Test func contiguityMatchesLibpysal() throws {
        let fixture = try Fixtures.json(AreasFixture.self, "areas", "chicago_areas.json")
        let index = try Self.chicagoShapefile()
        func pairs(_ lists: [[Int]]) -> [[Int]] {
            lists.enumerated().flatMap { i, ns in ns.filter { $0 > i }.map { [i, $0] } }
        }
        #expect(pairs(index.contiguity(queen: true)) == fixture.queen_pairs)
        #expect(pairs(index.contiguity(queen: false)) == fixture.rook_pairs)
        #expect(try index.neighbors(of: CellID(0)) == index.queenNeighbors(of: CellID(0)))
        #expect(throws: PolygonIndexError.unknownCell(CellID(77), count: 77)) { try index.rookNeighbors(of: CellID(77)) }
    }

    @Test func areasAndCentroidsMatchPyproj() throws {
        let fixture = try Fixtures.json(AreasFixture.self, "areas", "chicago_areas.json")
        let shp = try Self.chicagoShapefile(), geo = try Self.chicagoGeoJSON()
        var worstArea = 0.0, worstCentre = 0.0
        for (k, area) in fixture.areas.enumerated() {
            let cell = CellID(UInt64(k))
            #expect(shp.label(of: cell) == area.label)
            let a = try shp.geodesicArea(of: cell)
            worstArea = max(worstArea, abs(a - area.geodesic_area_m2) / area.geodesic_area_m2)
            #expect(abs(try geo.geodesicArea(of: cell) - area.geodesic_area_m2) / area.geodesic_area_m2 < 1e-4)
            let reference = GeoPoint(latitude: area.centroid[0], longitude: area.centroid[1])
            let local = LocalProjection(origin: reference)
            for index in [shp, geo] {
                let c = local.project(try index.center(of: cell))
                worstCentre = max(worstCentre, hypot(c.x, c.y))
            }
        }
        #expect(worstArea < 1e-6, "worst relative area difference \(worstArea)")
        #expect(worstCentre < 0.5, "worst centroid distance \(worstCentre) m")
    }

    /// Two unit squares sharing the edge x = 1 and a third above both sharing y = 1: a point on a
    /// shared edge belongs to the area to its east, on a horizontal edge to the area to its north.
    @Test func sharedEdgeRule() throws {
        func square(_ x0: Double, _ y0: Double, _ w: Double, _ name: String) -> AreaFeature {
            let ring = [PlanarPoint(x: x0, y: y0), PlanarPoint(x: x0 + w, y: y0), PlanarPoint(x: x0 + w, y: y0 + 1),
                        PlanarPoint(x: x0, y: y0 + 1)]
            return AreaFeature(polygons: [PlanarPolygon(exterior: ring)], properties: ["name": .text(name)])
        }
        let layer = AreaLayer(features: [square(0, 0, 1, "west"), square(1, 0, 1, "east"), square(0, 1, 2, "north")],
                              crs: .wgs84, source: "squares")
        let index = try PolygonIndex(layer: layer, labelProperty: "name")
        func at(_ x: Double, _ y: Double) -> String { index.ordinal(x: x, y: y).map { index.labels[$0] } ?? "" }
        #expect(at(1, 0.5) == "east")           // vertical shared edge → east
        #expect(at(0.5, 1) == "north")          // horizontal shared edge → north
        #expect(at(1.5, 1) == "north")
        #expect(at(1, 1) == "north")            // the shared corner → the north-east area
        #expect(at(0, 0.5) == "west")           // the layer's outer western edge is inside
        #expect(at(2, 0.5) == "")               // its outer eastern edge is outside
        #expect(at(0.5, 0) == "west")           // outer southern edge inside, outer northern outside
        #expect(at(0.5, 2) == "")
        // Overlapping areas: the lowest ordinal wins.
        let overlap = try PolygonIndex(layer: AreaLayer(features: [square(0, 0, 2, "first"), square(1, 0, 2, "second")],
                                                        crs: .wgs84, source: "overlap"), labelProperty: "name")
        #expect(overlap.ordinal(x: 1.5, y: 0.5) == 0)
        #expect(overlap.ordinal(x: 2.5, y: 0.5) == 1)
    }

    @Test func spatialIndexGeometry() throws {
        let index = try Self.chicagoGeoJSON()
        #expect(index.count == 77)
        let ring = try index.boundary(of: CellID(0))
        #expect(ring.count > 100 && ring.first != ring.last)
        let lakeView = try #require(index.labels.firstIndex(of: "LAKE VIEW"))
        let covering = try index.cells(covering: BoundingBox(minLatitude: 41.93, minLongitude: -87.66,
                                                             maxLatitude: 41.94, maxLongitude: -87.65))
        #expect(covering.contains(CellID(UInt64(lakeView))))
        #expect(covering == covering.sorted())
        #expect(index.cell(containing: GeoPoint(latitude: .nan, longitude: 0)) == nil)
        #expect(index.label(of: CellID(500)) == "")
    }
}
