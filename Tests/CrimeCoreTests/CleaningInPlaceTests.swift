import Testing
import CrimeTestSupport
@testable import CrimeCore

/// A table of `n` rows whose ids repeat (`id k mod period`), offences cycle through five texts and
/// times run one hour apart from 2024-01-01 UTC.
private func repeatingTable(_ n: Int, period: Int) throws -> IncidentTable {
    let zone = try ZoneClock(identifier: "UTC")
    let offenses = ["THEFT", "BATTERY", "ROBBERY", "ARSON", "FRAUD"]
    var table = IncidentTable(zone: zone, extraColumns: ["beat"])
    for k in 0..<n {
        table.append(id: "id\(k % period)", time: 1_704_067_200 + Int64(k) * 3600,
                     location: GeoPoint(latitude: 41.8, longitude: -87.6), category: .theft,
                     offense: offenses[(k / 7) % offenses.count], extras: ["b\(k % 3)"])
    }
    return table
}

@Suite("Cleaning in place")
struct CleaningInPlaceTests {
    @Test("Duplicates across thousands of rows: the first of each id is kept, as a Set in row order says")
    func duplicatesAtScale() throws {
        // 1,000 distinct ids over 5,003 rows: more rows than a prefetch batch, and a table bigger than one.
        let table = try repeatingTable(5003, period: 1000)
        var seen = Set<String>()
        let expected = (0..<table.count).filter { seen.insert(table.ids[$0]).inserted }
        var report = CleaningReport()
        report.rowsRead = table.count
        report.rowsKept = table.count
        let cleaned = table.cleaned(options: CleaningOptions(), report: &report).table
        #expect(cleaned.count == 1000)
        #expect(cleaned == table.selecting(rows: expected))
        #expect(report.dropped[.duplicate] == 4003)
        #expect(report.rowsKept == 1000)
    }

    @Test("Tables smaller than a prefetch batch, down to one row, clean without duplicates lost or invented")
    func smallTables() throws {
        for n in [1, 2, 31, 32, 33, 63, 64, 65] {
            let table = try repeatingTable(n, period: 20)
            var report = CleaningReport()
            let cleaned = table.cleaned(options: CleaningOptions(), report: &report).table
            #expect(cleaned.count == min(n, 20), "n = \(n)")
            #expect(cleaned == table.selecting(rows: Array(0..<min(n, 20))), "n = \(n)")
        }
    }

    @Test("Dropped rows take unused texts out of the dictionaries, in order of first appearance among kept rows")
    func dictionariesShrink() throws {
        // Rows 0–6 say THEFT, 7–13 BATTERY, …; with since = the third day (row 48 on), rows start at
        // 48 (BATTERY: 48 / 7 = 6 → offenses[1]), so THEFT's first kept row is later.
        let table = try repeatingTable(100, period: 100)
        var report = CleaningReport()
        let since = try LocalDay(year: 2024, month: 1, day: 3)
        let cleaned = table.cleaned(options: CleaningOptions(since: since), report: &report).table
        #expect(cleaned.count == 52)
        #expect(cleaned.offenses.dictionary == ["BATTERY", "ROBBERY", "ARSON", "FRAUD", "THEFT"])
        #expect(cleaned.offenses.dictionary == table.selecting(rows: Array(48..<100)).offenses.dictionary)
        #expect(cleaned.extra("beat")?.dictionary == ["b0", "b1", "b2"])
        #expect(cleaned.ids[0] == "id48")
        #expect(cleaned.ids[51] == "id99")
    }

    @Test("clean(options:report:) in place gives the table and report of cleaned(options:report:)")
    func inPlaceMatchesCopy() throws {
        let table = try repeatingTable(400, period: 150)
        var reportA = CleaningReport()
        var reportB = CleaningReport()
        let copy = table.cleaned(options: CleaningOptions(until: try LocalDay(year: 2024, month: 1, day: 10)), report: &reportA)
        var inPlace = table
        let spike = inPlace.clean(options: CleaningOptions(until: try LocalDay(year: 2024, month: 1, day: 10)), report: &reportB)
        #expect(inPlace == copy.table)
        #expect(spike == copy.midnightSpike)
        #expect(reportA.dropped == reportB.dropped)
        #expect(reportA.samples == reportB.samples)
        // The original is untouched: cleaning a shared table copies it.
        #expect(table.count == 400)
    }
}

@Suite("Order statistics")
struct OrderStatisticTests {
    @Test("select(k) is the k-th value of the sorted array, for shuffled, sorted, reversed and constant input")
    func matchesSorting() {
        var generator = SeededGenerator(seed: 7)
        let shuffled = (0..<2001).map { _ in Int64(generator.nextUniform() * 1000) - 500 }
        let inputs: [[Int64]] = [shuffled, shuffled.sorted(), shuffled.sorted().reversed(),
                                 [Int64](repeating: 4, count: 300), [9], [2, 1]]
        for input in inputs {
            let sorted = input.sorted()
            for k in Set([0, input.count / 2, input.count - 1, input.count / 2000, input.count * 1999 / 2000]) {
                var scratch = input
                #expect(OrderStatistic.select(k, in: &scratch) == sorted[k], "k = \(k) of \(input.count)")
            }
        }
    }

    @Test("An organ-pipe input, which defeats median-of-three pivots, still gives the sorted answer")
    func organPipe() {
        let n = 4000
        let input = (0..<n).map { Int64($0 < n / 2 ? $0 : n - $0) }
        let sorted = input.sorted()
        for k in [0, 17, n / 2, n - 1] {
            var scratch = input
            #expect(OrderStatistic.select(k, in: &scratch) == sorted[k])
        }
    }
}
