import Foundation
import Testing
import CrimeCore
import CrimeGeo
import CrimeStudies

/// The footfall CSV reader on a 2 × 2 grid of 1 km cells and four 12-hour windows around Chicago's
/// switch to daylight saving time (2024-03-10 02:00), with sums checked by hand.
@Suite struct MobilityFootfallTests {
    /// Rows 41.800–41.809 and 41.809–41.818, columns −87.700 to −87.688 and −87.688 to −87.676 (about
    /// 1 000 m each: 1° of latitude ≈ 111.2 km, 1° of longitude ≈ 82.9 km at 41.8°N).
    static func grid() throws -> RegularGrid {
        try RegularGrid(covering: BoundingBox(minLatitude: 41.800, minLongitude: -87.700, maxLatitude: 41.817, maxLongitude: -87.677), side: 1_000)
    }

    /// Local 2024-03-09 00:00 to 2024-03-11 00:00 in America/Chicago: 00–12 and 12–24 on each day.
    static func windows() throws -> WindowSpan {
        let zone = try ZoneClock(identifier: "America/Chicago")
        return try WindowSpan(.sequential(.halfDay, zone: zone), from: try LocalDay("2024-03-09"), until: try LocalDay("2024-03-11"))
    }

    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func sumsRowsIntoCellsAndLocalWindows() throws {
        let grid = try Self.grid()
        #expect(grid.rows == 2 && grid.columns == 2)
        // Columns in another order, with an extra one; cell index = row × 2 + column.
        let url = try Self.write("""
            time,count,site,lon,lat
            2024-03-09T06:00,3,a,-87.694,41.804
            2024-03-09 18:30:15,5,b,-87.682,41.804
            2024-03-09T20:00,2.5,b,-87.682,41.804
            2024-03-10T00:30+00:00,4,c,-87.694,41.814
            2024-03-10T11:59-05:00,6,d,-87.682,41.814
            2024-03-10T17:30Z,1,d,-87.682,41.814
            2024-03-10T13:00,0,a,-87.694,41.804
            2024-03-11T00:00,9,a,-87.694,41.804
            2024-03-08T23:59,9,a,-87.694,41.804
            2024-03-09T06:00,9,far,-87.69,41.90
            2024-03-12T06:00,9,far,-87.69,41.90

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let footfall = try MobilityFootfall.read(url, grid: grid, windows: try Self.windows())
        // 00:30 UTC on the 10th is 18:30 CST on the 9th (window 1); 11:59 at UTC−5 is 11:59 CDT (window 2,
        // which is 11 hours long); 17:30 UTC is 12:30 CDT (window 3).
        #expect(footfall.values == [3, 0, 0, 0,
                                    0, 7.5, 4, 0,
                                    0, 0, 0, 6,
                                    0, 0, 0, 1])
        #expect(footfall.total == 21.5)
        #expect(footfall.rowsRead == 11)
        #expect(footfall.rowsOutsideGrid == 2)
        #expect(footfall.rowsOutsidePeriod == 2)
    }

    /// Each malformed file throws the error naming its line and column.
    @Test(arguments: [
        ("lat,lon,time\n41.804,-87.694,2024-03-09T06:00\n", "missing"),
        ("lat,lon,time,count\n41.804,-87.694,2024-03-09T06:00,abc\n", "abc"),
        ("lat,lon,time,count\n41.804,-87.694,2024-03-09T06:00,3\n41.804,-87.694,2024-03-09T06:00,nan\n", "nan"),
        ("lat,lon,time,count\n41.804,-87.694,2024-03-09T06:00,\n", "empty"),
        ("lat,lon,time,count\n41.804,-87.694,2024-03-09T06:00,-2\n", "negative"),
        ("lat,lon,time,count\n95,-87.694,2024-03-09T06:00,2\n", "coordinate"),
        ("lat,lon,time,count\n41.804,-87.694,03/09/2024 06:00,2\n", "time"),
        ("lat,lon,time,count\n41.804,-87.694,2024-03-09T06:00\n", "ragged"),
        ("lat,lon,time,count\n", "no rows"),
        ("lat,lon,time,count,lat\n1,2,3,4,5\n", "duplicate"),
        ("lat,lon,time,count\n41.804,-87.694,\"2024-03-09T06:00,2\n", "quote"),
    ])
    func badInputThrowsNamingTheRow(text: String, kind: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = url.path
        let expected: CovariateFileError = switch kind {
        case "missing": .missingColumn(file: file, column: "count", present: ["lat", "lon", "time"])
        case "abc": .notANumber(file: file, line: 2, column: "count", text: "abc")
        case "nan": .notANumber(file: file, line: 3, column: "count", text: "nan")
        case "empty": .notANumber(file: file, line: 2, column: "count", text: "")
        case "negative": .negative(file: file, line: 2, column: "count", value: -2)
        case "coordinate": .badCoordinate(file: file, line: 2, latitude: 95, longitude: -87.694)
        case "time": .badTime(file: file, line: 2, column: "time", text: "03/09/2024 06:00",
                              expected: "YYYY-MM-DDTHH:MM[:SS] (local time, or followed by Z or ±HH:MM)")
        case "ragged": .raggedRow(file: file, line: 2, expected: 4, got: 3)
        case "no rows": .empty(file: file)
        case "duplicate": .duplicateColumn(file: file, column: "lat")
        default: .unterminatedQuote(file: file, line: 2)
        }
        #expect(throws: expected) { try MobilityFootfall.read(url, grid: try Self.grid(), windows: try Self.windows()) }
    }

    /// Timestamps that are not of the documented form, or name no real time, are errors, not guesses.
    @Test(arguments: ["2024-03-09T24:00", "2024-02-30T06:00", "2024-03-09T06", "2024-03-09T06:00+5", "2024-03-09T06:00:60",
                      "2024-03-09T06:00 Z", "2024-3-9T06:00", "2024-03-09T06:00:00.5"])
    func malformedTimesAreRejected(stamp: String) throws {
        let url = try Self.write("lat,lon,time,count\n41.804,-87.694,\(stamp),1\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CovariateFileError.badTime(file: url.path, line: 2, column: "time", text: stamp,
                                                   expected: "YYYY-MM-DDTHH:MM[:SS] (local time, or followed by Z or ±HH:MM)")) {
            try MobilityFootfall.read(url, grid: try Self.grid(), windows: try Self.windows())
        }
    }

    @Test func unreadableFileIsATypedError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-footfall-\(UUID().uuidString).csv")
        #expect(throws: CovariateFileError.self) { try MobilityFootfall.read(url, grid: try Self.grid(), windows: try Self.windows()) }
    }
}
