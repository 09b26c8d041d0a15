import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("Logistic regression against scikit-learn")
struct LogisticRegressionTests {
    struct Case: Decodable {
        let name: String
        let C: Double
        let coef: [Double]
        let intercept: Double
        let proba: [Double]
        let predict: [Double]
    }
    struct Reference: Decodable { let cases: [Case] }

    static func data() throws -> (Matrix, [Double]) {
        let table = try DataTable.load(csv: Fixtures.url("linear", "logistic.csv"))
        var columns: [[Double]] = []
        for name in ["x1", "x2", "x3", "x4"] {
            guard case let .numeric(values)? = table.column(name) else { throw LinearModelError.unknownColumn(name, available: table.names) }
            columns.append(values)
        }
        guard case let .numeric(label)? = table.column("label") else { throw LinearModelError.unknownColumn("label", available: table.names) }
        let rows = (0..<table.rowCount).map { i in columns.map { $0[i] } }
        return (try Matrix(rowVectors: rows), label)
    }

    static func weight(_ name: String) -> ClassWeight {
        switch name {
        case "balanced": return .balanced
        case "explicit": return .explicit([0: 1, 1: 3])
        default: return .none
        }
    }

    @Test("Coefficients, intercept and probabilities equal scikit-learn's to 1e-5",
          arguments: ["C1", "C0.05", "balanced", "explicit"])
    func matches(name: String) throws {
        let reference = try #require(try Fixtures.json(Reference.self, "linear", "logistic_reference.json").cases.first { $0.name == name })
        let (x, y) = try Self.data()
        var model = LogisticRegression(c: reference.C, classWeight: Self.weight(name))
        try model.fit(x, targets: y)
        #expect(model.converged)
        for (ours, theirs) in zip(model.coefficients, reference.coef) { #expect(abs(ours - theirs) < 1e-5, "\(ours) vs \(theirs)") }
        #expect(abs(model.intercept - reference.intercept) < 1e-5)
        let head = try x.selectingRows(Array(0..<10))
        let probability = try model.predictProbability(head)
        for i in 0..<10 {
            #expect(abs(probability[i, 1] - reference.proba[i]) < 1e-6)
            #expect(abs(probability[i, 0] + probability[i, 1] - 1) < 1e-15)
        }
        #expect(try model.predict(head) == reference.predict)
    }

    @Test("One class, three classes, bad C and bad class weights are typed errors")
    func badInput() throws {
        let x = Matrix(rows: 4, columns: 1, values: [1, 2, 3, 4])
        var model = LogisticRegression()
        #expect(throws: LinearModelError.singleClass(1)) { try model.fit(x, targets: [1, 1, 1, 1]) }
        #expect(throws: LinearModelError.notBinary([0, 1, 2])) { try model.fit(x, targets: [0, 1, 2, 1]) }
        #expect(throws: LinearModelError.nonFinite(column: "target", row: 2)) { try model.fit(x, targets: [0, 1, .nan, 1]) }
        #expect(throws: EstimatorError.notFitted) { try model.predict(x) }
        var weighted = LogisticRegression(classWeight: .explicit([5: 2]))
        #expect(throws: LinearModelError.self) { try weighted.fit(x, targets: [0, 1, 0, 1]) }
        var negative = LogisticRegression(c: -1)
        #expect(throws: LinearModelError.self) { try negative.fit(x, targets: [0, 1, 0, 1]) }
    }

    @Test("Labels other than 0/1 keep their values; perfectly separated data still converge")
    func labels() throws {
        let x = Matrix(rows: 6, columns: 1, values: [-3, -2, -1, 1, 2, 3])
        var model = LogisticRegression(c: 10)
        try model.fit(x, targets: [2, 2, 2, 7, 7, 7])
        #expect(model.converged)
        #expect(model.classes == [2, 7])
        #expect(try model.predict(x) == [2, 2, 2, 7, 7, 7])
        // Symmetric data: the intercept is exactly zero at the optimum.
        #expect(abs(model.intercept) < 1e-10)
    }
}
