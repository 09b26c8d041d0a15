import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("Formula designs against patsy")
struct FormulaTests {
    struct Case: Decodable {
        let formula: String
        let names: [String]
        let response: String
        let rows: [[Double]]
        let response_rows: [Double]
    }
    struct Reference: Decodable { let cases: [Case] }

    @Test("Column names, order, coding and values match patsy's dmatrices")
    func patsyNames() throws {
        let data = try DataTable.load(csv: Fixtures.url("linear", "synthetic.csv"))
        for c in try Fixtures.json(Reference.self, "linear", "formula_names.json").cases {
            let design = try FormulaDesign(formula: c.formula, data: data)
            #expect(design.columnNames == c.names, "\(c.formula)")
            #expect(design.responseName == c.response, "\(c.formula)")
            for (i, row) in c.rows.enumerated() where design.columnNames == c.names {
                for (j, value) in row.enumerated() {
                    #expect(close(design.matrix[i, j], value, 1e-13, floor: 1), "\(c.formula) [\(i), \(j)]")
                }
                #expect(close(design.response[i], c.response_rows[i], 1e-13, floor: 1))
            }
        }
    }

    @Test("Syntax errors name the position")
    func syntax() throws {
        let data = try DataTable([("y", .numeric([1, 2, 3])), ("a", .numeric([1, 0, 2]))])
        for bad in ["y ~ a +", "y a", "y ~ foo(a)", "y ~ a $ b", "y ~ (a"] {
            #expect(throws: LinearModelError.self) { try FormulaDesign(formula: bad, data: data) }
        }
        do {
            _ = try FormulaDesign(formula: "y ~ a + ", data: data)
        } catch let error as LinearModelError {
            #expect(error.description.contains("at the end"))
        }
    }
}
