import Testing
@testable import CrimeCore

@Suite struct WindowsTests {
    static func frequency(_ text: String) -> WindowFrequency? { WindowFrequency(rawValue: text) }

    @Test func windowsMatchPandasAcrossDaylightSaving() throws {
        let rows = try CubeFixture.rows("windows.csv")
        #expect(rows.count > 300)
        var zones: [String: ZoneClock] = [:]
        for r in rows {
            let zoneName = try #require(r["zone"])
            let zone = try zones[zoneName] ?? ZoneClock(identifier: zoneName)
            zones[zoneName] = zone
            let windowing = TimeWindowing.sequential(try #require(Self.frequency(r["frequency"] ?? "")), zone: zone)
            let start = try #require(Int64(r["start"] ?? "")), end = try #require(Int64(r["end"] ?? ""))
            let window = windowing.window(containing: start)
            #expect(window.interval == start..<end, "\(zoneName) \(r["label"] ?? "")")
            #expect(window.label == r["label"])
            #expect(windowing.index(utc: end - 1) == window.index)
            #expect(windowing.index(utc: end) == window.index + 1)
        }
    }

    @Test(arguments: ["America/Chicago", "America/Los_Angeles"])
    func daylightSavingDaysAre23And25Hours(zoneName: String) throws {
        let zone = try ZoneClock(identifier: zoneName)
        let daily = TimeWindowing.sequential(.daily, zone: zone)
        let march = try WindowSpan(daily, from: LocalDay("2024-03-01"), until: LocalDay("2024-04-01"))
        #expect(march.count == 31)
        let hours = (0..<march.count).map { (march.boundaries[$0 + 1] - march.boundaries[$0]) / 3600 }
        #expect(hours[9] == 23)                                   // 2024-03-10, spring forward
        #expect(hours.enumerated().allSatisfy { $0.offset == 9 || $0.element == 24 })
        let fallBack = try WindowSpan(daily, from: LocalDay("2024-11-03"), until: LocalDay("2024-11-04"))
        #expect(fallBack.count == 1)
        #expect(fallBack.window(0).duration == Int64(25 * 3600))
        #expect(fallBack.window(0).label == "2024-11-03")

        let hourly = TimeWindowing.sequential(.hourly, zone: zone)
        let spring = try WindowSpan(hourly, from: LocalDay("2024-03-10"), until: LocalDay("2024-03-11"))
        #expect(spring.count == 23)
        let autumn = try WindowSpan(hourly, from: LocalDay("2024-11-03"), until: LocalDay("2024-11-04"))
        #expect(autumn.count == 25)
        let labels = autumn.labels
        #expect(Set(labels).count == 25)
        #expect(labels[1].hasPrefix("2024-11-03T01:00-0") && labels[2].hasPrefix("2024-11-03T01:00-0"))
        #expect(labels[1] != labels[2])
        let halves = try WindowSpan(.sequential(.halfDay, zone: zone), from: LocalDay("2024-11-03"), until: LocalDay("2024-11-04"))
        #expect(halves.count == 2)
        #expect(halves.window(0).duration == Int64(13 * 3600))
        #expect(halves.window(1).label == "2024-11-03T12")
    }

    @Test func spanLookupAgreesWithTheWindowingEverywhere() throws {
        for zoneName in ["America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe"] {
            let zone = try ZoneClock(identifier: zoneName)
            var rng = SeededGenerator(seed: 7)
            let kinds: [TimeWindowing.Kind] = WindowFrequency.allCases.map { .sequential($0) }
                + [.cyclic(.standard), .cyclic(try ShiftScheme([("Night", 22), ("Day", 7)]))]
            let lo: Int64 = 1_700_000_000, hi: Int64 = 1_740_000_000
            for kind in kinds {
                let windowing = TimeWindowing(kind, zone: zone)
                let span = try WindowSpan(windowing, from: lo, until: hi)
                for _ in 0..<2000 {
                    let t = Int64.random(in: lo..<hi, using: &rng)
                    #expect(span.ordinal(utc: t) == windowing.index(utc: t) - span.firstIndex, "\(zoneName) \(kind) \(t)")
                }
                if !windowing.isCyclic {
                    #expect(span.ordinal(utc: span.boundaries[0] - 1) == nil)
                    #expect(span.ordinal(utc: span.boundaries[span.count]) == nil)
                }
            }
        }
    }

    @Test func shiftBucketsWithACrossMidnightShift() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let scheme = try ShiftScheme([("Late Night", 22), ("Morning", 4), ("Afternoon", 12), ("Evening", 17)])
        #expect(scheme.shifts.map(\.name) == ["Morning", "Afternoon", "Evening", "Late Night"])
        #expect(scheme.hours(ofShift: 3) == 6)
        let buckets = TimeWindowing.dayOfWeekShifts(scheme, zone: zone)
        #expect(buckets.bucketCount == 28)
        // Saturday 2024-03-16 01:30 and Friday 23:00 local are both "Friday Late Night".
        let saturday0130 = zone.utc(wallSeconds: CivilDate.wallSeconds(year: 2024, month: 3, day: 16, hour: 1, minute: 30, second: 0))
        let friday2300 = zone.utc(wallSeconds: CivilDate.wallSeconds(year: 2024, month: 3, day: 15, hour: 23, minute: 0, second: 0))
        #expect(buckets.window(containing: saturday0130).label == "Friday Late Night")
        #expect(buckets.index(utc: friday2300) == buckets.index(utc: saturday0130))
        let saturdayLate = try #require(buckets.bucket(named: "Saturday Late Night"))
        #expect(buckets.label(ofIndex: saturdayLate) == "Saturday Late Night")
        let sunday0300 = zone.utc(wallSeconds: CivilDate.wallSeconds(year: 2024, month: 3, day: 17, hour: 3, minute: 0, second: 0))
        #expect(buckets.index(utc: sunday0300) == saturdayLate)
        #expect(buckets.window(ofIndex: saturdayLate).interval == nil)
        #expect(buckets.bucket(named: "Caturday Late Night") == nil)

        let standard = TimeWindowing.dayOfWeekShifts(zone: zone)
        #expect(standard.window(containing: saturday0130).label == "Saturday Late Night")
    }

    @Test func badSchemesAndDatesThrow() {
        #expect(throws: WindowError.emptyShiftScheme) { try ShiftScheme([Shift]()) }
        #expect(throws: WindowError.shiftHourOutOfRange(name: "Dawn", hour: 24)) { try ShiftScheme([("Dawn", 24)]) }
        #expect(throws: WindowError.duplicateShiftStart(hour: 6)) { try ShiftScheme([("A", 6), ("B", 6)]) }
        #expect(throws: WindowError.badDate("2023-02-29")) { try LocalDay("2023-02-29") }
        #expect(throws: WindowError.badDate("13/45/2023")) { try LocalDay("13/45/2023") }
        #expect(throws: WindowError.noTimes) {
            try WindowSpan(.sequential(.daily, zone: .utc), covering: [])
        }
        #expect(throws: WindowError.emptyRange(start: 10, end: 10)) {
            try WindowSpan(.sequential(.daily, zone: .utc), from: 10, until: 10)
        }
    }
}
