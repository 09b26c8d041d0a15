import CrimeTestSupport
import Foundation
import Testing

/// `--missing error|drop` on the commands that read model tables.
@Suite struct MissingValuesCommandTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let formula: String
            let nobs: Int
            let params: [String: Double]
        }
        let cases: [Case]
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-missing-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func object(_ output: CLIRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func olsDropsRowsAsStatsmodelsDoesAndCountsThem() throws {
        let path = Fixtures.url("linear", "missing.csv").path
        let reference = try #require(try Fixtures.json(Reference.self, "linear", "missing_reference.json").cases.first)
        let result = try CLIRunner.run(["ols", "--data", path, "--formula", reference.formula, "--missing", "drop", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result)
        #expect(json["nobs"] as? Int == reference.nobs)
        #expect(json["missing_dropped"] as? Int == 24 - reference.nobs)
        let params = try #require(json["params"] as? [String: Double])
        for (name, value) in reference.params { #expect(abs((params[name] ?? .nan) - value) <= 1e-9 * abs(value), "\(name)") }
        let text = try CLIRunner.run(["ols", "--data", path, "--formula", reference.formula, "--missing", "drop"])
        #expect(text.stdout.contains("Rows dropped for missing values: \(24 - reference.nobs)"))
        let plain = try CLIRunner.run(["ols", "--data", path, "--formula", "w ~ g", "--json"])
        #expect(plain.status != 0 && plain.stderr.contains("line 10") && plain.stderr.contains("column 'w'")
                && plain.stderr.contains("'null'") && plain.stderr.contains("--missing drop"), "\(plain.stderr)")
    }

    @Test func olsNamesTheTextCellOfANumericColumn() throws {
        let rows = (1...30).map { "\($0),\($0 * $0 % 7)" }
        var lines = ["y,x"] + rows
        lines[12] = "12,seven"
        let path = try write(lines.joined(separator: "\n") + "\n", "mixed.csv")
        let result = try CLIRunner.run(["ols", "--data", path, "--formula", "y ~ x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 13") && result.stderr.contains("'seven'") && result.stderr.contains("C(x)"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("columns but only"))
    }

    @Test func metricsDropsOrNamesTheMissingCell() throws {
        let csv = "y_true,y_pred\n1,2\nNA,3\n3,4\n"
        let error = try CLIRunner.run(["metrics", "--regression", "--data", "-"], stdin: csv)
        #expect(error.status != 0 && error.stderr.contains("line 3") && error.stderr.contains("'NA'"), "\(error.stderr)")
        let dropped = try CLIRunner.run(["metrics", "--regression", "--data", "-", "--missing", "drop", "--json"], stdin: csv)
        #expect(dropped.status == 0, "\(dropped.stderr)")
        let json = try object(dropped)
        // The two rows left are each off by 1.
        #expect(json["mae"] as? Double == 1 && json["mse"] as? Double == 1 && json["missing_dropped"] as? Double == 1)
    }

    @Test func forestAndGBMDropRowsInEitherTable() throws {
        let train = try write("a,b,target\n" + (0..<40).map { i in
            i == 5 ? "1,,2" : i == 9 ? "null,2,3" : "\(i % 7),\(i % 5),\(Double(i % 7) + 0.5 * Double(i % 5))"
        }.joined(separator: "\n") + "\n", "train.csv")
        let test = try write("a,b,target\n1,2,2\n3,NaN,3\n4,1,4.5\n", "test.csv")
        for command in ["forest", "gbm"] {
            let base = [command, "--train", train, "--test", test, "--target", "target", "--json"]
            let failed = try CLIRunner.run(base)
            #expect(failed.status != 0 && failed.stderr.contains("line 7") && failed.stderr.contains("column 'b'"),
                    "\(command): \(failed.stderr)")
            let result = try CLIRunner.run(base + ["--missing", "drop"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let json = try object(result)
            #expect(json["train_rows"] as? Int == 38 && json["test_rows"] as? Int == 2, "\(command)")
            #expect(json["missing_dropped_train"] as? Int == 2 && json["missing_dropped_test"] as? Int == 1, "\(command)")
        }
    }
}
