import Testing
@testable import CrimeCore

/// The cube's sorting path, taken when cells × windows exceed `SpaceTimeCube.denseLimit` (2²³).
@Suite("Cube sorting path")
struct CubeSortingPathTests {
    /// The radix sort gives what the standard library's sort gives, for key ranges of one, two and three
    /// passes, duplicates, empty and single-key parts.
    @Test func radixSortMatchesTheStandardSort() {
        var rng = SeededGenerator(seed: 7)
        for limit: Int64 in [1, 2, 1 << 13, (1 << 26) + 5, 1 << 40, (1 << 47) + 3] {
            for sizes in [[0], [1], [5_000], [3_000, 0, 1, 2_500]] {
                let parts: [[Int64]] = sizes.map { n in (0..<n).map { _ in Int64(rng.next() % UInt64(limit)) } }
                let expected: [Int64] = parts.flatMap { $0 }.sorted()
                let sorted = KeyRadixSort.sorted(parts, below: limit)
                #expect(sorted == expected, "limit \(limit), parts \(sizes)")
            }
        }
    }

    /// 4,000 cells × 2,200 daily windows (8.8 M entries, above 2²³) with incidents placed by hand: two in
    /// the first cell's first day, three in cell 17's sixth day, one in the last cell's last day, one
    /// after the span and one in a cell outside the cube.
    @Test func sparseCubeCountsByHand() throws {
        let zone = try ZoneClock(identifier: "UTC")
        let start: Int64 = 1_577_836_800   // 2020-01-01 00:00 UTC
        let day: Int64 = 86_400
        let windows = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + 2_200 * day)
        let cells = (0..<4_000).map { CellID(UInt64($0)) }
        #expect(cells.count * windows.count > SpaceTimeCube.denseLimit)
        let placed: [(cell: UInt64, time: Int64)] = [
            (0, start + 5), (17, start + 5 * day + 100), (3_999, start + 2_199 * day + 7), (0, start + 60),
            (17, start + 5 * day), (17, start + 6 * day - 1), (5, start + 2_200 * day), (9_999, start),
        ]
        let cube = try SpaceTimeCube(incidentCells: placed.map { CellID($0.cell) }, times: placed.map(\.time),
                                     cells: cells, windows: windows)
        let keys: [Int64] = [0, 17 * 2_200 + 5, 3_999 * 2_200 + 2_199], counts: [Int32] = [2, 3, 1]
        #expect(cube.keys == keys)
        #expect(cube.counts == counts)
        #expect(cube.report.outsideWindows == 1)
        #expect(cube.report.outsideCells == 1)
        #expect(cube.report.counted == 6)
    }

    /// 300,000 seeded incidents over the same 8.8 M entries: every count equals a dictionary tally.
    @Test func sparseCubeEqualsATally() throws {
        let zone = try ZoneClock(identifier: "UTC")
        let start: Int64 = 1_577_836_800
        let windows = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + 2_200 * 86_400)
        let cells = (0..<4_000).map { CellID(UInt64($0)) }
        var rng = SeededGenerator(seed: 11)
        var incidentCells = [CellID](), times = [Int64]()
        var tally: [Int64: Int32] = [:]
        for _ in 0..<300_000 {
            // a few busy cells and days, so that keys repeat
            let c = Int64(rng.next() % 50) * 80, w = Int64(rng.next() % 2_200)
            incidentCells.append(CellID(UInt64(c)))
            times.append(start + w * 86_400 + Int64(rng.next() % 86_400))
            tally[c * 2_200 + w, default: 0] += 1
        }
        let cube = try SpaceTimeCube(incidentCells: incidentCells, times: times, cells: cells, windows: windows)
        let keys = tally.keys.sorted()
        let counts = keys.map { tally[$0] ?? 0 }
        #expect(cube.keys == keys)
        #expect(cube.counts == counts)
    }
}
