import CrimeTestSupport
import Foundation
import Testing

private struct RegressionCases: Decodable {
    struct Case: Decodable { let truth: [Double]; let predicted: [Double]; let mae: Double; let mse: Double; let r2: Double? }
    let cases: [Case]
}

private struct BinaryCases: Decodable {
    struct At: Decodable { let threshold: Double; let precision: Double; let recall: Double; let f1: Double }
    struct Case: Decodable { let at: [At]; let roc_auc: Double; let average_precision: Double }
    let cases: [Case]
}

@Suite struct MetricsCommandTests {
    private func decode(_ text: String) throws -> [String: Double] {
        try JSONDecoder().decode([String: Double].self, from: Data(text.utf8))
    }

    @Test func binaryMatchesScikitLearn() throws {
        // binary_scores.csv holds case 2 of the scikit-learn fixture.
        let reference = try Fixtures.json(BinaryCases.self, "metrics", "classification_fixture.json").cases[2]
        let at = try #require(reference.at.first { $0.threshold == 0.5 })
        let out = try CLIRunner.run(["metrics", "--binary", "--data", Fixtures.url("metrics", "binary_scores.csv").path, "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try decode(out.stdout)
        #expect(Set(json.keys) == ["precision", "recall", "f1", "roc_auc", "average_precision"])
        for (key, value) in [("precision", at.precision), ("recall", at.recall), ("f1", at.f1),
                             ("roc_auc", reference.roc_auc), ("average_precision", reference.average_precision)] {
            #expect(abs((json[key] ?? .nan) - value) <= 1e-12, "\(key)")
        }
    }

    @Test func regressionFromStandardInputMatchesScikitLearn() throws {
        let c = try Fixtures.json(RegressionCases.self, "metrics", "metrics_fixture.json").cases[3]
        let csv = "id,y_true,y_pred\n" + zip(c.truth, c.predicted).enumerated().map { "\($0.offset),\($0.element.0),\($0.element.1)" }.joined(separator: "\n")
        let out = try CLIRunner.run(["metrics", "--regression", "--data", "-", "--json"], stdin: csv)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try decode(out.stdout)
        #expect(abs((json["mae"] ?? .nan) - c.mae) <= 1e-12 && abs((json["mse"] ?? .nan) - c.mse) <= 1e-12)
        #expect(abs((json["rmse"] ?? .nan) - c.mse.squareRoot()) <= 1e-12)
        #expect(abs((json["r2"] ?? .nan) - (c.r2 ?? .nan)) <= 1e-12)
        let plain = try CLIRunner.run(["metrics", "--regression", "--data", "-"], stdin: csv)
        #expect(plain.stdout.hasPrefix("metric,value\nmae,"))
    }

    @Test func errorsNameFileRowAndFlag() throws {
        let bad = try CLIRunner.run(["metrics", "--regression", "--data", "-"], stdin: "y_true,y_pred\n1,2\n3,oops\n")
        #expect(bad.status != 0 && bad.stderr.contains("line 3") && bad.stderr.contains("y_pred") && bad.stderr.contains("oops"))
        let nan = try CLIRunner.run(["metrics", "--regression", "--data", "-"], stdin: "\u{FEFF}y_true,y_pred\r\n1,2\r\n\r\n3,NaN\r\n")
        #expect(nan.status != 0 && nan.stderr.contains("line 4") && nan.stderr.contains("'NaN'"), "\(nan.stderr)")
        let missing = try CLIRunner.run(["metrics", "--binary", "--data", "-"], stdin: "label,prob\n1,0.2\n")
        #expect(missing.status != 0 && missing.stderr.contains("'score'"))
        let single = try CLIRunner.run(["metrics", "--binary", "--data", "-"], stdin: "label,score\n1,0.2\n1,0.7\n")
        #expect(single.status != 0 && single.stderr.contains("both classes"))
        let label = try CLIRunner.run(["metrics", "--binary", "--data", "-"], stdin: "label,score\n0,0.2\n2,0.7\n")
        #expect(label.status != 0 && label.stderr.contains("line 3") && label.stderr.contains("label"))
        let both = try CLIRunner.run(["metrics", "--binary", "--regression", "--data", "x.csv"])
        #expect(both.status != 0 && both.stderr.contains("--regression"))
        let absent = try CLIRunner.run(["metrics", "--binary", "--data", "/nonexistent/scores.csv"])
        #expect(absent.status != 0 && absent.stderr.contains("/nonexistent/scores.csv"))
    }
}
