import Foundation
import Testing

/// Counts past a flag's documented ceiling are usage errors (exit 2, one sentence naming the flag and the
/// ceiling) before anything is read or allocated, and `--help` states the ceiling.
@Suite struct FlagCeilingTests {
    let trainTest = ["--train", "/nonexistent-crimekit/train.csv", "--test", "/nonexistent-crimekit/test.csv", "--target", "y"]

    func expectUsageError(_ arguments: [String], saying sentence: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(sentence), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// A command's `--help` with its line wrapping undone.
    func help(_ command: String) throws -> String {
        try CLIRunner.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func forestTreesAndBoostingIterationsStopAt100000() throws {
        try expectUsageError(["forest"] + trainTest + ["--trees", "1000000000"],
                             saying: "--trees must be between 1 and 100000, got 1000000000")
        try expectUsageError(["gbm"] + trainTest + ["--iterations", "100001"],
                             saying: "--iterations must be between 1 and 100000, got 100001")
        #expect(try help("forest").contains("Number of trees (1 to 100000)"))
    }

    @Test func synthDaysAndRateStopAtTheirCeilings() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-ceiling-\(UUID().uuidString).csv").path
        // 10⁹ a day for 365 days, grown 5 % by the last day: 10⁹ × 365 × 1.05 = 3.8325 × 10¹¹ events.
        try expectUsageError(["synth", "--out", out, "--rate", "1e9"],
                             saying: "--rate 1000000000.0 over --days 365 expects about 383250000000 background events, more than the 20000000")
        try expectUsageError(["synth", "--out", out, "--days", "36501"], saying: "--days must be between 1 and 36500, got 36501")
        try expectUsageError(["synth", "--out", out, "--rate", "nan"], saying: "--rate must be a finite number ≥ 0, got nan")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try help("synth").contains("may expect at most 20,000,000 events"))
    }
}
