import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeGeo

@Suite struct PolygonReaderTests {
    static let shp = Fixtures.url("areas", "Chicago77.shp")

    @Test func readsChicagoShapefile() throws {
        let layer = try ShapefileReader.read(Self.shp, crs: .illinoisEastFeet)
        #expect(layer.features.count == 77)
        #expect(layer.crs?.epsg == 3435)
        #expect(layer.features[0].properties["COMMUNITY"] == .text("ROGERS PARK"))
        #expect(layer.features[0].properties["AREA_NUMBE"] == .text("1"))
        #expect(layer.features[0].properties["OBJECTID"] == .number(1))
        // shapely on pyshp's shapes: 77 Polygons; record 5 (NORWOOD PARK, around an enclave) has one hole.
        #expect(layer.features.map(\.polygons.count).reduce(0, +) == 77)
        #expect(layer.features.map { $0.polygons.map(\.holes.count).reduce(0, +) } == (0..<77).map { $0 == 5 ? 1 : 0 })
        let vertices = layer.features.flatMap(\.polygons).flatMap(\.rings).map(\.count).reduce(0, +)
        #expect(vertices == 42_697 - 78)                                     // pyshp's count less closing vertices
        #expect(try ShapefileReader.read(Self.shp).crs == nil)
    }

    @Test func readsGeoJSONWithHolesAndMultiPolygons() throws {
        let layer = try GeoJSONReader.read(Fixtures.url("areas", "chicago77_wgs84.geojson"))
        #expect(layer.features.count == 77)
        #expect(layer.crs == .wgs84)
        let text = #"""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"name":"ring","n":3,"ok":true,"none":null},"geometry":{"type":"Polygon","coordinates":[
           [[0,0],[0,10],[10,10],[10,0],[0,0]],[[2,2],[8,2],[8,8],[2,8],[2,2]]]}},
         {"type":"Feature","properties":{"name":"pair"},"geometry":{"type":"MultiPolygon","coordinates":[
           [[[20,0],[21,0],[21,1],[20,0]]],[[[30,0],[31,0],[31,1],[30,0]]]]}}]}
        """#
        let small = try GeoJSONReader.parse(Data(text.utf8), file: "small.geojson")
        #expect(small.features[0].polygons[0].holes.count == 1)
        #expect(small.features[0].properties["n"] == .number(3))
        #expect(small.features[0].properties["ok"] == .bool(true))
        #expect(small.features[0].properties["none"] == .null)
        #expect(small.features[1].polygons.count == 2)
        #expect(small.crs == .wgs84)
        #expect(try GeoJSONReader.parse(Data(text.utf8), file: "f", defaultCRS: .illinoisEastFeet).crs?.epsg == 3435)
        let index = try PolygonIndex(layer: small, labelProperty: "name")
        #expect(index.cell(containing: GeoPoint(latitude: 1, longitude: 1)) == CellID(0))
        #expect(index.cell(containing: GeoPoint(latitude: 5, longitude: 5)) == nil)          // in the hole
        #expect(index.cell(containing: GeoPoint(latitude: 0.2, longitude: 30.8)) == CellID(1))
    }

    // MARK: bad input, each naming the file and record

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-poly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func copyChicago(to dir: URL) throws -> URL {
        for ext in ["shp", "shx", "dbf"] {
            try FileManager.default.copyItem(at: Fixtures.url("areas", "Chicago77.\(ext)"),
                                             to: dir.appendingPathComponent("Chicago77.\(ext)"))
        }
        return dir.appendingPathComponent("Chicago77.shp")
    }

    @Test func truncatedShapefileNamesFileAndRecord() throws {
        let dir = try temporaryDirectory()
        let shp = try copyChicago(to: dir)
        var bytes = try Data(contentsOf: shp)
        bytes = bytes.prefix(bytes.count - 1000)
        // Keep the header's declared length so the cut lands inside the last record.
        try bytes.write(to: shp)
        do {
            _ = try ShapefileReader.read(shp, crs: .illinoisEastFeet)
            Issue.record("expected an error")
        } catch let error as GeometryReadError {
            #expect(error == .truncated(file: shp.path, record: nil, detail: "header declares 687568 bytes, file has 686568"))
        }
        // A header that agrees with the cut file: the last record itself is short.
        var patched = [UInt8](bytes)
        let words = UInt32(patched.count / 2)
        patched[24] = UInt8(words >> 24); patched[25] = UInt8((words >> 16) & 0xFF)
        patched[26] = UInt8((words >> 8) & 0xFF); patched[27] = UInt8(words & 0xFF)
        try Data(patched).write(to: shp)
        do {
            _ = try ShapefileReader.read(shp, crs: .illinoisEastFeet)
            Issue.record("expected an error")
        } catch let error as GeometryReadError {
            guard case let .truncated(file, record, _) = error else { Issue.record("got \(error)"); return }
            #expect(file == shp.path && record == 76)
            #expect(error.description.contains("record 76"))
        }
    }

    @Test func dbfRecordCountMismatch() throws {
        let dir = try temporaryDirectory()
        let shp = try copyChicago(to: dir)
        let dbf = dir.appendingPathComponent("Chicago77.dbf")
        var bytes = [UInt8](try Data(contentsOf: dbf))
        let recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        bytes[4] = 76
        bytes.removeLast(recordLength + 1)
        bytes.append(0x1A)
        try Data(bytes).write(to: dbf)
        #expect(throws: GeometryReadError.recordCountMismatch(file: dbf.path, dbfRecords: 76, shapes: 77)) {
            try ShapefileReader.read(shp, crs: .illinoisEastFeet)
        }
    }

    @Test func unknownPrjIsATypedError() throws {
        let dir = try temporaryDirectory()
        let shp = try copyChicago(to: dir)
        let prj = dir.appendingPathComponent("Chicago77.prj")
        try Data(#"PROJCS["x",GEOGCS["g"],PROJECTION["Albers"],UNIT["m",1]]"#.utf8).write(to: prj)
        #expect(throws: GeometryReadError.unknownCRS(file: prj.path, detail: "projection 'albers' is not Transverse Mercator or Web Mercator")) {
            try ShapefileReader.read(shp)
        }
        #expect(throws: GeometryReadError.missingCRS(file: Self.shp.path)) {
            try PolygonIndex(contentsOf: Self.shp, labelProperty: "COMMUNITY")
        }
    }

    @Test func unclosedRingAndEmptyCollection() throws {
        let dir = try temporaryDirectory()
        let open = dir.appendingPathComponent("open.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}},{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[0,1],[1,1],[0,0]]],[[[5,5],[5,6],[6,6],[6,5]]]]}}]}"#.utf8).write(to: open)
        #expect(throws: GeometryReadError.ringNotClosed(file: open.path, feature: 1, ring: 1)) {
            try GeoJSONReader.read(open)
        }
        let empty = dir.appendingPathComponent("empty.geojson")
        try Data(#"{"type":"FeatureCollection","features":[]}"#.utf8).write(to: empty)
        #expect(throws: GeometryReadError.empty(file: empty.path)) { try GeoJSONReader.read(empty) }
        let legacy = dir.appendingPathComponent("legacy.geojson")
        try Data(#"{"type":"Polygon","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2263"}},"coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}"#.utf8).write(to: legacy)
        #expect(throws: GeometryReadError.self) { try GeoJSONReader.read(legacy) }
        #expect(throws: GeometryReadError.missingLabel(file: open.path, feature: 0, property: "NAME")) {
            try PolygonIndex(layer: AreaLayer(features: [AreaFeature(polygons: [], properties: [:])], crs: .wgs84,
                                              source: open.path), labelProperty: "NAME")
        }
    }
}
