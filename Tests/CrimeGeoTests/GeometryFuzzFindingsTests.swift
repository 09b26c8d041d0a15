import CrimeCore
import CrimeGeo
import Foundation
import Testing

/// Inputs the libFuzzer targets of Tests/Fuzz (ShapefileFuzz, WKTFuzz) found, or that were built on what they
/// found, each now a typed error instead of a crash or a silently unusable result.
@Suite struct GeometryFuzzFindingsTests {
    /// A `.shp` with one polygon record (type 5) holding `points` and the part starts `starts`, and a `.dbf`
    /// with one record beside it; returns the `.shp`'s URL.
    func shapefile(starts: [Int32], points: [(Double, Double)]) throws -> URL {
        var content = Data()
        func int32LE(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { content.append(contentsOf: $0) } }
        func doubleLE(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { content.append(contentsOf: $0) } }
        int32LE(5)
        for _ in 0..<4 { doubleLE(0) }   // bounding box, not read
        int32LE(Int32(starts.count))
        int32LE(Int32(points.count))
        starts.forEach(int32LE)
        for (x, y) in points { doubleLE(x); doubleLE(y) }
        var shp = Data()
        func int32BE(_ v: Int32) { withUnsafeBytes(of: v.bigEndian) { shp.append(contentsOf: $0) } }
        int32BE(9994)
        for _ in 0..<5 { int32BE(0) }
        int32BE(Int32((100 + 8 + content.count) / 2))   // file length in 16-bit words
        shp.append(Data(count: 100 - shp.count))
        int32BE(1)                                      // record number
        int32BE(Int32(content.count / 2))               // content length in 16-bit words
        shp.append(content)
        // dBASE: no fields, one record of one byte (the deletion flag).
        var dbf = [UInt8](repeating: 0, count: 32)
        dbf[0] = 0x03
        dbf[4] = 1     // one record
        dbf[8] = 33    // header length: 32 + the 0x0D terminator
        dbf[10] = 1    // record length
        dbf += [0x0D, UInt8(ascii: " "), 0x1A]
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-fuzz-\(UUID().uuidString)")
        try shp.write(to: base.appendingPathExtension("shp"))
        try Data(dbf).write(to: base.appendingPathExtension("dbf"))
        return base.appendingPathExtension("shp")
    }

    let square = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]

    @Test func aPartStartingPastTheRecordsPointsIsABadHeaderNotAnOutOfRangeRead() throws {
        let honest = try ShapefileReader.read(try shapefile(starts: [0], points: square))
        #expect(honest.features.map(\.polygons.count) == [1])
        // Two parts over 5 points, the second claiming to start at point 40: the first part would run to
        // point 40, past the end of the file (ShapefileFuzz's first crash).
        let url = try shapefile(starts: [0, 40], points: square)
        #expect(throws: GeometryReadError.badHeader(file: url.path, detail: "record 0 part 1 has bad start 40")) {
            try ShapefileReader.read(url)
        }
    }

    @Test func aNaNOrInfiniteVertexIsNamedByRecordAndRing() throws {
        for bad in [Double.nan, .infinity] {
            let url = try shapefile(starts: [0], points: [(0, 0), (0, 10), (10, bad), (10, 0), (0, 0)])
            #expect(throws: GeometryReadError.nonFiniteVertex(file: url.path, record: 0, ring: 0)) {
                try ShapefileReader.read(url)
            }
        }
    }

    /// EPSG:3435's WKT with `PARAMETER[...]`s replaced.
    func illinoisEast(latitudeOfOrigin: String = "36.6666666666667", centralMeridian: String = "-88.3333333333333",
                      scaleFactor: String = "0.999975", semiMajorAxis: String = "6378137",
                      inverseFlattening: String = "298.257222101") -> String {
        #"PROJCS["NAD83 / Illinois East (ftUS)",GEOGCS["NAD83",DATUM["North_American_Datum_1983",SPHEROID["GRS 1980","#
            + semiMajorAxis + "," + inverseFlattening + #"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],"#
            + #"PARAMETER["latitude_of_origin","# + latitudeOfOrigin + #"],PARAMETER["central_meridian","# + centralMeridian
            + #"],PARAMETER["scale_factor","# + scaleFactor + #"],PARAMETER["false_easting",984250],PARAMETER["false_northing",0],"#
            + #"UNIT["US survey foot",0.304800609601219]]"#
    }

    @Test func transverseMercatorParametersOutOfRangeAreUnknownCRS() throws {
        #expect(try WellKnownText.parse(illinoisEast(), file: "ok.prj").epsg == 3435)
        // WKTFuzz's finds: a latitude of origin of 666636.67°, which TransverseMercator took without a word, and a
        // scale factor of 4.5e12, whose origin northing (1.8e19 m) rounds the origin 2048 m away from itself.
        let bad = [illinoisEast(latitudeOfOrigin: "666636.666666667"), illinoisEast(scaleFactor: "4532925199433"),
                   illinoisEast(centralMeridian: "nan"), illinoisEast(scaleFactor: "0"), illinoisEast(scaleFactor: "-1"),
                   illinoisEast(scaleFactor: "inf"), illinoisEast(semiMajorAxis: "1e30"), illinoisEast(semiMajorAxis: "0"),
                   illinoisEast(inverseFlattening: "0.5"), illinoisEast(inverseFlattening: "-298")]
        for text in bad {
            do {
                let crs = try WellKnownText.parse(text, file: "bad.prj")
                Issue.record("read \(crs) from \(text)")
            } catch let error as GeometryReadError {
                guard case let .unknownCRS(file, _) = error else { Issue.record("got \(error)"); continue }
                #expect(file == "bad.prj")
            }
        }
        // A sphere (inverse flattening 0) is still a Transverse Mercator the projection can use.
        #expect(try WellKnownText.parse(illinoisEast(inverseFlattening: "0"), file: "sphere.prj").isGeographic == false)
    }

    @Test func wktNestedDeeperThan64BracketsIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "A[", count: 200_000)
        #expect(throws: GeometryReadError.unknownCRS(file: "deep.prj", detail: "brackets nest deeper than 64")) {
            try WellKnownText.parse(deep, file: "deep.prj")
        }
        // 64 levels are read: the innermost keyword is not a CRS, so the error is about the root's kind.
        let sixtyFour = String(repeating: "A[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: GeometryReadError.unknownCRS(file: "d.prj", detail: "A is not GEOGCS or PROJCS")) {
            try WellKnownText.parse(sixtyFour, file: "d.prj")
        }
    }
}
