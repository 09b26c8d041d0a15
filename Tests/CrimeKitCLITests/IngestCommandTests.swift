import CrimeTestSupport
import Foundation
import Testing

@Suite struct IngestCommandTests {
    @Test func ingestPrintsTheJSONContract() throws {
        let path = Fixtures.url("ingest", "chicago.csv").path
        let result = try CLIRunner.run(["ingest", path, "--schema", "chicago", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["rows_read", "rows_kept", "dropped", "first_time", "last_time", "categories", "other_offenses", "bulk"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let read = try #require(object["rows_read"] as? Int)
        let kept = try #require(object["rows_kept"] as? Int)
        let dropped = try #require(object["dropped"] as? [String: Int])
        #expect(read == kept + dropped.values.reduce(0, +))
        #expect(read > 0)
    }

    @Test func unknownSchemaFailsWithASentence() throws {
        let path = Fixtures.url("ingest", "chicago.csv").path
        let result = try CLIRunner.run(["ingest", path, "--schema", "gotham"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("gotham"))
    }

    @Test func missingFileNamesTheFile() throws {
        let result = try CLIRunner.run(["ingest", "/nonexistent/crimes.csv", "--schema", "chicago"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/crimes.csv"))
    }

    /// A file whose every row is dropped prints its report and exits 1 with a sentence.
    @Test func noRowKeptIsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-empty-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let header = try String(contentsOf: Fixtures.url("ingest", "chicago.csv"), encoding: .utf8).split(separator: "\n")[0]
        try (header + "\n").write(to: url, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["ingest", url.path, "--schema", "chicago"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("rows_kept"), "the report is still printed")
        #expect(result.stderr.contains("no row was kept"))
    }
}
