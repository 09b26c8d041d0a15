import Foundation
import Testing
import CrimeTestSupport

@Suite("crimekit h3 against h3-py fixtures")
struct H3CommandTests {
    /// Non-comment lines of a fixture file after its header, split on commas.
    private func rows(_ file: String) throws -> [[Substring]] {
        try String(contentsOf: Fixtures.url("h3", file), encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    @Test("h3 cells gives h3-py's index for every row (one point per resolution 0–15 and more)")
    func cells() throws {
        let sample = try rows("points.csv").enumerated().filter { $0.offset % 97 == 0 }.map(\.element)
        var input = "lat,lng,res\n"
        for f in sample {
            let cell = String(f[2])
            let res = Int(String(cell[cell.index(after: cell.startIndex)]), radix: 16)!
            input += "\(f[0]),\(f[1]),\(res)\n"
        }
        let out = try CLIRunner.run(["h3", "cells"], stdin: input)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "cell")
        #expect(Array(lines.dropFirst()) == sample.map { String($0[2]) })
    }

    @Test("h3 cells wraps longitudes outside ±180 as h3-py does")
    func wrappedLongitudes() throws {
        let sample = try rows("wrap.csv").enumerated().filter { $0.offset % 41 == 0 }.map(\.element)
        #expect(sample.contains { abs(Double($0[1])!) > 540 })
        let input = "lat,lng,res\n" + sample.map { "\($0[0]),\($0[1]),\($0[2])\n" }.joined()
        let out = try CLIRunner.run(["h3", "cells"], stdin: input)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(Array(out.stdout.split(separator: "\n").map(String.init).dropFirst()) == sample.map { String($0[3]) })
    }

    @Test("h3 cells reads a byte-order mark, CR or CRLF line ends and quoted fields as LF input")
    func csvRules() throws {
        let plain = try CLIRunner.run(["h3", "cells"], stdin: "lat,lng,res\n36.1,-115.1,8\n41.8,-87.6,9\n")
        #expect(plain.status == 0 && plain.stdout.split(separator: "\n").count == 3, "\(plain.stderr)")
        for input in ["\u{FEFF}lat,lng,res\r36.1,-115.1,8\r41.8,-87.6,9\r",
                      "\u{FEFF}\"lat\",lng,res\r\n\"36.1\",-115.1,8\r\n\r\n41.8,-87.6,\"9\""] {
            let out = try CLIRunner.run(["h3", "cells"], stdin: input)
            #expect(out.status == 0 && out.stdout == plain.stdout, "\(out.stderr)")
        }
        let bad = try CLIRunner.run(["h3", "cells"], stdin: "lat,lng,res\r36.1,-115.1,8\r95,0,8\r")
        #expect(bad.status != 0 && bad.stderr.contains("line 3"))
    }

    @Test("h3 cells names the bad row and exits non-zero")
    func badRow() throws {
        let out = try CLIRunner.run(["h3", "cells"], stdin: "lat,lng,res\n36.1,-115.1,8\n95,0,8\n")
        #expect(out.status != 0)
        #expect(out.stderr.contains("line 3") && out.stderr.contains("latitude"))
        let res = try CLIRunner.run(["h3", "cells"], stdin: "lat,lng,res\n36.1,-115.1,16\n")
        #expect(res.status != 0 && res.stderr.contains("line 2"))
        let lng = try CLIRunner.run(["h3", "cells"], stdin: "lat,lng,res\n36.1,-115.1,8\n36.1,inf,8\n")
        #expect(lng.status != 0 && lng.stderr.contains("line 3") && lng.stderr.contains("longitude"))
    }

    @Test("h3 describe --json matches h3-py for pentagons and a hexagon split by a face edge")
    func describe() throws {
        let wanted = ["8009fffffffffff", "81083ffffffffff"]
        let table = try rows("cells.csv")
        // A hexagon with 7 boundary vertices: a Class III cell crossing an icosahedron edge.
        let split = try #require(table.first { $0[7].split(separator: ";").count == 7 })
        let chosen = table.filter { wanted.contains(String($0[0])) } + [split]
        #expect(chosen.count == 3)
        for f in chosen {
            let out = try CLIRunner.run(["h3", "describe", String(f[0]), "--json"])
            #expect(out.status == 0, "\(out.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            let center = try #require(object["center"] as? [Double])
            #expect(abs(center[0] - Double(f[1])!) < 1e-9 && abs(center[1] - Double(f[2])!) < 1e-9)
            #expect(object["disk1"] as? [String] == f[6].split(separator: ";").map(String.init))
            let parent = object["parent"] as? String
            #expect(parent == (f[3].isEmpty ? nil : String(f[3])))
            let boundary = try #require(object["boundary"] as? [[Double]])
            let expected = f[7].split(separator: ";").map { $0.split(separator: " ").map { Double($0)! } }
            #expect(boundary.count == expected.count)
            for (p, q) in zip(boundary, expected) { #expect(abs(p[0] - q[0]) < 1e-9 && abs(p[1] - q[1]) < 1e-9) }
            #expect(object["is_pentagon"] as? Bool == wanted.contains(String(f[0])))
            #expect(object["resolution"] as? Int != nil && object["base_cell"] as? Int != nil)
        }
        let bad = try CLIRunner.run(["h3", "describe", "xyz", "--json"])
        #expect(bad.status != 0 && bad.stderr.contains("xyz"))
    }
}
