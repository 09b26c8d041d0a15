import Testing
@testable import CrimeCore

@Suite struct CivilDateTests {
    @Test func knownDayNumbers() {
        #expect(CivilDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.dayNumber(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.dayNumber(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDate.weekday(dayNumber: CivilDate.dayNumber(year: 2024, month: 11, day: 23)) == 5) // Saturday
    }

    @Test func roundTripsEveryDayOver800Years() {
        for day in stride(from: -150_000, through: 150_000, by: 1) {
            let (y, m, d) = CivilDate.date(dayNumber: day)
            #expect(CivilDate.dayNumber(year: y, month: m, day: d) == day)
            if day % 50_000 == 0 { #expect(CivilDate.isValid(year: y, month: m, day: d)) }
        }
    }
}
