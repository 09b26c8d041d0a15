import Foundation
import Testing

/// `crimekit synth` reports the city's true trigger parameters: in the JSON manifest and in its CSV.
@Suite struct SynthTriggerParametersTests {
    /// The CLI's city is the default one: branching ratio 0.3, mean delay 2 days, spread 200 m
    /// (`SyntheticCityConfig`'s documented defaults).
    @Test func manifestHasTheTrueTriggerParameters() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-cli-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = try CLIRunner.run(["synth", "--out", path, "--seed", "4", "--days", "3", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(manifest["branching_ratio"] as? Double == 0.3)
        #expect(manifest["trigger_decay_days"] as? Double == 2)
        #expect(manifest["trigger_sigma_m"] as? Double == 200)
        let offspring = try #require(manifest["offspring"] as? Int), events = try #require(manifest["events"] as? Int)
        // Offspring are at most the branching ratio's share of all events (edges and the end lose some).
        #expect(offspring > 0 && Double(offspring) < 0.3 * Double(events))
        let csv = try CLIRunner.run(["synth", "--out", path, "--seed", "4", "--days", "3"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = Dictionary(uniqueKeysWithValues: csv.stdout.split(separator: "\n").dropFirst().compactMap { line -> (String, String)? in
            let parts = line.split(separator: ",", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        })
        #expect(rows["branching_ratio"].flatMap(Double.init) == 0.3)
        #expect(rows["trigger_decay_days"].flatMap(Double.init) == 2)
        #expect(rows["trigger_sigma_m"].flatMap(Double.init) == 200)
    }
}
