import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

@Suite struct SyntheticCityTests {
    private func config(days: Int, start: String = "2023-06-05", branching: Double = 0.3,
                        dirt: SyntheticDirt = .standard, seed: UInt64 = 7) -> SyntheticCityConfig {
        var c = SyntheticCityConfig()
        c.days = days
        c.start = start
        c.branchingRatio = branching
        c.dirt = dirt
        c.seed = seed
        return c
    }

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString)-\(name)").path
    }

    @Test func sameSeedSameBytesOtherSeedDiffers() throws {
        let a = temporaryPath("a.csv"), b = temporaryPath("b.csv"), c = temporaryPath("c.csv")
        defer { for p in [a, b, c] { try? FileManager.default.removeItem(atPath: p) } }
        _ = try SyntheticCity(config: config(days: 10)).writeChicagoExtract(to: URL(fileURLWithPath: a))
        _ = try SyntheticCity(config: config(days: 10)).writeChicagoExtract(to: URL(fileURLWithPath: b))
        _ = try SyntheticCity(config: config(days: 10, seed: 8)).writeChicagoExtract(to: URL(fileURLWithPath: c))
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(bytesA != (try Data(contentsOf: URL(fileURLWithPath: c))))
    }

    @Test func backgroundCountMatchesTheRateOverWholeWeeks() throws {
        // Four whole weeks without a clock change and no trend: the weekly rhythm averages to 1, so the
        // expected count is 250 × 28 = 7000 with Poisson standard deviation √7000 ≈ 83.7.
        var c = config(days: 28, branching: 0, dirt: .none)
        c.trendPerYear = 0
        let city = try SyntheticCity(config: c)
        #expect(abs(Double(city.events.count) - 7000) < 4 * 7000.0.squareRoot())
        #expect(city.events.allSatisfy { !$0.isOffspring })
    }

    @Test func weekendLateNightsAreThreeTimesWeekdayMornings() throws {
        var c = config(days: 364, start: "2023-01-02", branching: 0, dirt: .none)
        c.trendPerYear = 0
        let city = try SyntheticCity(config: c)
        var lateNight = 0, morning = 0
        for event in city.events {
            let (day, second) = CivilDate.split(wallSeconds: city.zone.wallSeconds(utc: event.time))
            let weekday = CivilDate.weekday(dayNumber: day), hour = second / 3600
            if (weekday == 4 && hour >= 22) || (weekday == 5 && (hour < 4 || hour >= 22)) || (weekday == 6 && hour < 4) {
                lateNight += 1
            }
            if weekday < 5, (7..<12).contains(hour) { morning += 1 }
        }
        // Per hour: late nights cover 12 hours a week, weekday mornings 25.
        let ratio = (Double(lateNight) / 12) / (Double(morning) / 25)
        #expect(abs(ratio - 3) < 0.15, "ratio \(ratio)")
    }

    @Test func offspringShareIsNearTheBranchingRatio() throws {
        let city = try SyntheticCity(config: config(days: 90, dirt: .none))
        let share = Double(city.events.filter(\.isOffspring).count) / Double(city.events.count)
        // In a stationary cluster process the offspring share equals the branching ratio; offspring
        // falling after the end are lost, which lowers it slightly.
        #expect(share > 0.26 && share < 0.31, "share \(share)")
    }

    @Test func hotspotCellsAreDenserThanTheEdge() throws {
        let city = try SyntheticCity(config: config(days: 60, branching: 0, dirt: .none))
        let n = city.config.rasterSize
        let centre = city.rasterCell(row: n / 2, column: n / 2), corner = city.rasterCell(row: 2, column: n - 3)
        let grow = { (b: BoundingBox) in
            BoundingBox(minLatitude: b.minLatitude - 0.004, minLongitude: b.minLongitude - 0.005,
                        maxLatitude: b.maxLatitude + 0.004, maxLongitude: b.maxLongitude + 0.005)
        }
        let inCentre = city.events.filter { grow(centre).contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }.count
        let inCorner = city.events.filter { grow(corner).contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }.count
        // The surface is about 19 at the centre (hot spot 14 + corridor ≈ 4 + base 1) and 1 in that corner.
        #expect(inCentre > 5 * max(inCorner, 1), "centre \(inCentre), corner \(inCorner)")
    }

    @Test func ingestAndCleanReproduceTheManifestExactly() throws {
        let path = temporaryPath("roundtrip.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let manifest = try SyntheticCity(config: config(days: 45, start: "2024-10-20")).writeChicagoExtract(to: URL(fileURLWithPath: path))
        #expect(manifest.missingLocation > 0 && manifest.duplicate > 0 && manifest.midnightStamped > 0)
        let result = try IncidentReader.read(URL(fileURLWithPath: path), schema: .chicago)
        var report = result.report
        #expect(report.rowsRead == manifest.rowsWritten)
        #expect(report.dropped == [.missingLocation: manifest.missingLocation])
        let cleaned = result.table.cleaned(options: CleaningOptions(midnight: .keep), report: &report)
        let table = cleaned.table, spike = cleaned.midnightSpike
        #expect(report.dropped[.duplicate] == manifest.duplicate)
        #expect(report.rowsKept == manifest.expectedRowsKept)
        #expect(table.count == manifest.expectedRowsKept)
        #expect(spike.isSignificant && spike.atMidnight >= manifest.midnightStamped)
        var categories: [String: Int] = [:]
        for c in table.categories { categories[c.name, default: 0] += 1 }
        #expect(categories == manifest.categories)
        let span = try #require(table.timeSpan)
        #expect(table.zone.iso8601(utc: span.lowerBound) == manifest.firstTime)
        #expect(table.zone.iso8601(utc: span.upperBound) == manifest.lastTime)
        // The Location field holds a comma, so the writer must quote it (RFC 4180).
        let head = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(50)
        #expect(head.dropFirst().contains { $0.hasSuffix(")\"") && $0.contains(",\"(") })
    }

    @Test func badSettingsAreTypedErrors() {
        var c = SyntheticCityConfig()
        c.branchingRatio = 1.2
        #expect(throws: SyntheticCityError.self) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.days = 0
        #expect(throws: SyntheticCityError.self) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.zone = "Nowhere/Atlantis"
        #expect(throws: ZoneError.unknownZone("Nowhere/Atlantis")) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.start = "2023-02-30"
        #expect(throws: (any Error).self) { try SyntheticCity(config: c) }
    }

    @Test func theLastDayMayBe9999December31ButNoLater() throws {
        var c = SyntheticCityConfig()
        c.start = "9999-12-30"
        c.days = 3
        #expect(throws: SyntheticCityError.badSetting("start 9999-12-30 and 3 days pass 9999-12-31, the last date ingest reads")) {
            try SyntheticCity(config: c)
        }
        c.days = 2
        c.dailyRate = 5
        #expect(try SyntheticCity(config: c).config.days == 2)
    }

    @Test func sizesPastTheCeilingsAreTypedErrorsBeforeAnySimulation() {
        var c = SyntheticCityConfig()
        c.dailyRate = 1e9
        // 10⁹ a day for 365 days, grown 5 % by the last day: 10⁹ × 365 × 1.05 = 3.8325 × 10¹¹ events.
        #expect(throws: SyntheticCityError.badSetting(
            "dailyRate 1000000000.0 over 365 days (with the trend) expects about 383250000000 background events, "
            + "more than the 20000000 a city may have; lower the rate or the days")) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.days = 36_501
        #expect(throws: SyntheticCityError.badSetting("days must be 1…36500, got 36501")) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.rasterSize = 1 << 40
        #expect(throws: SyntheticCityError.badSetting("rasterSize must be at most 2000, got 1099511627776")) { try SyntheticCity(config: c) }
        c = SyntheticCityConfig()
        c.trendPerYear = .infinity
        #expect(throws: SyntheticCityError.self) { try SyntheticCity(config: c) }
    }
}
