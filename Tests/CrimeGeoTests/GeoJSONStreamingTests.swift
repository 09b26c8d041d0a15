import CrimeCore
import CrimeGeo
import Foundation
import Testing

/// The streaming polygon reader: members in any order, a multi-megabyte file read exactly as
/// `JSONSerialization` reads it, and truncation at any offset an error with the offset.
@Suite struct GeoJSONStreamingTests {
    private let polygon = #"{"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}"#

    @Test func topLevelMembersInAnyOrder() throws {
        let feature = #"{"properties": {"NAME": "A"}, "geometry": \#(polygon), "type": "Feature"}"#
        let crs = #"{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3435"}}"#
        let first = #"{"type": "FeatureCollection", "crs": \#(crs), "name": "x", "features": [\#(feature)]}"#
        let last = #"{"features": [\#(feature)], "name": {"skipped": [1, {"a": null}]}, "crs": \#(crs), "type": "FeatureCollection"}"#
        let a = try GeoJSONReader.parse(Data(first.utf8), file: "a.geojson")
        let b = try GeoJSONReader.parse(Data(last.utf8), file: "b.geojson")
        #expect(a.features == b.features)
        #expect(a.crs?.epsg == 3435 && b.crs?.epsg == 3435)
        #expect(a.features.first?.polygons.first?.exterior == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 2, y: 0),
                                                                PlanarPoint(x: 2, y: 2), PlanarPoint(x: 0, y: 2)])
        // A bare Feature whose type comes last, and a bare Polygon.
        let bare = try GeoJSONReader.parse(Data(feature.utf8), file: "f.geojson")
        #expect(bare.features == a.features)
        let geometry = try GeoJSONReader.parse(Data(polygon.utf8), file: "p.geojson")
        #expect(geometry.features.first?.polygons == a.features.first?.polygons)
    }

    @Test func nestedPropertiesAreSortedJSONText() throws {
        let text = #"{"type": "Feature", "geometry": null, "properties": {"t": {"b": [1, 2.5, "x"], "a": null}, "n": -0, "u": "\ud83d\ude00"}}"#
        let layer = try GeoJSONReader.parse(Data(text.utf8), file: "f.geojson")
        let properties = try #require(layer.features.first?.properties)
        #expect(properties["t"] == .text(#"{"a":null,"b":[1,2.5,"x"]}"#))
        #expect(properties["n"] == .number(0))
        #expect(properties["u"] == .text("😀"))
    }

    /// A generated file of a few megabytes, read from disk in blocks, gives every vertex and property
    /// bit for bit as `JSONSerialization` reads the same bytes.
    @Test func aMultiMegabyteFileReadsAsJSONSerializationReadsIt() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func digits(_ count: Int) -> String {
            var s = ""
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s.append(Character(Unicode.Scalar(UInt8(48 + (state >> 33) % 10))))
            }
            return s
        }
        var features: [String] = []
        for f in 0..<120 {
            var ring: [String] = []
            for _ in 0..<1_000 { ring.append("[-87.\(digits(13)), 41.\(digits(12))e0]") }
            ring.append(ring[0])
            let hole = ["[-87.5, 41.5]", "[-87.5, 41.6]", "[-87.6, 41.6]", "[-87.5, 41.5]"]
            features.append(#"{"type": "Feature", "properties": {"NAME": "N\#(f)", "pop": \#(f * 1_000_003), "r": 0.\#(digits(17))}, "#
                + #""geometry": {"type": "Polygon", "coordinates": [[\#(ring.joined(separator: ", "))], [\#(hole.joined(separator: ","))]]}}"#)
        }
        let text = #"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ",\n"))]}"#
        #expect(text.utf8.count > 4_000_000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).geojson")
        try OutputFile.write(text, to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let layer = try GeoJSONReader.read(url)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let reference = try #require(root["features"] as? [[String: Any]])
        #expect(layer.features.count == reference.count)
        for (feature, expected) in zip(layer.features, reference) {
            let properties = try #require(expected["properties"] as? [String: Any])
            #expect(feature.properties["NAME"] == .text(try #require(properties["NAME"] as? String)))
            #expect(feature.properties["pop"] == .number(try #require(properties["pop"] as? NSNumber).doubleValue))
            #expect(feature.properties["r"] == .number(try #require(properties["r"] as? NSNumber).doubleValue))
            let geometry = try #require(expected["geometry"] as? [String: Any])
            let rings = try #require(geometry["coordinates"] as? [[[NSNumber]]])
            let read = try #require(feature.polygons.first).rings
            #expect(read.count == rings.count)
            for (got, want) in zip(read, rings) {
                let points = want.dropLast().map { PlanarPoint(x: $0[0].doubleValue, y: $0[1].doubleValue) }
                #expect(got.map(\.x.bitPattern) == points.map(\.x.bitPattern))
                #expect(got.map(\.y.bitPattern) == points.map(\.y.bitPattern))
            }
        }
    }

    /// A file cut anywhere is an error saying how many bytes it had, never a crash or a smaller layer.
    @Test func aFileCutAnywhereSaysWhereItEnds() {
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"NAME": "\u00e9"}, "geometry": \#(polygon)}]}"#
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            let error = GeometryReadError.badGeoJSON(file: "cut.geojson", feature: nil,
                                                     detail: "not valid JSON: it ends early, after \(cut) bytes (is the file truncated?)")
            #expect(throws: error, "cut at \(cut)") { _ = try GeoJSONReader.parse(Data(bytes[..<cut]), file: "cut.geojson") }
        }
    }
}
