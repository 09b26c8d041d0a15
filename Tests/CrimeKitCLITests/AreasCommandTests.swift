import CrimeTestSupport
import Foundation
import Testing

@Suite struct AreasCommandTests {
    /// The first rows of the shapely label fixture: lat, lng, shapefile label, GeoJSON label.
    private func fixtureRows(_ count: Int) throws -> [(lat: Double, lng: Double, shp: String, geo: String)] {
        let data = try Data(contentsOf: Fixtures.url("areas", "chicago_labels.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let points = try #require(object["points"] as? [[Any]])
        return points.prefix(count).compactMap { row in
            guard let lat = row[0] as? Double, let lng = row[1] as? Double, let a = row[2] as? String,
                  let b = row[3] as? String else { return nil }
            return (lat, lng, a, b)
        }
    }

    @Test func assignMatchesShapelyForShapefileAndGeoJSON() throws {
        let rows = try fixtureRows(400)
        #expect(rows.count == 400)
        let input = "lat,lng\n" + rows.map { "\($0.lat),\($0.lng)" }.joined(separator: "\n") + "\n"
        let shp = try CLIRunner.run(["areas", "assign", "--polygons", Fixtures.url("areas", "Chicago77.shp").path,
                                     "--label", "COMMUNITY", "--crs", "EPSG:3435"], stdin: input)
        #expect(shp.status == 0, "\(shp.stderr)")
        #expect(shp.stdout == "label\n" + rows.map { $0.shp + "\n" }.joined())
        let geo = try CLIRunner.run(["areas", "assign", "--polygons", Fixtures.url("areas", "chicago77_wgs84.geojson").path,
                                     "--label", "AREA_NUMBE"], stdin: "lng,lat\n-87.6298,41.8781\n-87.0,41.0\n")
        #expect(geo.status == 0, "\(geo.stderr)")
        #expect(geo.stdout == "label\n32\n\n")   // the Loop is community area 32; the second point is in Indiana
    }

    @Test func shapefileWithoutPrjNeedsCRS() throws {
        let result = try CLIRunner.run(["areas", "assign", "--polygons", Fixtures.url("areas", "Chicago77.shp").path,
                                        "--label", "COMMUNITY"], stdin: "lat,lng\n41.88,-87.63\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Chicago77.shp") && result.stderr.contains("--crs"))
    }

    @Test func badInputNamesLineFlagAndProperty() throws {
        let shp = Fixtures.url("areas", "Chicago77.shp").path
        let badRow = try CLIRunner.run(["areas", "assign", "--polygons", shp, "--label", "COMMUNITY", "--crs", "EPSG:3435"],
                                       stdin: "lat,lng\n41.88,-87.63\n91,-87.63\n")
        #expect(badRow.status != 0)
        #expect(badRow.stderr.contains("line 3"))
        let badCRS = try CLIRunner.run(["areas", "assign", "--polygons", shp, "--label", "COMMUNITY", "--crs", "EPSG:9999"],
                                       stdin: "lat,lng\n")
        #expect(badCRS.status != 0 && badCRS.stderr.contains("--crs"))
        let badLabel = try CLIRunner.run(["areas", "assign", "--polygons", shp, "--label", "NAME", "--crs", "EPSG:3435"],
                                         stdin: "lat,lng\n")
        #expect(badLabel.status != 0 && badLabel.stderr.contains("'NAME'"))
    }
}
