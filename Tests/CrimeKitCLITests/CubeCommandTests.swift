import CrimeTestSupport
import Foundation
import Testing

/// `crimekit cube`: the CSV text forms on hand-made Chicago extracts whose cells come from independent
/// references (shapely's community-area labels, h3-py's cells), the report, and bad flags.
@Suite struct CubeCommandTests {
    /// A Chicago-portal row with only an id, a date, a primary type and a location.
    private func row(_ id: String, _ date: String, _ lat: Double?, _ lng: Double?) -> String {
        "\(id),,\(date),,,THEFT" + String(repeating: ",", count: 14) + "\(lat.map { "\($0)" } ?? ""),\(lng.map { "\($0)" } ?? ""),"
    }

    private let header = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,Latitude,Longitude,Location"

    private func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-cube-\(UUID().uuidString)-\(name)").path
    }

    /// Points of `Fixtures/areas/chicago_labels.json` (shapely): LOOP, WEST LAWN, IRVING PARK, which are
    /// features 28, 55 and 13 of chicago77_wgs84.geojson.
    private var areaExtract: String {
        let loop = (41.87555026535831, -87.6263901226938), westLawn = (41.77043675052639, -87.71663249064805)
        let irving = (41.95250726506052, -87.7289414581676)
        return ([header,
                 row("1", "03/04/2024 10:00:00 AM", loop.0, loop.1),             // Monday
                 row("2", "03/10/2024 11:30:00 PM", loop.0, loop.1),             // Sunday, after the spring-forward
                 row("3", "03/05/2024 12:00:00 PM", westLawn.0, westLawn.1),
                 row("4", "03/11/2024 01:00:00 AM", irving.0, irving.1),
                 row("1", "03/11/2024 02:00:00 AM", irving.0, irving.1),         // duplicate id
                 row("5", "03/11/2024 02:00:00 AM", 41.0, -87.0),                // Indiana: in no area
                 row("6", "03/11/2024 02:00:00 AM", nil, nil)] as [String]).joined(separator: "\n") + "\n"
    }

    private func runAreas(window: String, json: Bool = false, _ extra: [String] = []) throws -> (CLIRunner.Output, String) {
        let data = temporary("areas.csv"), out = temporary("cube.csv")
        try areaExtract.write(toFile: data, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: data); try? FileManager.default.removeItem(atPath: out) }
        let areas = Fixtures.url("areas", "chicago77_wgs84.geojson").path
        let result = try CLIRunner.run(["cube", "--data", data, "--schema", "chicago", "--index", "areas:\(areas):COMMUNITY",
                                        "--window", window, "--out", out, "--quiet"] + (json ? ["--json"] : []) + extra)
        return (result, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    @Test func areaCellsByDayWeekAndShift() throws {
        let (day, dayCSV) = try runAreas(window: "day")
        #expect(day.status == 0, "\(day.stderr)")
        #expect(dayCSV == """
            cell,window_start,count
            IRVING PARK,2024-03-11,1
            LOOP,2024-03-04,1
            LOOP,2024-03-10,1
            WEST LAWN,2024-03-05,1

            """)
        let (_, weekCSV) = try runAreas(window: "week")
        #expect(weekCSV == """
            cell,window_start,count
            IRVING PARK,2024-03-11,1
            LOOP,2024-03-04,2
            WEST LAWN,2024-03-04,1

            """)
        let (_, shiftCSV) = try runAreas(window: "shift")
        #expect(shiftCSV == """
            cell,window_start,count
            IRVING PARK,2024-03-11T00:00,1
            LOOP,2024-03-04T00:00,1
            LOOP,2024-03-10T12:00,1
            WEST LAWN,2024-03-05T12:00,1

            """)
    }

    @Test func periodBoxAndDuplicateFlagsCleanAsIngestDoes() throws {
        // The duplicate id (row "1" again, in Irving Park on 03-11) is counted when duplicates are kept.
        let (kept, keptCSV) = try runAreas(window: "day", ["--keep-duplicates"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(keptCSV.contains("IRVING PARK,2024-03-11,2\n"))
        // --until keeps its own day: the Loop's Sunday 23:30 row stays, Monday the 4th and the 11th go.
        let (_, periodCSV) = try runAreas(window: "day", ["--since", "2024-03-05", "--until", "2024-03-10"])
        #expect(periodCSV == """
            cell,window_start,count
            LOOP,2024-03-10,1
            WEST LAWN,2024-03-05,1

            """)
        // A box around the Loop only (West Lawn lies south of 41.8, Irving Park north of 41.9).
        let (_, boxCSV) = try runAreas(window: "week", ["--bbox", "41.8,-87.7,41.9,-87.6"])
        #expect(boxCSV == """
            cell,window_start,count
            LOOP,2024-03-04,2

            """)
        let (bad, _) = try runAreas(window: "day", ["--since", "March"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--since"))
    }

    @Test func jsonReportsRowsCellsWindowsAndEntries() throws {
        let (result, _) = try runAreas(window: "week", json: true)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["rows_read"] as? Int == 7)
        #expect(object["rows_kept"] as? Int == 4)
        #expect(object["cells"] as? Int == 3)
        #expect(object["windows"] as? Int == 2)
        #expect(object["entries"] as? Int == 3)
        #expect(object["seconds"] is Double)
        let report = try #require(object["report"] as? [String: Any])
        #expect(report["dropped"] as? [String: Int] == ["duplicate": 1, "out_of_bounds": 1, "missing_location": 1])
    }

    /// Two points of `Fixtures/h3/points.csv` with their h3-py cells at resolution 8.
    @Test func h3CellsAreHex() throws {
        let data = temporary("h3.csv"), out = temporary("cube.csv")
        defer { try? FileManager.default.removeItem(atPath: data); try? FileManager.default.removeItem(atPath: out) }
        try ([header, row("1", "07/01/2024 09:00:00 AM", -11.751379341, -174.716844262),
              row("2", "07/01/2024 09:00:00 AM", 10.579096007, -9.359544554),
              row("3", "07/02/2024 09:00:00 AM", 10.579096007, -9.359544554)] as [String]).joined(separator: "\n")
            .write(toFile: data, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["cube", "--data", data, "--schema", "chicago", "--out", out, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == """
            cell,window_start,count
            88545c6769fffff,2024-07-01,1
            88545c6769fffff,2024-07-02,1
            889a0a10cbfffff,2024-07-01,1

            """)
        #expect(result.stdout.contains("rows_kept,3\n") && result.stdout.contains("entries,3\n"))
    }

    /// A dirty synthetic extract against pandas + h3-py (`Fixtures/cube/make_streaming_cube.py`), byte for byte.
    @Test(arguments: ["day", "week", "shift"])
    func matchesPandasAndH3(_ window: String) throws {
        let out = temporary("cube.csv")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try CLIRunner.run(["cube", "--data", Fixtures.url("cube", "streaming_extract.csv").path, "--schema", "chicago",
                                        "--window", window, "--out", out, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let reference = try String(contentsOf: Fixtures.url("cube", "streaming_cube.csv"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix(window + ",") }.map { $0.dropFirst(window.count + 1) }
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(written.first == "cell,window_start,count")
        #expect(written.dropFirst().map(String.init) == reference.map(String.init))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["rows_kept"] as? Int == 1_746)
    }

    /// The counts of a synthetic extract add up to the rows kept, for a grid too.
    @Test func countsAddUpToRowsKept() throws {
        let data = temporary("synth.csv"), out = temporary("cube.csv")
        defer { try? FileManager.default.removeItem(atPath: data); try? FileManager.default.removeItem(atPath: out) }
        let synth = try CLIRunner.run(["synth", "--out", data, "--seed", "4", "--days", "30"])
        #expect(synth.status == 0, "\(synth.stderr)")
        for index in ["h3:9", "grid:800"] {
            let result = try CLIRunner.run(["cube", "--data", data, "--schema", "chicago", "--index", index, "--out", out, "--json", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
            let total = lines.reduce(0) { $0 + (Int($1.split(separator: ",").last ?? "") ?? 0) }
            #expect(total == object["rows_kept"] as? Int)
            #expect(lines.count == object["entries"] as? Int)
        }
    }

    @Test func badFlagsAreUsageErrorsNamingTheFlag() throws {
        let data = temporary("bad.csv")
        try (header + "\n" + row("1", "07/01/2024 09:00:00 AM", 41.9, -87.6) + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let areas = Fixtures.url("areas", "chicago77_wgs84.geojson").path
        for (flags, named) in [(["--index", "h3:99"], "--index"), (["--index", "foo"], "--index"), (["--window", "month"], "--window"),
                               (["--index", "areas:/nonexistent/areas.geojson:NAME"], "--index"),
                               (["--index", "areas:\(areas):NO_SUCH_PROPERTY"], "NO_SUCH_PROPERTY"), (["--index", "areas:\(areas)"], "--index")] {
            let result = try CLIRunner.run(["cube", "--data", data, "--schema", "chicago", "--out", temporary("x.csv")] + flags)
            #expect(result.status == 2, "\(flags)")
            #expect(result.stderr.contains(named), "\(flags): \(result.stderr)")
        }
    }

    @Test func unreadableDataIsADataErrorNamingTheFile() throws {
        let result = try CLIRunner.run(["cube", "--data", "/nonexistent/crimes.csv", "--schema", "chicago", "--out", temporary("x.csv")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/crimes.csv"))
    }
}
