import CrimeTestSupport
import Foundation
import Testing

/// `h3 cells` and `areas assign` read standard input a block at a time: any line end, a byte order
/// mark, inputs larger than one block, and bad rows past the first block named by line.
@Suite struct StdinStreamingTests {
    /// The first point of the h3-py fixture and its cell: lat, lng, cell (resolution from the cell).
    private func fixturePoint() throws -> (lat: Substring, lng: Substring, res: Int, cell: String) {
        let text = try String(contentsOf: Fixtures.url("h3", "points.csv"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().first)
        let f = row.split(separator: ",")
        let cell = String(f[2])
        let res = try #require(Int(String(cell[cell.index(after: cell.startIndex)]), radix: 16))
        return (f[0], f[1], res, cell)
    }

    @Test func h3CellsReadsCRAndCRLFAndAByteOrderMark() throws {
        let p = try fixturePoint()
        let row = "\(p.lat),\(p.lng),\(p.res)"
        let expected = "cell\n\(p.cell)\n\(p.cell)\n"
        for input in ["lat,lng,res\r\(row)\r\(row)\r", "\u{FEFF}lat,lng,res\r\n\(row)\r\n\(row)", "lat,lng,res\n\(row)\r\(row)\r\n"] {
            let out = try CLIRunner.run(["h3", "cells"], stdin: input)
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stdout == expected, "\(input.debugDescription)")
        }
    }

    /// 120,000 rows (about 4 MB, several blocks): every cell printed once, in order; a bad row past
    /// the first blocks is named by its line.
    @Test func h3CellsAcrossManyBlocks() throws {
        let p = try fixturePoint()
        let row = " \(p.lat) , \(p.lng) ,\(p.res)\n"
        let rows = 120_000
        let input = "lat,lng,res\n" + String(repeating: row, count: rows)
        #expect(input.utf8.count > 3 << 20)
        let out = try CLIRunner.run(["h3", "cells"], stdin: input)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "cell\n" + String(repeating: "\(p.cell)\n", count: rows))
        let bad = try CLIRunner.run(["h3", "cells"], stdin: input + "\(p.lat),x,\(p.res)\n")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("line \(rows + 2)") && bad.stderr.contains("lng 'x'"), "\(bad.stderr)")
    }

    @Test func areasAssignReadsCRAndAByteOrderMarkAcrossBlocks() throws {
        let polygons = Fixtures.url("areas", "chicago77_wgs84.geojson").path
        let args = ["areas", "assign", "--polygons", polygons, "--label", "AREA_NUMBE"]
        // The Loop (community area 32) and a point in Indiana, as in AreasCommandTests.
        for input in ["lng,lat\r-87.6298,41.8781\r\r-87.0,41.0\r", "\u{FEFF}LAT, LNG\r\n41.8781,-87.6298\r\n41.0,-87.0"] {
            let out = try CLIRunner.run(args, stdin: input)
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stdout == "label\n32\n\n", "\(input.debugDescription)")
        }
        let rows = 200_000
        let input = "lat,lng\r" + String(repeating: "41.8781,-87.6298\r", count: rows)
        let out = try CLIRunner.run(args, stdin: input)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "label\n" + String(repeating: "32\n", count: rows))
        let bad = try CLIRunner.run(args, stdin: input + "91,0\r")
        #expect(bad.status != 0 && bad.stderr.contains("line \(rows + 2)"), "\(bad.stderr)")
    }
}
