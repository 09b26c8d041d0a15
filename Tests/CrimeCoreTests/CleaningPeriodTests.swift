import Testing
@testable import CrimeCore

/// Time outliers: the bulk span is reported, `since`/`until` drop rows as `out_of_period`.
@Suite struct CleaningPeriodTests {
    /// 2,000 incidents one a day from 2014-01-01 in Toronto's zone, plus 3 reported from 1966, 1990 and 2013.
    static func table() throws -> IncidentTable {
        let zone = try ZoneClock(identifier: "America/Toronto")
        var incidents: [Incident] = []
        let start = try LocalDay("2014-01-01")
        for k in 0..<2_000 {
            incidents.append(Incident(id: "r\(k)", time: start.adding(days: k).start(in: zone) + 43_200,
                                      location: GeoPoint(latitude: 43.7, longitude: -79.4), category: .theft, offense: "THEFT UNDER"))
        }
        for (k, day) in ["1966-05-01", "1990-07-04", "2013-12-31"].enumerated() {
            incidents.append(Incident(id: "old\(k)", time: try LocalDay(day).start(in: zone) + 43_200,
                                      location: GeoPoint(latitude: 43.7, longitude: -79.4), category: .theft, offense: "THEFT UNDER"))
        }
        return IncidentTable(zone: zone, incidents: incidents)
    }

    /// 2,003 rows: 99.9 % of them is 2,001, one row trimmed at each end (nearest ranks: index
    /// floor(0.0005 × 2003) = 1 and ceil(0.9995 × 2003) − 1 = 2001). So the bulk runs from the
    /// second-earliest row (1990-07-04) to the second-latest (2014-01-01 + 1,998 days = 2019-06-22),
    /// with the 1966 row before it and the last day (2019-06-23) after it.
    @Test func bulkSpanNamesTheTail() throws {
        let table = try Self.table()
        var report = CleaningReport()
        report.rowsRead = table.count
        _ = table.cleaned(options: CleaningOptions(), report: &report)
        let bulk = try #require(report.bulk)
        #expect(bulk.firstDay == "1990-07-04")
        #expect(bulk.lastDay == "2019-06-22")
        #expect(bulk.before == 1 && bulk.after == 1)
    }

    /// `since` 2014-01-01 drops the three old rows as `out_of_period`; `until` keeps its own day.
    @Test func sinceAndUntilDropOutOfPeriod() throws {
        let table = try Self.table()
        var report = CleaningReport()
        report.rowsRead = table.count
        let result = table.cleaned(options: CleaningOptions(since: try LocalDay("2014-01-01"), until: try LocalDay("2014-01-10")),
                                   report: &report)
        #expect(result.table.count == 10)
        #expect(report.dropped[.outOfPeriod] == 1_993)
        #expect(report.rowsRead == report.rowsKept + report.droppedTotal)
        #expect(report.samples.first?.reason == .outOfPeriod)
        #expect(report.bulk?.firstDay == "2014-01-01" && report.bulk?.lastDay == "2014-01-10")
    }
}
