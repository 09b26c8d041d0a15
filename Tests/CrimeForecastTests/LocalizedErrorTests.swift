import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeTestSupport
import Testing

/// The forecasting layer's errors read as their sentences in an embedding app.
@Suite struct ForecastLocalizedErrorTests {
    @Test func forecastError() throws {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.801, maxLongitude: -87.699), side: 500)
        expectLocalizedDescription(ForecastError.self) { _ = try ForecastCells(index: grid, cells: []) }
        expectLocalizedDescription(ForecastError.self) {
            _ = try NaiveBaseline(name: "previous", rule: .previousWindow).forecast(
                try WindowSpan(.sequential(.daily, zone: try ZoneClock(identifier: "UTC")), from: 0, until: 86_400))
        }
    }
}
