import Foundation
import Testing
@testable import CrimeCore

/// The streaming cube on hand-made files (the schema `id,t,lat,lon,type,note` in UTC, the 3 × 3 test grid),
/// and its hash table and bulk against plain references.
@Suite struct StreamingCubeBuilderTests {
    /// Rows: two in cell r0c0 on 2024-03-04, one of them a duplicate id placed in r1c1; one in r2c2 on
    /// 2024-03-05 at midnight; one outside the grid; one without a location; one with an empty id twice.
    private let text = """
    id,t,lat,lon,type,note
    a,2024-03-04 10:00:00,41.805,-87.695,THEFT,
    b,2024-03-04 23:59:59,41.805,-87.695,THEFT,
    a,2024-03-04 11:00:00,41.815,-87.685,THEFT,
    c,2024-03-05 00:00:00,41.825,-87.675,BURGLARY,
    d,2024-03-05 01:00:00,42.500,-87.695,THEFT,
    e,2024-03-06 01:00:00,,,THEFT,
    ,2024-03-06 02:00:00,41.805,-87.695,THEFT,
    ,2024-03-06 03:00:00,41.805,-87.695,THEFT,

    """

    @Test func handCountedCube() throws {
        let path = try IngestTestSupport.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cube = try StreamingCubeBuilder(schema: IngestTestSupport.schema).build(URL(fileURLWithPath: path), index: TestGrid3x3())
        let day = { (y: Int, m: Int, d: Int) in try LocalDay(year: y, month: m, day: d).dayNumber }
        let expected = [(CellID(row: 0, column: 0), try day(2024, 3, 4), 2), (CellID(row: 0, column: 0), try day(2024, 3, 6), 2),
                        (CellID(row: 2, column: 2), try day(2024, 3, 5), 1)]
        #expect(cube.entries.map { "\($0.cell)/\($0.window)/\($0.count)" } == expected.map { "\($0.0)/\($0.1)/\($0.2)" })
        #expect(cube.report.rowsRead == 8)
        #expect(cube.report.rowsKept == 5)
        #expect(cube.report.dropped == [.duplicate: 1, .outOfBounds: 1, .missingLocation: 1])
        // Record numbers count the header as record 1.
        #expect(cube.report.samples.first { $0.reason == .duplicate }?.row == 4)
        #expect(cube.report.samples.first { $0.reason == .outOfBounds }?.row == 6)
        #expect(cube.cells.count == 2 && cube.windowCount == 3 && cube.entryCount == 3)
        #expect(cube.categoryCounts == [.theft: 4, .burglary: 1])
        #expect(cube.midnightSpike.atMidnight == 1)
        #expect(cube.windowStart(ofIndex: try day(2024, 3, 4)) == "2024-03-04")
    }

    @Test func windowStartTexts() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let path = try IngestTestSupport.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sunday = try LocalDay("2024-03-10").start(in: zone) + 5 * 3600     // 05:00 CDT, after the spring-forward
        for (frequency, text) in [(WindowFrequency.daily, "2024-03-10"), (.weekly, "2024-03-04"), (.halfDay, "2024-03-10T00:00")] {
            let cube = try StreamingCubeBuilder(schema: IngestTestSupport.schema, frequency: frequency)
                .build(URL(fileURLWithPath: path), index: TestGrid3x3())
            let windowing = TimeWindowing.sequential(frequency, zone: zone)
            #expect(cube.windowStart(ofIndex: windowing.index(utc: sunday)) == text)
            #expect(cube.windowStart(ofIndex: windowing.index(utc: sunday + 8 * 3600)) == (frequency == .halfDay ? "2024-03-10T12:00" : text))
        }
    }

    /// Period and box are applied before the index and the duplicate check, as `cleaned` applies them.
    @Test func periodAndBoundsMatchCleaning() throws {
        let path = try IngestTestSupport.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.70, maxLatitude: 41.81, maxLongitude: -87.68)
        let options = CleaningOptions(bounds: box, file: path, since: try LocalDay("2024-03-04"), until: try LocalDay("2024-03-05"))
        let cube = try StreamingCubeBuilder(schema: IngestTestSupport.schema, cleaning: options)
            .build(URL(fileURLWithPath: path), index: TestGrid3x3())
        let read = try IngestTestSupport.read(path)
        var report = read.report
        var memoryOptions = options
        memoryOptions.area = TestGrid3x3()
        memoryOptions.sourceRecords = read.sourceRecords
        let kept = read.table.cleaned(options: memoryOptions, report: &report).table
        #expect(cube.report == report)
        #expect(cube.report.rowsKept == kept.count)
        #expect(cube.report.dropped[.outOfPeriod] == 2 && cube.report.dropped[.outOfBounds] == 3)
    }

    @Test func unsupportedCleaningIsAnError() throws {
        let path = try IngestTestSupport.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for options in [CleaningOptions(midnight: .drop), CleaningOptions(midnight: .spread(seed: 1)),
                        CleaningOptions(mapping: .keywords), CleaningOptions(area: TestGrid3x3())] {
            #expect(throws: StreamingCubeError.self) {
                _ = try StreamingCubeBuilder(schema: IngestTestSupport.schema, cleaning: options).build(URL(fileURLWithPath: path), index: TestGrid3x3())
            }
        }
    }

    @Test func missingFileNamesIt() {
        #expect(throws: IngestError.self) {
            _ = try StreamingCubeBuilder(schema: IngestTestSupport.schema).build(URL(fileURLWithPath: "/nonexistent/x.csv"), index: TestGrid3x3())
        }
    }

    /// The sharded table against a `Dictionary` on keys with many repeats and few differing bits.
    @Test func shardedTableCountsLikeADictionary() {
        var table = ShardedKeyTable(counting: true)
        var reference: [UInt64: UInt32] = [:]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200_000 {
            let key = UInt64(generator.next() % 50_000) << 32 | 7
            let isNew = table.insert(key)
            #expect(isNew == (reference[key] == nil))
            reference[key, default: 0] += 1
        }
        #expect(table.count == reference.count)
        var seen: [UInt64: UInt32] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == reference)
    }

    @Test func idHashesDifferForNearIds() {
        var hashes = Set<UInt64>()
        for k in 0..<100_000 {
            let id = Array("JK\(k)".utf8)
            hashes.insert(id.withUnsafeBufferPointer(IdHash.hash))
        }
        #expect(hashes.count == 100_000)
        #expect(!hashes.contains(0))
    }

    /// The bulk from day counts equals the bulk from the times themselves.
    @Test func bulkFromDayCountsEqualsBulkFromTimes() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        var generator = SeededGenerator(seed: 9)
        var times: [Int64] = (0..<5_000).map { _ in 1_700_000_000 + Int64(generator.next() % 40_000_000) }
        times += [0, 86_400 * 20_000]      // strays in 1969 and 2024
        var days: [Int32: Int] = [:]
        for t in times { days[Int32(LocalDay(utc: t, in: zone).dayNumber), default: 0] += 1 }
        #expect(TimeBulk(dayCounts: days) == TimeBulk(times: times, zone: zone))
        #expect(TimeBulk(dayCounts: [:]) == nil)
    }
}
