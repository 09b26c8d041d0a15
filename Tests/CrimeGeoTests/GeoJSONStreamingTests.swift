import CrimeCore
import CrimeGeo
import Foundation
import Testing

/// The streaming polygon reader: members in any order, a multi-megabyte file read with every number
/// correctly rounded, and truncation at any offset an error with the offset.
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

    /// A generated file of a few megabytes, read from disk in blocks, gives every vertex and property:
    /// numbers of 16 and 17 significant digits bit for bit as glibc's `strtod` (correctly rounded, as
    /// Python's `float`) reads their text, rings in either orientation.
    @Test func aMultiMegabyteFileReadsEveryNumberExactly() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func digits(_ count: Int) -> String {
            var s = ""
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s.append(Character(Unicode.Scalar(UInt8(48 + (state >> 33) % 10))))
            }
            return s
        }
        func strtodValue(_ text: String) -> Double { strtod(text, nil) }
        var features: [String] = []
        var expected: [(ring: [PlanarPoint], r: Double)] = []
        for f in 0..<120 {
            var texts: [(String, String)] = []
            for _ in 0..<1_000 { texts.append(("-87.\(digits(14))", "41.\(digits(15))e0")) }
            texts.append(texts[0])
            let r = "0.\(digits(17))"
            let ring = texts.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
            features.append(#"{"type": "Feature", "properties": {"NAME": "N\#(f)", "pop": \#(f * 1_000_003), "r": \#(r)}, "#
                + #""geometry": {"type": "Polygon", "coordinates": [[\#(ring)]]}}"#)
            expected.append((texts.dropLast().map { PlanarPoint(x: strtodValue($0.0), y: strtodValue($0.1)) }, strtodValue(r)))
        }
        let text = #"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ",\n"))]}"#
        #expect(text.utf8.count > 4_000_000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).geojson")
        try OutputFile.write(text, to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let layer = try GeoJSONReader.read(url)
        #expect(layer.features.count == expected.count)
        for (f, (feature, want)) in zip(layer.features, expected).enumerated() {
            #expect(feature.properties["NAME"] == .text("N\(f)"))
            #expect(feature.properties["pop"] == .number(Double(f * 1_000_003)))
            #expect(feature.properties["r"] == .number(want.r))
            let got = try #require(feature.polygons.first).exterior
            let bits = got.map { [$0.x.bitPattern, $0.y.bitPattern] }
            #expect(bits == want.ring.map { [$0.x.bitPattern, $0.y.bitPattern] }
                    || bits == want.ring.reversed().map { [$0.x.bitPattern, $0.y.bitPattern] }, "feature \(f)")
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
