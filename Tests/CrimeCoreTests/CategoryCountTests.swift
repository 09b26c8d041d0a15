import Testing
import CrimeCore

/// Per-category counts and the offence texts that fell into `other`, as the ingest report prints them.
@Suite struct CategoryCountTests {
    @Test func countsAndUncategorisedTexts() throws {
        let zone = try ZoneClock(identifier: "UTC")
        let texts = ["Break and Enter", "Mischief", "Assault", "Mischief", "Drug offence", "Mischief", "Drug offence"]
        let incidents = texts.enumerated().map { k, text in
            Incident(id: "i\(k)", time: 1_700_000_000 + Int64(k), location: GeoPoint(latitude: 43.7, longitude: -79.4),
                     category: CategoryMapping.keywords.category(for: text), offense: text)
        }
        let table = IncidentTable(zone: zone, incidents: incidents)
        #expect(table.categoryCounts == [.burglary: 1, .assault: 1, .other: 5])
        #expect(table.otherOffenses() == [OffenseCount(offense: "Mischief", rows: 3), OffenseCount(offense: "Drug offence", rows: 2)])
        #expect(table.otherOffenses(limit: 1).count == 1)
    }
}
