import CrimeCore
@testable import CrimeGeo
import Foundation
import Testing

/// Sizes read from a file or given as a parameter are checked before anything is allocated from them:
/// a `.dbf` header claiming 4 billion records and a grid of nanometre cells are typed errors, and numbers
/// of a `.prj` past `Int` are never converted.
@Suite struct AllocationBoundTests {
    /// A dBASE file with one 5-byte text field `NAME` and one record, whose header claims `count` records.
    func dbf(claiming count: UInt32) throws -> URL {
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = 0x03
        withUnsafeBytes(of: count.littleEndian) { bytes.replaceSubrange(4..<8, with: $0) }
        bytes[8] = 65  // header length: 32 + one 32-byte descriptor + the 0x0D terminator
        bytes[10] = 6  // record length: deletion flag + 5
        var field = [UInt8](repeating: 0, count: 32)
        field.replaceSubrange(0..<4, with: Array("NAME".utf8))
        field[11] = UInt8(ascii: "C")
        field[16] = 5
        bytes += field + [0x0D] + [UInt8(ascii: " ")] + Array("Loop ".utf8) + [0x1A]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-dbf-\(UUID().uuidString).dbf")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func aDbfHeaderClaimingMoreRecordsThanTheFileHoldsIsABadHeader() throws {
        let honest = try DBaseReader.read(try dbf(claiming: 1))
        #expect(honest.records == [["NAME": .text("Loop")]])
        let url = try dbf(claiming: 4_000_000_000)
        // 7 bytes follow the 65-byte header: one 6-byte record and the end-of-file mark.
        #expect(throws: GeometryReadError.badHeader(
            file: url.path, detail: "the header declares 4000000000 records of 6 bytes, more than the 7 bytes after the header hold")) {
            try DBaseReader.read(url)
        }
    }

    @Test func aGridOfNanometreCellsIsTooManyCellsNotATrap() throws {
        // 0.16° of latitude is about 17.8 km and 0.2° of longitude at 41.88° N about 16.6 km, so 1e-9 m
        // cells number about 1.8e13 × 1.7e13 ≈ 3e26, far past Int's 9.2e18.
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.72, maxLatitude: 41.96, maxLongitude: -87.52)
        do {
            _ = try RegularGrid(covering: box, side: 1e-9)
            Issue.record("expected an error")
        } catch let error as GridError {
            guard case let .tooManyCells(count) = error else { Issue.record("got \(error)"); return }
            let expected = (0.16 * 111_132 / 1e-9) * (0.2 * 111_320 * cos(41.88 * .pi / 180) / 1e-9)
            #expect(abs(count / expected - 1) < 0.01, "\(count) vs \(expected)")
            #expect(error.localizedDescription.contains("limit 100,000,000"))
        }
        // A subnormal side counts past any Double: still an error, never a conversion trap.
        #expect(throws: GridError.tooManyCells(.infinity)) { try RegularGrid(covering: box, side: .leastNonzeroMagnitude) }
    }

    @Test func prjNumbersPastIntAreNotConverted() throws {
        let geographic = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG",1e300]]"#
        // An authority code that is no integer is ignored: a geographic system without one is WGS84's 4326.
        #expect(try WellKnownText.parse(geographic, file: "g.prj").epsg == 4326)
        // A central meridian of 1e300 puts the UTM zone at (1e300 + 183) / 6, a whole Double far past Int.
        let utm = #"PROJCS["far",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",1e300],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]"#
        let crs = try? WellKnownText.parse(utm, file: "u.prj")
        #expect(crs.map { !(32601...32760).contains($0.epsg ?? 0) } ?? true)
    }
}
