import CrimeTestSupport
import Foundation
import Testing

/// `crimekit gbm` on the gradient-boosting fixture (Tests/Fixtures/gbm, made by make_gbm.py).
@Suite struct GBMCommandTests {
    struct Case: Decodable { let mean_poisson_deviance: Double }
    struct Reference: Decodable { let cases: [String: Case] }

    @Test func poissonPrintsTheJSONContractAndMatchesScikitLearn() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("gbm-cli-\(UUID().uuidString).ckm").path
        defer { try? FileManager.default.removeItem(atPath: model) }
        let result = try CLIRunner.run(["gbm", "--train", Fixtures.url("gbm", "train.csv").path,
                                        "--test", Fixtures.url("gbm", "test.csv").path, "--target", "count",
                                        "--loss", "poisson", "--save", model, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["mae", "rmse", "r2", "deviance", "fit_seconds", "predict_seconds"] {
            #expect(json[key] is Double, "missing \(key)")
        }
        let reference = try #require(try Fixtures.json(Reference.self, "gbm", "reference.json").cases["poisson_default"])
        let deviance = try #require(json["deviance"] as? Double)
        #expect(abs(deviance / reference.mean_poisson_deviance - 1) < 1e-6)
        #expect(FileManager.default.fileExists(atPath: model))
    }

    @Test func squaredErrorCSVHasNoDevianceAndBadOptionsFail() throws {
        let args = ["gbm", "--train", Fixtures.url("gbm", "train.csv").path, "--test", Fixtures.url("gbm", "test.csv").path,
                    "--target", "count"]
        let result = try CLIRunner.run(args + ["--iterations", "10", "--validation-fraction", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mae,") && !result.stdout.contains("deviance"))
        let badLoss = try CLIRunner.run(args + ["--loss", "huber"])
        #expect(badLoss.status != 0 && badLoss.stderr.contains("--loss"))
        let badFraction = try CLIRunner.run(args + ["--validation-fraction", "1.5"])
        #expect(badFraction.status != 0 && badFraction.stderr.contains("--validation-fraction"))
    }
}
