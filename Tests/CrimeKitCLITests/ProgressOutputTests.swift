import CrimeTestSupport
import Foundation
import Testing

/// Progress goes to standard error only, as plain lines when that is not a terminal, and `--quiet`
/// silences it; standard output (JSON here) is the same with and without it. `--progress-delay 0`
/// shows steps that finish at once, which the tests' small inputs do.
@Suite struct ProgressOutputTests {
    /// Runs a command with progress shown from the start and again with `--quiet`.
    func both(_ arguments: [String]) throws -> (shown: CLIRunner.Output, quiet: CLIRunner.Output) {
        (try CLIRunner.run(arguments + ["--progress-delay", "0"]), try CLIRunner.run(arguments + ["--quiet"]))
    }

    /// Standard output parses as one JSON object.
    func isJSON(_ output: CLIRunner.Output) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) is [String: Any]
    }

    @Test func backtestJSONStaysValidWithProgressOn() throws {
        let (shown, quiet) = try both(["backtest", "--synthetic", "--days", "60", "--window", "day", "--origins", "3",
                                       "--methods", "previous,historical", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(isJSON(shown))
        #expect(shown.stderr.contains("backtest: 0/3 origins (0%)"), "\(shown.stderr)")
        #expect(shown.stderr.contains("backtest: 3/3 origins (100%)"), "\(shown.stderr)")
        #expect(!shown.stderr.contains("\r"), "plain lines off a terminal")
        #expect(quiet.status == 0 && isJSON(quiet))
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func forestAndBoostingReportTheirTrees() throws {
        let data = ["--train", Fixtures.url("gbm", "train.csv").path, "--test", Fixtures.url("gbm", "test.csv").path,
                    "--target", "count", "--json"]
        let forest = try both(["forest"] + data + ["--trees", "5"])
        #expect(forest.shown.status == 0 && isJSON(forest.shown), "\(forest.shown.stderr)")
        #expect(forest.shown.stderr.contains("forest: 5/5 trees (100%) · "), "\(forest.shown.stderr)")
        #expect(forest.quiet.stderr.isEmpty && isJSON(forest.quiet))

        let gbm = try both(["gbm"] + data + ["--iterations", "4", "--validation-fraction", "0"])
        #expect(gbm.shown.status == 0 && isJSON(gbm.shown), "\(gbm.shown.stderr)")
        #expect(gbm.shown.stderr.contains("boosting: 4/4 iterations (100%) · "), "\(gbm.shown.stderr)")
        #expect(gbm.quiet.stderr.isEmpty && isJSON(gbm.quiet))
    }

    /// Ingest ends at the file's size, counted by the file system.
    @Test func ingestReportsTheWholeFile() throws {
        let path = Fixtures.url("ingest", "chicago.csv").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let (shown, quiet) = try both(["ingest", path, "--schema", "chicago", "--json"])
        #expect(shown.status == 0 && isJSON(shown), "\(shown.stderr)")
        let kilobytes = String(format: "%.1f kB", Double(size) / 1000)
        #expect(shown.stderr.hasPrefix("ingest: 0 B of \(kilobytes) (0%)"), "\(shown.stderr)")
        #expect(shown.stderr.contains("ingest: \(kilobytes) of \(kilobytes) (100%)"), "\(shown.stderr)")
        #expect(quiet.stdout == shown.stdout)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func aNegativeDelayIsRefused() throws {
        let out = try CLIRunner.run(["ingest", "x.csv", "--schema", "chicago", "--progress-delay", "-1"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("--progress-delay"), "\(out.stderr)")
    }
}
