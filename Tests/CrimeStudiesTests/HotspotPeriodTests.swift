import CrimeCore
import CrimeStudies
import CrimeSynthetic
import Testing

/// Without a start day the hot-spot study takes its periods from where the data is, not from a stray
/// record dated decades early.
@Suite struct HotspotPeriodTests {
    @Test func periodsEndWithTheData() throws {
        var config = SyntheticCityConfig()
        config.days = 120
        config.dailyRate = 60
        var table = try SyntheticCity(config: config).incidentTable()
        let stray = IncidentTable(zone: table.zone, incidents: [
            Incident(id: "old", time: try LocalDay("1966-05-01").start(in: table.zone) + 43_200,
                     location: table.location(0), category: .theft, offense: "THEFT"),
        ])
        try table.append(contentsOf: stray)
        var pipeline = HotspotPipeline()
        (pipeline.weeks, pipeline.trees) = (8, 5)
        let result = try pipeline.run(table).result
        // The data's last local day is 2023-01-01 + 119 days = 2023-04-30; 16 weeks back from the day
        // after it is 2023-01-09.
        #expect(result.data.trainDays.lowerBound == (try LocalDay("2023-01-09")))
        #expect(result.data.testDays.upperBound == (try LocalDay("2023-05-01")))
        pipeline.weeks = 9
        #expect(throws: HotspotError.self) { try pipeline.run(try SyntheticCity(config: config).incidentTable()) }
    }
}
