import CrimeGeo
import Foundation
import Testing

/// A polygon file cut short says where it ends instead of "not a JSON object".
@Suite struct TruncatedGeoJSONTests {
    @Test func aTruncatedPolygonFileSaysWhereItEnds() {
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"NAME": "A"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0"#
        let error = GeometryReadError.badGeoJSON(file: "areas.geojson", feature: nil,
                                                 detail: "not valid JSON: it ends early, after 154 bytes (is the file truncated?)")
        #expect(throws: error) { _ = try GeoJSONReader.parse(Data(text.utf8), file: "areas.geojson") }
    }
}
