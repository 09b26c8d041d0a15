import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

@Suite struct SyntheticFlareTests {
    private func config(days: Int, branching: Double, flares: SyntheticFlareSettings, seed: UInt64 = 7) -> SyntheticCityConfig {
        var c = SyntheticCityConfig()
        c.start = "2023-06-05"
        c.days = days
        c.branchingRatio = branching
        c.flares = flares
        c.seed = seed
        return c
    }

    @Test func offByDefaultAndTheEventsAreThoseOfTheGeneratorBeforeFlares() throws {
        #expect(SyntheticCityConfig().flares == .off)
        let city = try SyntheticCity(config: config(days: 10, branching: 0.3, flares: .off))
        #expect(city.flares.isEmpty)
        // Pinned from the generator at the commit before flares existed (9a16cc8), same settings.
        #expect(city.events.count == 3_228)
        #expect(city.events.filter(\.isOffspring).count == 782)
        #expect(city.events.reduce(Int64(0)) { $0 + ($1.time - city.interval.lowerBound) } == 1_465_399_655)
        #expect(city.events[1_000].latitude == 41.912_136_881_649_09)
        #expect(city.events[1_000].longitude == -87.626_011_293_628_78)
    }

    @Test func flaresRaiseCountsAroundTheirCentresByTheirExpectedAmount() throws {
        // Without offspring the background draws are the same with and without flares, so the difference
        // of the counts in a box around each flare's centre on each day of its life is the flare events
        // there: Poisson with the mean expectedFlare gives.
        var settings = SyntheticFlareSettings.drifting
        settings.perYear = 60
        let on = try SyntheticCity(config: config(days: 60, branching: 0, flares: settings))
        let off = try SyntheticCity(config: config(days: 60, branching: 0, flares: .off))
        #expect(on.flares.count >= 3)
        let frame = SyntheticMetricFrame(on)
        func point(_ x: Double, _ y: Double) -> GeoPoint {
            GeoPoint(latitude: on.config.center.latitude + y / frame.metresPerDegreeNorth,
                     longitude: on.config.center.longitude + x / frame.metresPerDegreeEast)
        }
        var (countOn, countOff, expected) = (0, 0, 0.0)
        for flare in on.flares {
            for day in flare.startDay..<min(60, flare.startDay + flare.days) {
                let centre = flare.centre(day: day)
                let cx = centre.x, cy = centre.y
                let sw = point(cx - 1_500, cy - 1_500), ne = point(cx + 1_500, cy + 1_500)
                let box = BoundingBox(minLatitude: sw.latitude, minLongitude: sw.longitude, maxLatitude: ne.latitude, maxLongitude: ne.longitude)
                let start = on.interval.lowerBound + Int64(day) * 86_400, end = start + 86_400
                func count(_ city: SyntheticCity) -> Int {
                    city.events.filter { (start..<end).contains($0.time) && box.contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }.count
                }
                countOn += count(on)
                countOff += count(off)
                expected += on.expectedFlare(in: box, from: start, to: end)
            }
        }
        #expect(expected > 400, "expected flare events \(expected)")
        #expect(abs(Double(countOn - countOff) - expected) < 5 * expected.squareRoot(), "on \(countOn), off \(countOff), expected \(expected)")
        #expect(off.events.count < on.events.count)
    }

    @Test func flaresAreSeededAndDrift() throws {
        let a = try SyntheticCity(config: config(days: 90, branching: 0.3, flares: .drifting))
        let b = try SyntheticCity(config: config(days: 90, branching: 0.3, flares: .drifting))
        let c = try SyntheticCity(config: config(days: 90, branching: 0.3, flares: .drifting, seed: 8))
        #expect(a.events == b.events)
        #expect(a.flares == b.flares)
        #expect(a.flares != c.flares)
        let flare = try #require(a.flares.first)
        let start = flare.centre(day: flare.startDay), later = flare.centre(day: flare.startDay + 10)
        let x0 = start.x, y0 = start.y, x1 = later.x, y1 = later.y
        #expect(abs(((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot() - 1_500) < 1e-6)
        #expect((21...49).contains(flare.days))
        #expect(flare.expectedEvents(day: flare.startDay - 1) == 0)
    }

    @Test func rasterTruthIncludesTheFlares() throws {
        let city = try SyntheticCity(config: config(days: 40, branching: 0.3, flares: .drifting, seed: 3))
        let flare = try #require(city.flares.first { $0.startDay + 2 < 40 })
        let day = flare.startDay + 1
        let start = city.interval.lowerBound + Int64(day) * 86_400
        let boundaries = [start - 43_200, start + 43_200, start + 86_400 * 2]
        let table = try city.expectedRasterCounts(boundaries: boundaries)
        let n = city.config.rasterSize, half = Double(n) * city.config.cellSide / 2
        let centre = flare.centre(day: day)
        let cx = centre.x, cy = centre.y
        let row = Int((cy + half) / city.config.cellSide), column = Int((cx + half) / city.config.cellSide)
        var flareShare = 0.0
        for (r, c) in [(row, column), (row + 2, column - 3)] where (0..<n).contains(r) && (0..<n).contains(c) {
            for w in 0..<2 {
                let box = city.rasterCell(row: r, column: c)
                let expected = city.expectedCount(in: box, from: boundaries[w], to: boundaries[w + 1])
                #expect(abs(table[w, r * n + c] - expected) <= 1e-9 * expected, "cell \(r), \(c), window \(w)")
                flareShare = max(flareShare, city.expectedFlare(in: box, from: boundaries[w], to: boundaries[w + 1]) / expected)
            }
        }
        #expect(flareShare > 0.05, "the flare's share of the cell's expected count is \(flareShare)")
    }

    @Test func flareSettingsOutOfRangeAreTypedErrors() throws {
        var settings = SyntheticFlareSettings.drifting
        settings.perYear = -1
        #expect(throws: SyntheticCityError.badSetting("flares.perYear must be ≥ 0, got -1.0")) {
            try SyntheticCity(config: config(days: 5, branching: 0.3, flares: settings))
        }
        settings = .drifting
        settings.maxDays = 3
        #expect(throws: SyntheticCityError.badSetting("flares.minDays must be ≥ 1 and ≤ flares.maxDays, got 21…3")) {
            try SyntheticCity(config: config(days: 5, branching: 0.3, flares: settings))
        }
    }
}
