import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

/// The written extract counted by a tiny parser of its own (not CrimeKit's reader): rows, empty
/// locations, repeated IDs and midnight stamps against the manifest.
@Suite struct SyntheticExtractCountTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString)-\(name)").path
    }

    /// Splits one CSV line on commas outside double quotes, undoing `""` inside quotes.
    private func fields(_ line: Substring) -> [String] {
        var out: [String] = [], field = "", quoted = false, previousWasQuote = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; previousWasQuote = true; continue }
                field.append(c)
            } else if c == "\"" {
                if previousWasQuote { field.append(c) }
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
            previousWasQuote = false
        }
        out.append(field)
        return out
    }

    @Test func tinyParserHandlesQuotedCommasAndQuotes() {
        #expect(fields("a,\"b, c\",\"say \"\"hi\"\"\",") == ["a", "b, c", "say \"hi\"", ""])
    }

    @Test func manifestCountsEqualTheRowsOfTheFile() throws {
        var c = SyntheticCityConfig()
        c.days = 20
        c.start = "2024-03-01"
        c.seed = 5
        // Rates high enough that every kind of dirt occurs in 20 days.
        c.dirt = SyntheticDirt(missingLocation: 0.03, duplicate: 0.02, midnightStamped: 0.05)
        let path = temporaryPath("count.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let manifest = try SyntheticCity(config: c).writeChicagoExtract(to: URL(fileURLWithPath: path))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let rows = lines.dropFirst().dropLast().map(fields)
        #expect(rows.allSatisfy { $0.count == 22 })
        #expect(rows.count == manifest.rowsWritten)

        var seen = Set<String>(), repeated = 0, unlocated = 0, midnightLocated = 0, located = 0
        for row in rows {
            if !seen.insert(row[0]).inserted { repeated += 1; continue }
            if row[19].isEmpty && row[20].isEmpty && row[21].isEmpty {
                unlocated += 1
            } else {
                located += 1
                if row[2].hasSuffix(" 12:00:00 AM") { midnightLocated += 1 }
            }
        }
        #expect(repeated == manifest.duplicate && repeated > 0)
        #expect(unlocated == manifest.missingLocation && unlocated > 0)
        #expect(seen.count == manifest.events)
        #expect(located == manifest.expectedRowsKept)
        #expect(manifest.categories.values.reduce(0, +) == manifest.expectedRowsKept)
        // A true event rarely falls on second 00:00:00 exactly; every stamped one is there.
        #expect(midnightLocated >= manifest.midnightStamped && midnightLocated <= manifest.midnightStamped + 3,
                "\(midnightLocated) at midnight, \(manifest.midnightStamped) stamped")
        // Location is "(lat, lng)" of the Latitude and Longitude fields.
        let first = try #require(rows.first { !$0[19].isEmpty })
        #expect(first[21] == "(\(first[19]), \(first[20]))")
    }

    @Test func noDirtMeansNoDirtyRows() throws {
        var c = SyntheticCityConfig()
        c.days = 5
        c.dirt = .none
        let path = temporaryPath("clean.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let manifest = try SyntheticCity(config: c).writeChicagoExtract(to: URL(fileURLWithPath: path))
        #expect(manifest.missingLocation == 0 && manifest.duplicate == 0 && manifest.midnightStamped == 0)
        #expect(manifest.rowsWritten == manifest.events && manifest.expectedRowsKept == manifest.events)
    }
}
