import CrimeCore
import CrimeForecast
import CrimeGeo
import Testing

@Suite("Forecast data and histories")
struct ForecastDataTests {
    /// A 2 × 2 grid of 500 m cells and daily windows in UTC: counts by hand, histories cut before an
    /// origin hold nothing at or after it.
    @Test func historiesStopAtTheOrigin() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.805, maxLongitude: -87.694), side: 500)
        let cells = try ForecastCells(index: grid, cells: grid.allCells)
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        let day: Int64 = 86_400, start: Int64 = 1_700_006_400   // 2023-11-15 00:00 UTC
        let centre = try grid.center(of: grid.allCells[0])
        for (k, t) in [start + 10, start + day + 5, start + day + 7, start + 3 * day + 1].enumerated() {
            table.append(id: "i\(k)", time: t, location: centre, category: .theft, offense: "THEFT")
        }
        let data = try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone))
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

    /// H3 cell areas from the ring formula agree with H3's exact area (same sphere, great-circle edges).
    @Test func cellAreasMatchH3() throws {
        let h3 = try H3Grid(resolution: 8)
        let cell = try #require(h3.cell(containing: GeoPoint(latitude: 36.17, longitude: -115.14)))
        let cells = try ForecastCells(index: h3, cells: [cell])
        let exact = try H3.cellAreaM2(H3Index(rawValue: cell.rawValue))
        #expect(abs(cells.areas[0] / exact - 1) < 1e-9)
    }
}
