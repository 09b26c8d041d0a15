import Foundation
import Testing
@testable import CrimeCore

@Suite struct IngestMappingTests {
    @Test func userMappingReadsLondonWallClock() throws {
        let mapping = try IngestTestSupport.write(#"""
            {"time": ["When"], "format": "yyyy-MM-dd HH:mm", "zone": "Europe/London", "latitude": "lat",
             "longitude": "lon", "category": "type", "id": "ref", "extras": ["ward"]}
            """#, suffix: ".json")
        let schema = try IngestSchema.resolve(mapping)
        // 2024-03-31 01:30 does not exist in London (clocks go 01:00 → 02:00): read as 02:30 BST = 01:30Z.
        let data = try IngestTestSupport.write("ref,When,lat,lon,type,ward\nx1,2024-07-01 12:00,51.5,-0.12,Burglary,W1\nx2,2024-03-31 01:30,51.5,-0.1,Robbery,W2\n")
        let result = try IncidentReader.read(URL(fileURLWithPath: data), schema: schema)
        #expect(result.table.times == [1_719_831_600, 1_711_848_600])
        #expect(result.table.categories == [.burglary, .robbery])
        #expect(result.table.extra("ward")?[1] == "W2")
    }

    @Test func badMappingIsATypedError() throws {
        let mapping = try IngestTestSupport.write(#"{"time": "When", "zone": "UTC"}"#, suffix: ".json")
        #expect(throws: IngestError.self) { try IngestSchema.resolve(mapping) }
        let badZone = try IngestTestSupport.write(#"""
            {"time": "t", "format": "yyyy", "zone": "Mars/Olympus", "latitude": "a", "longitude": "b", "category": "c"}
            """#, suffix: ".json")
        #expect(throws: IngestError.self) { try IngestSchema.resolve(badZone) }
    }
}
