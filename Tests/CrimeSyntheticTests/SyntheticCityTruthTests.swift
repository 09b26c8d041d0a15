import Foundation
import Testing
@testable import CrimeCore
@testable import CrimeSynthetic

/// The synthetic city's exposed truth (`hourlyExpected`, `expectedBackground`) against what it generates,
/// the offence shares, the fall-back rule and the extract's header.
@Suite struct SyntheticCityTruthTests {
    /// 60 days from 2024-10-20 (the fall-back day 2024-11-03 inside), the default +5 %/year trend,
    /// no offspring and no dirt: every event is a background event.
    private func backgroundCity() throws -> SyntheticCity {
        var c = SyntheticCityConfig()
        c.days = 60
        c.start = "2024-10-20"
        c.branchingRatio = 0
        c.dirt = .none
        c.seed = 11
        return try SyntheticCity(config: c)
    }

    @Test func hourlyTruthCoversTheLocalDaysIncludingTheFallBackHour() throws {
        let city = try backgroundCity()
        // 2024-10-20 00:00 CDT = 05:00 UTC; 2024-12-19 00:00 CST = 06:00 UTC: 60 days plus the repeated hour.
        #expect(city.interval == 1_729_400_400..<1_734_588_000)
        #expect(city.hourlyExpected.count == 60 * 24 + 1)
        let total = city.hourlyExpected.reduce(0, +)
        let all = city.expectedBackground(in: city.bounds, from: city.interval.lowerBound, to: city.interval.upperBound)
        #expect(abs(all - total) < 1e-9 * total)
        // Half an hour of the first hour counts half.
        let half = city.expectedBackground(in: city.bounds, from: city.interval.lowerBound, to: city.interval.lowerBound + 1800)
        #expect(abs(half - city.hourlyExpected[0] / 2) < 1e-9 * half)
    }

    @Test func backgroundCountsMatchTheTruthCityWideAndInAHotspotBox() throws {
        let city = try backgroundCity()
        let (from, to) = (city.interval.lowerBound, city.interval.upperBound)
        let expectedAll = city.expectedBackground(in: city.bounds, from: from, to: to)
        #expect(abs(Double(city.events.count) - expectedAll) < 4 * expectedAll.squareRoot(),
                "\(city.events.count) events, expected \(expectedAll)")

        // Raster rows and columns 40–59: the central hot spot. Events fall uniformly inside their cell,
        // so the events in this cell-aligned box are exactly those drawn for its cells.
        let sw = city.rasterCell(row: 40, column: 40), ne = city.rasterCell(row: 59, column: 59)
        let box = BoundingBox(minLatitude: sw.minLatitude, minLongitude: sw.minLongitude,
                              maxLatitude: ne.maxLatitude, maxLongitude: ne.maxLongitude)
        let expectedBox = city.expectedBackground(in: box, from: from, to: to)
        let inBox = city.events.filter { box.contains(GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }.count
        #expect(abs(Double(inBox) - expectedBox) < 4 * expectedBox.squareRoot(), "\(inBox) in box, expected \(expectedBox)")
        // 4 % of the cells hold far more than 4 % of the mass.
        #expect(expectedBox > 0.15 * expectedAll)
    }

    @Test func offenceSharesFollowTheChicagoShares() throws {
        let city = try backgroundCity()
        let shares: [String: Double] = [
            "THEFT": 0.22, "BATTERY": 0.18, "CRIMINAL DAMAGE": 0.10, "ASSAULT": 0.09, "DECEPTIVE PRACTICE": 0.07,
            "MOTOR VEHICLE THEFT": 0.08, "OTHER OFFENSE": 0.06, "BURGLARY": 0.05, "NARCOTICS": 0.04,
            "ROBBERY": 0.04, "WEAPONS VIOLATION": 0.03, "HOMICIDE": 0.002,
        ]
        var counts: [String: Int] = [:]
        for event in city.events { counts[event.primaryType, default: 0] += 1 }
        let n = Double(city.events.count)
        for (type, p) in shares {
            let count = Double(counts[type] ?? 0)
            #expect(abs(count - n * p) < 4 * (n * p * (1 - p)).squareRoot(), "\(type): \(count) of \(n)")
        }
    }

    @Test func noEventSitsInTheSecondPassOfARepeatedHour() throws {
        var c = SyntheticCityConfig()
        c.days = 14
        c.start = "2024-10-28"
        c.dirt = .none
        let city = try SyntheticCity(config: c)
        // 2024-11-03 01:00–02:00 CST (the second 01:00 wall hour) is 07:00–08:00 UTC.
        #expect(!city.events.contains { (1_730_617_200..<1_730_620_800).contains($0.time) })
        #expect(city.events.allSatisfy { city.zone.utc(wallSeconds: city.zone.wallSeconds(utc: $0.time)) == $0.time })
        #expect(city.events.contains { (1_730_613_600..<1_730_617_200).contains($0.time) })
    }

    @Test func extractHeaderIsTheChicagoOrder() throws {
        var c = SyntheticCityConfig()
        c.days = 1
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SyntheticCity(config: c).writeChicagoExtract(to: URL(fileURLWithPath: path))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let header = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,"
            + "Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,Latitude,Longitude,Location"
        #expect(text.split(separator: "\n").first.map(String.init) == header)
        // Every data row opens with an ID, a case number and a 12-hour local date, e.g. `01/01/2023 12:07:33 AM`.
        let row = try #require(text.split(separator: "\n").dropFirst().first)
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[2].wholeMatch(of: /\d\d\/\d\d\/2023 (0\d|1[0-2]):[0-5]\d:[0-5]\d [AP]M/) != nil, "\(fields[2])")
    }
}
