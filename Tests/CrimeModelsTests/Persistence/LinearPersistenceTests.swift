import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite struct LinearPersistenceTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-linear-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The Columbus model: the reloaded model's summary and predictions are the saved one's, figure
    /// for figure.
    @Test func olsRoundTripKeepsEveryFigure() throws {
        let table = try DataTable.load(csv: Fixtures.url("linear", "columbus.csv"))
        let design = try FormulaDesign(formula: "CRIME ~ INC + HOVAL", data: table)
        var model = OLS(addIntercept: false)
        try model.fit(design.matrix, targets: design.response)
        let url = folder.appendingPathComponent("ols.ckm")
        try model.save(to: url)
        let loaded = try OLS.load(from: url)
        #expect(loaded.result == model.result)
        #expect(try loaded.predict(design.matrix) == model.predict(design.matrix))
        let date = Date(timeIntervalSince1970: 0)
        #expect(try loaded.result?.summary(date: date) == model.result?.summary(date: date))
    }

    @Test func logisticRoundTripPredictsIdentically() throws {
        var rng = SeededGenerator(seed: 4)
        let values = (0..<400).map { _ in rng.nextUniform() * 2 - 1 }
        let x = Matrix(rows: 200, columns: 2, values: values)
        let y = (0..<200).map { values[2 * $0] + 0.5 * values[2 * $0 + 1] + 0.3 * (rng.nextUniform() - 0.5) > 0 ? 1.0 : 0.0 }
        var model = LogisticRegression(c: 0.5, classWeight: .explicit([0: 1, 1: 2.5]))
        try model.fit(x, targets: y)
        let url = folder.appendingPathComponent("logit.ckm")
        try model.save(to: url)
        let loaded = try LogisticRegression.load(from: url)
        #expect(loaded.coefficients == model.coefficients && loaded.intercept == model.intercept)
        #expect(loaded.classWeight == model.classWeight)
        #expect(try loaded.predictProbability(x) == model.predictProbability(x))
        #expect(throws: ArchiveError.self) { try RandomForestRegressor.load(from: url) }
    }

    @Test func unfittedModelsAreNotSavable() throws {
        let url = folder.appendingPathComponent("none.ckm")
        #expect(throws: ArchiveError.self) { try OLS().save(to: url) }
        #expect(throws: ArchiveError.self) { try LogisticRegression().save(to: url) }
        #expect(throws: ArchiveError.self) { try MeanRegressor().save(to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        var mean = MeanRegressor()
        try mean.fit(Matrix(rows: 2, columns: 1, values: [1, 2]), targets: [3, 5])
        try mean.save(to: url)
        #expect(try MeanRegressor.load(from: url).predict(Matrix(rows: 1, columns: 1, values: [9])) == [4])
    }
}
