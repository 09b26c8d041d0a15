import Foundation
import Testing

/// `crimekit synth` then `crimekit ingest --schema chicago --json`: the ingest reproduces the
/// generator's manifest exactly.
@Suite struct SynthIngestRoundTripTests {
    @Test func ingestReproducesTheManifest() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-cli-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let synth = try CLIRunner.run(["synth", "--out", path, "--seed", "3", "--days", "40", "--start", "2024-02-20", "--json"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(synth.stdout.utf8)) as? [String: Any])
        let ingest = try CLIRunner.run(["ingest", path, "--schema", "chicago", "--json"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])
        let dropped = try #require(summary["dropped"] as? [String: Int])
        #expect(summary["rows_read"] as? Int == manifest["rows_written"] as? Int)
        #expect(dropped["missing_location"] == manifest["missing_location"] as? Int)
        #expect(dropped["duplicate"] == manifest["duplicate"] as? Int)
        #expect(dropped.count == 2)
        #expect(summary["rows_kept"] as? Int == manifest["expected_rows_kept"] as? Int)
        #expect(summary["first_time"] as? String == manifest["first_time"] as? String)
        #expect(summary["last_time"] as? String == manifest["last_time"] as? String)
        let changed = try #require(summary["changed"] as? [String: Int])
        #expect((changed["midnight_flagged"] ?? 0) >= (manifest["midnight_stamped"] as? Int ?? .max))
    }

    @Test func synthRejectsBadDays() throws {
        let result = try CLIRunner.run(["synth", "--out", "/tmp/never-written.csv", "--days", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("days"))
    }
}
