import CrimeTestSupport
import Foundation
import Testing

@Suite struct ForestCommandTests {
    struct Split: Decodable {
        let x_train: [[Double]]
        let y_train: [Double]
        let x_test: [[Double]]
        let y_test: [Double]
    }
    struct Accuracy: Decodable {
        let friedman: Split
        let classification: Split
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-forest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ x: [[Double]], _ y: [Double], _ name: String, rows: Int) throws -> String {
        let header = (0..<x[0].count).map { "x\($0)" }.joined(separator: ",") + ",target\n"
        let body = (0..<min(rows, x.count)).map { i in x[i].map { "\($0)" }.joined(separator: ",") + ",\(y[i])" }
        let url = folder.appendingPathComponent(name)
        try (header + body.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func object(_ output: CLIRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func regressionPrintsTheJSONContractAndSaves() throws {
        let f = try Fixtures.json(Accuracy.self, "forest", "forest_accuracy.json").friedman
        let train = try write(f.x_train, f.y_train, "train.csv", rows: 500)
        let test = try write(f.x_test, f.y_test, "test.csv", rows: 200)
        let model = folder.appendingPathComponent("model.ckm").path
        let result = try CLIRunner.run(["forest", "--train", train, "--test", test, "--target", "target", "--trees", "20",
                                        "--min-leaf", "2", "--max-features", "0.34", "--seed", "3", "--save", model, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result)
        for key in ["r2", "mae", "rmse", "fit_seconds", "predict_seconds"] { #expect(json[key] is Double, "missing \(key)") }
        #expect(try #require(json["r2"] as? Double) > 0.6)
        #expect(FileManager.default.fileExists(atPath: model))
    }

    @Test func classificationAddsItsScores() throws {
        let c = try Fixtures.json(Accuracy.self, "forest", "forest_accuracy.json").classification
        let train = try write(c.x_train, c.y_train, "ctrain.csv", rows: 500)
        let test = try write(c.x_test, c.y_test, "ctest.csv", rows: 200)
        let result = try CLIRunner.run(["forest", "--train", train, "--test", test, "--target", "target", "--classify",
                                        "--trees", "20", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result)
        for key in ["r2", "accuracy", "precision", "recall", "f1", "roc_auc"] { #expect(json[key] is Double, "missing \(key)") }
        #expect(try #require(json["accuracy"] as? Double) > 0.6)
        #expect(try #require(json["roc_auc"] as? Double) > 0.75)
    }

    @Test func separableBinaryProblemScoresPerfectly() throws {
        // Hand-checkable: label = [x > 5] with a wide gap, so every score is 1.
        let x: [[Double]] = (0..<40).map { (i: Int) -> [Double] in [Double(i < 20 ? i % 5 : 10 + i % 5)] }
        let y: [Double] = (0..<40).map { (i: Int) -> Double in i < 20 ? 0 : 1 }
        let train = try write(x, y, "btrain.csv", rows: 40)
        let result = try CLIRunner.run(["forest", "--train", train, "--test", train, "--target", "target", "--classify",
                                        "--trees", "5", "--json"])
        let json = try object(result)
        for key in ["accuracy", "precision", "recall", "f1", "roc_auc"] { #expect(json[key] as? Double == 1, "\(key)") }
    }

    @Test func badFlagsAndFilesAreNamed() throws {
        let f = try Fixtures.json(Accuracy.self, "forest", "forest_accuracy.json").friedman
        let train = try write(f.x_train, f.y_train, "t.csv", rows: 50)
        let base = ["forest", "--train", train, "--test", train, "--target", "target"]
        let cases: [([String], String)] = [
            (base + ["--trees", "0"], "--trees"),
            (base + ["--min-leaf", "0"], "--min-leaf"),
            (base + ["--max-features", "lots"], "--max-features"),
            (base + ["--histogram-bins", "1"], "--histogram-bins"),
            (["forest", "--train", "/nonexistent/train.csv", "--test", train, "--target", "target"], "/nonexistent/train.csv"),
            (["forest", "--train", train, "--test", train, "--target", "nope"], "nope"),
        ]
        for (arguments, named) in cases {
            let result = try CLIRunner.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(named), "\(result.stderr)")
        }
        let bad = folder.appendingPathComponent("bad.csv")
        try "x0,target\n1,2\n3,oops\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["forest", "--train", bad.path, "--test", train, "--target", "target"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.csv") && result.stderr.contains("line 3"))
    }
}
