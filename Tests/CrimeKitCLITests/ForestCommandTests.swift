import Foundation
import Testing

@Suite struct ForestCommandTests {
    /// Writes train and test CSVs of y = 3a + b (and its class y > 2) with a noise column.
    private func writeCSVs() throws -> (URL, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func table(_ rows: Int, offset: Int) -> String {
            var text = "a,b,noise,y,label\n"
            for i in 0..<rows {
                let a = Double((i * 37 + offset) % 101) / 100, b = Double((i * 53 + offset) % 97) / 96
                let noise = Double((i * 71 + offset) % 89) / 88
                text += "\(a),\(b),\(noise),\(3 * a + b),\(3 * a + b > 2 ? 1 : 0)\n"
            }
            return text
        }
        let train = dir.appendingPathComponent("train.csv"), test = dir.appendingPathComponent("test.csv")
        try table(300, offset: 0).write(to: train, atomically: true, encoding: .utf8)
        try table(100, offset: 5).write(to: test, atomically: true, encoding: .utf8)
        return (train, test)
    }

    @Test func regressionPrintsScoresAndSaves() throws {
        let (train, test) = try writeCSVs()
        let model = train.deletingLastPathComponent().appendingPathComponent("forest.ckmodel")
        let out = try CLIRunner.run(["forest", "--train", train.path, "--test", test.path, "--target", "y",
                                     "--trees", "10", "--max-features", "0.5", "--save", model.path, "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Double])
        #expect(Set(report.keys) == ["r2", "mae", "rmse", "fit_seconds", "predict_seconds"])
        #expect(try #require(report["r2"]) > 0.8)
        #expect(FileManager.default.fileExists(atPath: model.path))
    }

    @Test func classificationPrintsScores() throws {
        let (train, test) = try writeCSVs()
        let out = try CLIRunner.run(["forest", "--train", train.path, "--test", test.path, "--target", "label",
                                     "--classify", "--trees", "10", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Double])
        #expect(Set(report.keys) == ["accuracy", "precision", "recall", "f1", "roc_auc", "fit_seconds", "predict_seconds"])
        #expect(try #require(report["accuracy"]) > 0.7)
    }

    @Test func badInputNamesFileColumnAndFlag() throws {
        let (train, test) = try writeCSVs()
        var out = try CLIRunner.run(["forest", "--train", train.path, "--test", test.path, "--target", "z"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("train.csv") && out.stderr.contains("\"z\""))
        try "a,y\n1,2\n3,x\n".write(to: test, atomically: true, encoding: .utf8)
        out = try CLIRunner.run(["forest", "--train", train.path, "--test", test.path, "--target", "y"])
        #expect(out.stderr.contains("test.csv") || out.stderr.contains("columns"))
        out = try CLIRunner.run(["forest", "--train", train.path, "--test", train.path, "--target", "y", "--max-features", "many"])
        #expect(out.status != 0 && out.stderr.contains("--max-features"))
    }
}
