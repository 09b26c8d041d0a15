import CrimeCore
import CrimeGeo
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeGeo, thrown by public API and caught as `any Error`, prints its
/// own sentence through `localizedDescription`.
@Suite struct GeoLocalizedErrorTests {
    @Test func gridError() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.83, maxLongitude: -87.66), side: 1000)
        expectLocalizedDescription(GridError.self) { _ = try grid.tiles(size: 0) }
    }

    @Test func polygonIndexError() throws {
        let square = PlanarPolygon(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0),
                                              PlanarPoint(x: 1, y: 1), PlanarPoint(x: 0, y: 1)])
        let layer = AreaLayer(features: [AreaFeature(polygons: [square], properties: ["name": .text("A")])],
                              crs: .wgs84, source: "square")
        let index = try PolygonIndex(layer: layer, labelProperty: "name")
        expectLocalizedDescription(PolygonIndexError.self) { _ = try index.rookNeighbors(of: CellID(5)) }
    }

    @Test func geometryReadError() {
        expectLocalizedDescription(GeometryReadError.self) {
            _ = try GeoJSONReader.read(URL(fileURLWithPath: "/nonexistent/crimekit/areas.geojson"))
        }
    }

    /// A shapefile without a `.prj` read without a CRS: the sentence names the `crs` parameter, not the
    /// command-line tool's flag.
    @Test func missingCRSNamesTheParameter() {
        let shp = Fixtures.url("areas", "Chicago77.shp")
        expectLocalizedDescription(GeometryReadError.self) { _ = try PolygonIndex(contentsOf: shp, labelProperty: "COMMUNITY") }
        let message = GeometryReadError.missingCRS(file: shp.path).localizedDescription
        #expect(message.contains(shp.path) && message.contains("crs") && !message.contains("--crs"))
    }

    @Test func crsError() {
        expectLocalizedDescription(CRSError.self) { _ = try CoordinateReferenceSystem(code: "EPSG:2263") }
    }

    @Test func h3Error() {
        expectLocalizedDescription(H3Error.self) { _ = try H3.latLngToCell(latitude: 91, longitude: 0, resolution: 5) }
    }
}
