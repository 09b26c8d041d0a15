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

    /// A date written as local midnight in UTC (`+00`) with the hour in its own column: the date's own
    /// calendar day in Toronto, then the local hour (zoneinfo: 2014-03-02 23:00 EST = 1393819200,
    /// 2014-07-02 01:00 EDT = 1404277200), not the hour shifted by the date's offset.
    @Test func offsetDateWithSeparateHourIsReadOnTheLocalDay() throws {
        let mapping = try IngestTestSupport.write(#"""
            {"time": "occurrencedate", "format": "yyyy/MM/dd HH:mm:ss", "time_of_day": "occurrencehour",
             "time_of_day_format": "HH", "zone": "America/Toronto", "latitude": "lat", "longitude": "lon", "category": "mci"}
            """#, suffix: ".json")
        let data = try IngestTestSupport.write("occurrencedate,occurrencehour,lat,lon,mci\n"
            + "2014/03/02 05:00:00+00,23,43.7,-79.4,Break and Enter\n2014/07/02 04:00:00+00,01,43.7,-79.4,Assault\n")
        let result = try IncidentReader.read(URL(fileURLWithPath: data), schema: try IngestSchema.resolve(mapping))
        #expect(result.table.times == [1_393_819_200, 1_404_277_200])
        #expect(result.table.categories == [.burglary, .assault])
    }

    /// A misspelt key (`timeOfDay` for `time_of_day`) is refused with the list of keys, not ignored.
    @Test func unknownKeysAreRefused() throws {
        let mapping = try IngestTestSupport.write(#"""
            {"time": "t", "format": "yyyy-MM-dd", "zone": "UTC", "latitude": "a", "longitude": "b", "category": "c",
             "timeOfDay": "hour"}
            """#, suffix: ".json")
        do {
            _ = try IngestSchema.resolve(mapping)
            Issue.record("a mapping with an unknown key was accepted")
        } catch let IngestError.badMapping(_, reason) {
            #expect(reason.contains("unknown key 'timeOfDay'") && reason.contains("time_of_day"))
        }
    }

    /// A date and an hour listed together under `time` are alternatives, not a pair: a file holding both is
    /// refused with what to write instead; a file holding one of them reads it.
    @Test func timeCandidatesPresentTogetherAreRefused() throws {
        let mapping = try IngestTestSupport.write(#"""
            {"time": ["OCC_DATE", "OCC_HOUR"], "format": "yyyy-MM-dd", "zone": "UTC", "latitude": "lat",
             "longitude": "lon", "category": "mci"}
            """#, suffix: ".json")
        let schema = try IngestSchema.resolve(mapping)
        let both = try IngestTestSupport.write("OCC_DATE,OCC_HOUR,lat,lon,mci\n2014-03-02,23,43.7,-79.4,Assault\n")
        #expect(throws: IngestError.ambiguousTime(file: both, columns: ["OCC_DATE", "OCC_HOUR"])) {
            try IncidentReader.read(URL(fileURLWithPath: both), schema: schema)
        }
        #expect(IngestError.ambiguousTime(file: both, columns: ["OCC_DATE", "OCC_HOUR"]).description
            .contains(#""time": "OCC_DATE", "time_of_day": "OCC_HOUR""#))
        let one = try IngestTestSupport.write("OCC_DATE,lat,lon,mci\n2014-03-02,43.7,-79.4,Assault\n")
        #expect(try IncidentReader.read(URL(fileURLWithPath: one), schema: schema).table.times == [1_393_718_400])
    }

    /// A schema argument naming an existing file is a mapping whatever its extension.
    @Test func anExistingFileIsAMapping() throws {
        let mapping = try IngestTestSupport.write(#"""
            {"name": "toronto", "time": "t", "format": "yyyy-MM-dd", "zone": "America/Toronto", "latitude": "a",
             "longitude": "b", "category": "c"}
            """#, suffix: ".mapping")
        #expect(try IngestSchema.resolve(mapping).name == "toronto")
        #expect(throws: IngestError.self) { try IngestSchema.resolve("no-such-schema.mapping") }
    }

    /// The generic keyword rules know the common synonyms of English-speaking portals.
    @Test(arguments: [
        ("Break and Enter", CrimeCategory.burglary), ("B&E - Residence", .burglary), ("B & E", .burglary),
        ("BREAKING AND ENTERING", .burglary), ("Housebreaking", .burglary), ("Burglary", .burglary),
        ("Auto Theft", .motorVehicleTheft), ("Motor Vehicle Theft", .motorVehicleTheft), ("Vehicle crime", .motorVehicleTheft),
        ("Theft of Motor Vehicle", .motorVehicleTheft), ("Car theft", .motorVehicleTheft), ("Grand Theft Auto", .motorVehicleTheft),
        ("Stolen vehicle", .motorVehicleTheft), ("Taking without consent", .motorVehicleTheft),
        ("Theft Over", .theft), ("Theft Under $5000", .theft), ("Grand Theft", .theft), ("Petty theft", .theft),
        ("Theft from Motor Vehicle", .theft), ("Theft from vehicle", .theft), ("Shoplifting", .theft), ("Larceny", .theft),
        ("Robbery", .robbery), ("Mugging", .robbery), ("Murder", .homicide), ("Manslaughter", .homicide),
        ("Assault", .assault), ("Wounding", .assault), ("Grievous bodily harm", .assault),
        ("Mischief", .other), ("Drug offence", .other),
    ])
    func keywordSynonyms(text: String, category: CrimeCategory) {
        #expect(CategoryMapping.keywords.category(for: text) == category, "\(text)")
    }
}
