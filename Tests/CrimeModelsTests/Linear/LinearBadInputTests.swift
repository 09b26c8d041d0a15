import CrimeCore
import CrimeModels
import Foundation
import Testing

@Suite("Linear models: bad input gives typed errors naming the column or row")
struct LinearBadInputTests {
    static let table = try? DataTable([
        ("y", .numeric([1, 2, 3, 5, 4])), ("a", .numeric([1, 0, 2, 3, 1])), ("b", .numeric([2, 1, 0, -1, 3])),
        ("k", .numeric([7, 7, 7, 7, 7])), ("nan", .numeric([1, .nan, 2, 3, 4])), ("borough", .text(["Q", "B", "Q", "M", "B"])),
    ])

    func fitError(_ formula: String) throws -> LinearModelError? {
        let data = try #require(Self.table)
        do {
            _ = try OLS.fit(formula: formula, data: data)
            return nil
        } catch let error as LinearModelError {
            return error
        }
    }

    @Test("A formula naming a missing column names it")
    func missingColumn() throws {
        let error = try fitError("y ~ a + population")
        #expect(error == .unknownColumn("population", available: ["y", "a", "b", "k", "nan", "borough"]))
        #expect(error?.description.contains("'population'") == true)
    }

    @Test("log of a non-positive value names the column and row")
    func logNonPositive() throws {
        #expect(try fitError("y ~ log(a)") == .nonPositiveLog(column: "a", row: 1, value: 0))
        #expect(try fitError("log(b) ~ a") == .nonPositiveLog(column: "b", row: 2, value: 0))
    }

    @Test("NaN in a column names the column and row")
    func nonFinite() throws {
        let data = try #require(Self.table)
        #expect(throws: DataTableError.missingValue(file: nil, record: 2, column: "nan", value: "NaN")) {
            try OLS.fit(formula: "y ~ nan", data: data)
        }
        let x = Matrix(rows: 3, columns: 1, values: [1, .infinity, 2])
        var ols = OLS()
        #expect(throws: LinearModelError.nonFinite(column: "x1", row: 1)) { try ols.fit(x, targets: [1, 2, 3]) }
        #expect(throws: LinearModelError.nonFinite(column: "y", row: 2)) {
            try ols.fit(Matrix(rows: 3, columns: 1, values: [1, 2, 3]), targets: [1, 2, .nan])
        }
    }

    @Test("A constant column beside the intercept is named")
    func constant() throws {
        #expect(try fitError("y ~ a + k") == .constantColumn("k"))
    }

    @Test("A column that is a combination of earlier ones is named (rank deficiency)")
    func collinear() throws {
        let data = try DataTable([("y", .numeric([1, 2, 3, 5])), ("a", .numeric([1, 0, 2, 3])),
                                  ("b", .numeric([2, 1, 0, -1])), ("c", .numeric([3, 1, 2, 2]))])
        #expect(throws: LinearModelError.collinearColumn("c")) { try OLS.fit(formula: "y ~ a + b + c", data: data) }
    }

    @Test("More columns than rows, an empty table, mismatched lengths")
    func shapes() throws {
        #expect(try fitError("y ~ a + b + C(borough) + a:b") == .moreColumnsThanRows(columns: 6, rows: 5))
        let empty = try DataTable([("y", .numeric([])), ("a", .numeric([]))])
        #expect(throws: LinearModelError.emptyData) { try OLS.fit(formula: "y ~ a", data: empty) }
        var ols = OLS()
        #expect(throws: LinearModelError.lengthMismatch(what: "the response 'y'", expected: 3, got: 2)) {
            try ols.fit(Matrix(rows: 3, columns: 1, values: [1, 2, 3]), targets: [1, 2])
        }
        #expect(throws: DataTableError.columnLengthMismatch(name: "b", expected: 2, got: 3)) {
            try DataTable([("a", .numeric([1, 2])), ("b", .numeric([1, 2, 3]))])
        }
    }

    @Test("Text in arithmetic and a cluster column that does not exist")
    func textAndCluster() throws {
        #expect(try fitError("y ~ log(borough)") == .textColumnInArithmetic("borough"))
        let data = try #require(Self.table)
        #expect(throws: LinearModelError.unknownColumn("precinct", available: data.names)) {
            try OLS.fit(formula: "y ~ a", data: data, clusterBy: "precinct")
        }
        #expect(throws: LinearModelError.self) { try OLS.fit(formula: "y ~ a", data: data, clusterBy: "k") }
    }

    @Test("CSV errors name the file and line")
    func csv() throws {
        #expect(throws: DataTableError.raggedRow(file: "t.csv", line: 3, expected: 2, got: 3)) {
            try DataTable(csv: "a,b\n1,2\n1,2,3\n", file: "t.csv")
        }
        #expect(throws: DataTableError.unterminatedQuote(file: "t.csv", line: 2)) {
            try DataTable(csv: "a,b\n\"1,2\n", file: "t.csv")
        }
        #expect(throws: DataTableError.noHeader(file: "t.csv")) { try DataTable(csv: "", file: "t.csv") }
        #expect(throws: DataTableError.self) { try DataTable.load(csv: URL(fileURLWithPath: "/nonexistent/file.csv")) }
        let quoted = try DataTable(csv: "name,v\n\"Smith, \"\"J\"\"\",1.5\r\nB,2\n", file: "q.csv")
        #expect(quoted.column("name") == .text(["Smith, \"J\"", "B"]))
        #expect(quoted.column("v") == .numeric([1.5, 2]))
    }

    @Test("predict before fit and with the wrong width")
    func predict() throws {
        var ols = OLS()
        #expect(throws: EstimatorError.notFitted) { try ols.predict(Matrix(rows: 1, columns: 1, values: [1])) }
        try ols.fit(Matrix(rows: 4, columns: 1, values: [1, 2, 3, 4]), targets: [3, 5, 7, 9])
        #expect(throws: EstimatorError.featureCountMismatch(expected: 1, got: 2)) {
            try ols.predict(Matrix(rows: 1, columns: 2, values: [1, 2]))
        }
        let prediction = try ols.predict(Matrix(rows: 1, columns: 1, values: [10]))
        #expect(abs(prediction[0] - 21) < 1e-12)
    }
}
