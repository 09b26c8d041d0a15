import CrimeCore
import CrimeEval
import CrimeModels
import CrimeStudies
import CrimeSynthetic
import Foundation
import Testing

@Suite("Deployment regression with controls")
struct DeploymentRegressionTests {
    /// 300 synthetic neighbourhoods: group B is poorer and policed 1.5× at equal income. The raw
    /// pooled ratio overstates the disparity; the adjusted one recovers 1.5 within its interval.
    @Test func controlsRemoveIncomeConfounding() throws {
        let names = (0..<300).map { "n\($0)" }
        var config = SyntheticDeploymentConfig()
        config.seed = 21
        let areas = SyntheticDeploymentArea.generate(names: names, config: config).map {
            DeploymentArea(name: $0.name, sightings: $0.sightings, coverage: $0.frames, group: $0.majority,
                           covariates: ["income": $0.medianIncome, "density": $0.density])
        }
        let raw = try #require(try DisparityAudit(areas: areas).compare(to: "A", replicates: 200, seed: 1).first)
        let model = try DeploymentRegression.fit(areas, reference: "A")
        #expect(model.result.termNames == ["Intercept", "group[T.B]", "log(density)", "log(income)"])
        #expect(model.low < 1.5 && 1.5 < model.high, "adjusted \(model.ratio) [\(model.low), \(model.high)]")
        #expect(raw.ratio > model.high, "raw \(raw.ratio) should exceed the adjusted interval")
        #expect(model.sentence.contains("Controlling for log(density) and log(income)"))
    }

    @Test func deploymentTableReadsCSV() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "name,sightings,coverage,group,income\nLoop,12,400,A,90000\nPilsen,30,500,B,41000\n".write(to: url, atomically: true, encoding: .utf8)
        let areas = try DeploymentTable.read(url)
        #expect(areas.map(\.name) == ["Loop", "Pilsen"])
        #expect(areas[1].rate == 0.06)
        #expect(areas[0].covariates == ["income": 90000])
        try "name,sightings,group\nLoop,12,A\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: DeploymentTableError.missingColumn(file: url.path, name: "coverage")) { try DeploymentTable.read(url) }
        try "name,sightings,coverage,group,income\nLoop,12,400,A,90000\nPilsen,NA,500,B,41000\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: DataTableError.missingValue(file: url.path, record: 3, column: "sightings", value: "NA")) {
            try DeploymentTable.read(url)
        }
    }
}
