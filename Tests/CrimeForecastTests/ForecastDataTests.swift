import CrimeCore
import CrimeForecast
import CrimeGeo
import Testing

@Suite("Forecast data and histories")
struct ForecastDataTests {
    private let day: Int64 = 86_400, start: Int64 = 1_700_006_400   // 2023-11-15 00:00 UTC

    /// Incidents at `times`, all at the centre of the first cell of a 2 × 2 grid of 500 m cells, laid
    /// on daily windows in UTC.
    private static func data(at times: [Int64]) throws -> ForecastData {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.805, maxLongitude: -87.694), side: 500)
        let cells = try ForecastCells(index: grid, cells: grid.allCells)
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        let centre = try grid.center(of: grid.allCells[0])
        for (k, t) in times.enumerated() {
            table.append(id: "i\(k)", time: t, location: centre, category: .theft, offense: "THEFT")
        }
        return try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone))
    }

    /// A 2 × 2 grid of 500 m cells and daily windows in UTC: counts by hand, histories cut before an
    /// origin hold nothing at or after it.
    @Test func historiesStopAtTheOrigin() throws {
        let data = try Self.data(at: [start + 10, start + day + 5, start + day + 7, start + 3 * day + 1])
        let zone = data.windows.windowing.zone
        #expect(data.windows.count == 4)
        #expect(data.observed(window: 1)[0] == 2)
        #expect(data.observed(window: 2).reduce(0, +) == 0)
        let history = try data.history(before: 2)
        #expect(history.times.count == 3)
        #expect(history.counts.columns == 2)
        #expect(history.origin == start + 2 * day)
        #expect(throws: ForecastError.self) { try data.history(before: 0) }
        let span = try history.span(windows: 1)
        #expect(span.boundaries == [start + 2 * day, start + 3 * day])
        let early = try WindowSpan(.sequential(.daily, zone: zone), from: start + day, until: start + 2 * day)
        #expect(throws: ForecastError.self) { try history.check(early) }
        #expect(data.forwardOrigin == 4)
    }

    /// Histories before successive origins hold the data's first incidents, indexed from 0, and a suffix
    /// of one holds the last ones, also from 0: three incidents on day 0, two on day 1, one on day 2 (UTC).
    @Test func historiesArePrefixesIndexedFromZero() throws {
        // Out of time order on purpose: the data sorts them.
        let data = try Self.data(at: [start + 2 * day + 9, start + 4, start + day + 3, start + 1, start + day + 6, start + 2])
        let one = try data.history(before: 1), two = try data.history(before: 2), three = try data.history(before: 3)
        #expect(Array(one.times) == [start + 1, start + 2, start + 4])
        #expect(Array(two.times) == [start + 1, start + 2, start + 4, start + day + 3, start + day + 6])
        #expect(three.times.count == 6 && three.times.startIndex == 0)
        #expect(two.x.count == 5 && two.y.count == 5 && Array(two.cellOrdinals) == [0, 0, 0, 0, 0])
        let last = try three.suffix(windows: 2)
        #expect(last.times.startIndex == 0)
        #expect(Array(last.times) == [start + day + 3, start + day + 6, start + 2 * day + 9])
        #expect(last.x.count == 3 && last.cellOrdinals.count == 3)
        let rebuilt = try ForecastHistory(cells: data.cells, windows: last.windows, counts: last.counts, times: three.times[3...],
                                          x: three.x[3...], y: three.y[3...], cellOrdinals: three.cellOrdinals[3...])
        #expect(rebuilt.times.startIndex == 0 && rebuilt.times == last.times && rebuilt.x == last.x)
    }

    /// H3 cell areas from the ring formula agree with H3's exact area (same sphere, great-circle edges).
    @Test func cellAreasMatchH3() throws {
        let h3 = try H3Grid(resolution: 8)
        let cell = try #require(h3.cell(containing: GeoPoint(latitude: 36.17, longitude: -115.14)))
        let cells = try ForecastCells(index: h3, cells: [cell])
        let exact = try H3.cellAreaM2(H3Index(rawValue: cell.rawValue))
        #expect(abs(cells.areas[0] / exact - 1) < 1e-9)
    }
}

@Suite("Naive baselines as forecasters")
struct NaiveForecasterTests {
    /// One cell, daily windows over three weeks with counts 1…21 by day: `previous` forecasts the last
    /// day (21), `seasonal` the same weekday a week earlier (day 15), `historical` the mean (11).
    @Test func baselinesForecastFromTheHistory() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.801, maxLongitude: -87.699), side: 500)
        let cells = try ForecastCells(index: grid, cells: [grid.allCells[0]])
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        let start: Int64 = 1_699_833_600   // Monday 2023-11-13 00:00 UTC
        let centre = try grid.center(of: grid.allCells[0])
        for day in 0..<22 {
            for k in 0..<(day + 1) { table.append(id: "\(day)-\(k)", time: start + Int64(day) * 86_400 + Int64(k), location: centre,
                                                   category: .theft, offense: "THEFT") }
        }
        let data = try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone))
        let history = try data.history(before: 21)
        let span = try history.span(windows: 1)
        var results: [String: Double] = [:]
        for var method in NaiveBaseline.forecasters(for: history.windowing) {
            try method.fit(history)
            results[method.name] = try method.forecast(span).values[0]
        }
        #expect(results["previous"] == 21)
        #expect(results["seasonal"] == 15)
        #expect(results["historical"] == 11)
        var unfitted = NaiveBaseline(name: "previous", rule: .previousWindow)
        #expect(throws: ForecastError.notFitted("previous")) { try unfitted.forecast(span) }
        try unfitted.fit(history)
        let past = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + 86_400)
        #expect(throws: ForecastError.self) { try unfitted.forecast(past) }
    }
}

@Suite("Histories cut to their last windows")
struct HistorySuffixTests {
    /// Days 0–3 hold 1, 2, 0 and 1 incidents in cell 0 (incident k at day k·86400 + 10…): the last two
    /// windows keep the counts 0, 1 and the one incident of day 3.
    @Test func suffixKeepsTheLastWindows() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.801, maxLongitude: -87.699), side: 500)
        let cells = try ForecastCells(index: grid, cells: [grid.allCells[0]])
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        let start: Int64 = 1_700_006_400
        let centre = try grid.center(of: grid.allCells[0])
        for (k, day) in [0, 1, 1, 3, 4].enumerated() {
            table.append(id: "i\(k)", time: start + Int64(day) * 86_400 + 10, location: centre, category: .theft, offense: "THEFT")
        }
        let history = try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone)).history(before: 4)
        let last = try history.suffix(windows: 2)
        #expect(last.counts.values == [0, 1])
        #expect(last.times == [start + 3 * 86_400 + 10])
        #expect(last.origin == history.origin)
        #expect(last.windows.firstIndex == history.windows.firstIndex + 2)
        #expect(try history.suffix(windows: 9).counts.values == history.counts.values)
        #expect(throws: ForecastError.self) { try history.suffix(windows: 0) }
    }
}
