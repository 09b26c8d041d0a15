import CrimeTestSupport
import Foundation
import Testing

/// Inputs that used to change an answer silently: usage errors naming the flags, or errors naming the
/// file and what to do.
@Suite struct PlausibilityCommandTests {
    @Test func clusterWithoutClusterCovarianceIsAUsageError() throws {
        let path = Fixtures.url("linear", "columbus.csv").path
        let result = try CLIRunner.run(["ols", "--data", path, "--formula", "CRIME ~ INC", "--cluster", "NSA"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--cluster") && result.stderr.contains("--cov cluster"), "\(result.stderr)")
    }

    @Test func forestClassifierRejectsTestLabelsUnseenInTraining() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let train = folder.appendingPathComponent("train.csv"), test = folder.appendingPathComponent("test.csv")
        try ("x,label\n" + (0..<20).map { "\($0),\($0 % 2)" }.joined(separator: "\n") + "\n")
            .write(to: train, atomically: true, encoding: .utf8)
        try "x,label\n1,1\n2,2\n3,7\n4,2\n".write(to: test, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["forest", "--classify", "--train", train.path, "--test", test.path, "--target", "label"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("test.csv") && result.stderr.contains("test labels 2, 7 (3 rows)")
                && result.stderr.contains("labels 0, 1"), "\(result.stderr)")
    }

    @Test func synthPastTheYear9999IsAUsageError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-9999-\(UUID().uuidString).csv").path
        let result = try CLIRunner.run(["synth", "--out", path, "--start", "9999-12-01", "--days", "32"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("9999-12-31") && result.stderr.contains("--days"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func areasInFeetReadAsDegreesNameTheFileAndTheLikelyCRS() throws {
        let shp = Fixtures.url("areas", "Chicago77.shp").path
        let result = try CLIRunner.run(["areas", "assign", "--polygons", shp, "--label", "COMMUNITY", "--crs", "EPSG:4326"],
                                       stdin: "lat,lng\n41.88,-87.63\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Chicago77.shp") && result.stderr.contains("EPSG:4326") && result.stderr.contains("EPSG:3435"),
                "\(result.stderr)")
    }
}
