import Foundation
import Testing
@testable import CrimeCore

/// Each portal preset against a small extract in the portal's real format; the instants come from
/// pandas + zoneinfo (see Tests/Fixtures/ingest/make_ingest_fixtures.py).
@Suite struct PortalFixtureTests {
    struct Expected: Decodable {
        struct Row: Decodable {
            var id: String
            var time: Int64
            var latitude: Double
            var longitude: Double
            var category: String
            var offense: String
            var extras: [String]
        }
        var file: String
        var rows_read: Int
        var kept: [Row]
        var dropped: [String: Int]
    }

    static func expected(_ portal: String) throws -> Expected {
        let data = try Data(contentsOf: IngestTestSupport.fixtures.appendingPathComponent("expected.json"))
        let all = try JSONDecoder().decode([String: Expected?].self, from: data.replacingVersions())
        return try #require(all[portal] ?? nil)
    }

    @Test(arguments: ["chicago", "lapd", "nypd", "philadelphia", "baltimore", "lvmpd"])
    func portalExtractMatchesReference(portal: String) throws {
        let expected = try Self.expected(portal)
        let url = IngestTestSupport.fixtures.appendingPathComponent(expected.file)
        let schema = try IngestSchema.named(portal)
        let result = try IncidentReader.read(url, schema: schema)
        #expect(result.report.rowsRead == expected.rows_read)
        #expect(result.report.rowsKept == expected.kept.count)
        #expect(result.report.rowsRead == result.report.rowsKept + result.report.droppedTotal)
        let dropped = Dictionary(uniqueKeysWithValues: result.report.dropped.map { ($0.key.rawValue, $0.value) })
        #expect(dropped == expected.dropped)
        let table = result.table
        try #require(table.count == expected.kept.count)
        for (k, row) in expected.kept.enumerated() {
            #expect(table.ids[k] == row.id)
            #expect(table.times[k] == row.time, "\(portal) row \(k): \(table.zone.iso8601(utc: table.times[k]))")
            #expect(table.latitudes[k].bitPattern == row.latitude.bitPattern)
            #expect(table.longitudes[k].bitPattern == row.longitude.bitPattern)
            #expect(table.categories[k].name == row.category)
            #expect(table.offenses[k] == row.offense)
            #expect(table.extras.map { $0.values[k] } == row.extras)
        }
    }

    @Test func baltimoreLacksDistrictAndSaysSo() throws {
        let url = IngestTestSupport.fixtures.appendingPathComponent("baltimore.csv")
        let result = try IncidentReader.read(url, schema: .baltimore)
        #expect(result.absentColumns == ["District"])
        #expect(result.table.extra("District")?.count == result.table.count)
    }
}

private extension Data {
    /// The fixture's `_versions` entry is not a portal; drop it so the rest decodes as one map.
    func replacingVersions() throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: self) as? [String: Any] else { return self }
        object["_versions"] = nil
        return try JSONSerialization.data(withJSONObject: object)
    }
}
