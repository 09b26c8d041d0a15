import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

/// The batched truth table (every raster cell × window in one pass) against the per-box integral.
@Suite struct SyntheticRasterTruthTests {
    private func city() throws -> SyntheticCity {
        var c = SyntheticCityConfig()
        c.days = 30
        c.start = "2023-06-05"
        c.dirt = .none
        c.seed = 33
        return try SyntheticCity(config: c)
    }

    @Test func everyEntryIsTheIntegralOverItsCellAndWindow() throws {
        let city = try city()
        let t0 = city.interval.lowerBound
        // Uneven windows: a day, half a day, five hours, one second, and two days.
        let boundaries: [Int64] = [t0 + 9 * 86_400, t0 + 10 * 86_400, t0 + 10 * 86_400 + 43_200,
                                   t0 + 10 * 86_400 + 61_200, t0 + 10 * 86_400 + 61_201, t0 + 12 * 86_400 + 61_201]
        let table = try city.expectedRasterCounts(boundaries: boundaries)
        let n = city.config.rasterSize
        #expect(table.rows == 5 && table.columns == n * n)
        let cells = [(n / 2, n / 2), (n / 2 + 3, n / 2 - 2), (70, 25), (0, 0), (n - 1, n - 1)]
        for w in 0..<table.rows {
            for (row, column) in cells {
                let box = city.rasterCell(row: row, column: column)
                let expected = city.expectedCount(in: box, from: boundaries[w], to: boundaries[w + 1])
                let got = table[w, row * n + column]
                #expect(abs(got - expected) <= 1e-9 * expected, "window \(w), cell \(row),\(column): \(got) vs \(expected)")
            }
            let wholeCity = city.expectedCount(in: city.bounds, from: boundaries[w], to: boundaries[w + 1])
            let sum = (0..<table.columns).reduce(0.0) { $0 + table[w, $1] }
            #expect(abs(sum - wholeCity) <= 1e-9 * wholeCity, "window \(w): \(sum) vs \(wholeCity)")
        }
    }

    @Test func windowsOutsideTheCityAreEmptyAndTheLastIsCutAtItsEnd() throws {
        let city = try city()
        let (start, end) = (city.interval.lowerBound, city.interval.upperBound)
        let table = try city.expectedRasterCounts(boundaries: [start - 86_400, start, end - 3_600, end + 86_400])
        let cells = table.columns
        #expect((0..<cells).allSatisfy { table[0, $0] == 0 })
        let lastHour = city.expectedCount(in: city.bounds, from: end - 3_600, to: end)
        let sum = (0..<cells).reduce(0.0) { $0 + table[2, $1] }
        #expect(lastHour > 0 && abs(sum - lastHour) <= 1e-9 * lastHour)
    }

    @Test func badBoundariesAreTypedErrors() throws {
        let city = try city()
        #expect(throws: SyntheticCityError.self) { try city.expectedRasterCounts(boundaries: [city.interval.lowerBound]) }
        #expect(throws: SyntheticCityError.self) {
            try city.expectedRasterCounts(boundaries: [city.interval.lowerBound + 10, city.interval.lowerBound + 10])
        }
        var c = SyntheticCityConfig()
        c.offspringSpread = 0
        #expect(throws: SyntheticCityError.self) { try SyntheticCity(config: c) }
    }
}
