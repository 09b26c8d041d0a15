import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("Missing values in model tables: an error by default, statsmodels' missing='drop' on request")
struct MissingValuesTests {
    struct Case: Decodable {
        let formula: String
        let nobs: Int
        let params: [String: Double]
        let bse: [String: Double]
    }
    struct Reference: Decodable { let cases: [Case] }

    static func relativelyClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1e-12) }

    @Test("--missing drop matches statsmodels' formula OLS with missing='drop' (coefficients, standard errors, nobs)")
    func dropMatchesStatsmodels() throws {
        let data = try DataTable.load(csv: Fixtures.url("linear", "missing.csv"))
        #expect(data.rowCount == 24)
        for c in try Fixtures.json(Reference.self, "linear", "missing_reference.json").cases {
            let result = try OLS.fit(formula: c.formula, data: data, missing: .drop)
            #expect(result.nobs == c.nobs, "\(c.formula)")
            #expect(try FormulaDesign(formula: c.formula, data: data, missing: .drop).droppedRows == 24 - c.nobs)
            #expect(Set(result.termNames) == Set(c.params.keys), "\(c.formula)")
            for (name, value) in c.params {
                let i = try #require(result.index(of: name))
                #expect(Self.relativelyClose(result.params[i], value), "\(c.formula) \(name)")
                #expect(Self.relativelyClose(result.bse[i], c.bse[name] ?? .nan), "\(c.formula) \(name) bse")
            }
        }
    }

    @Test("By default the first missing cell is an error naming the file, line, column and the cell as written")
    func errorNamesTheCell() throws {
        let url = Fixtures.url("linear", "missing.csv")
        let data = try DataTable.load(csv: url)
        // Row 4 of the data (line 5) has an empty y; x's first missing cell, 'NA', is on line 7.
        #expect(throws: DataTableError.missingValue(file: url.path, record: 5, column: "y", value: "")) {
            try OLS.fit(formula: "y ~ x + w", data: data)
        }
        #expect(throws: DataTableError.missingValue(file: url.path, record: 7, column: "x", value: "NA")) {
            try OLS.fit(formula: "w ~ x", data: data)
        }
        do {
            _ = try OLS.fit(formula: "w ~ x", data: data)
        } catch let error as DataTableError {
            #expect(error.description.hasPrefix("\(url.path), line 7, column 'x': 'NA' is a missing value"))
            #expect(error.description.contains("--missing drop"))
        }
    }

    @Test("pandas' default markers (spaces trimmed) are missing; other text and 'inf' are not")
    func markers() throws {
        let names = ["", " ", "NA", "N/A", "n/a", "NaN", "nan", "-nan", "-NaN", "null", "NULL", "None", "<NA>", "#N/A",
                     "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN"]
        let csv = "v\n" + names.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: "\n") + "\n"
        // Blank lines are skipped by the CSV reader, so the empty cell is written quoted.
        let table = try DataTable(csv: csv, file: "m.csv")
        #expect(table.rowCount == names.count)
        #expect(table.missing[0].count == names.count)
        guard case let .numeric(values)? = table.column("v") else { Issue.record("not numeric"); return }
        #expect(values.allSatisfy { $0.isNaN })
        let other = try DataTable(csv: "v\nna\nNone\n", file: "o.csv")
        #expect(other.column("v") == .text(["na", "None"]))
        #expect(other.missing[0] == [1: "None"])
        let infinite = try DataTable(csv: "y,x\n1,2\n2,inf\n3,1\n", file: "i.csv")
        #expect(infinite.missing[1].isEmpty)
        #expect(throws: DataTableError.infinite(file: "i.csv", record: 3, column: "x", value: .infinity)) {
            try FormulaDesign(formula: "y ~ x", data: infinite)
        }
    }

    @Test("Rows are named by the line their record starts on, after blank lines and quoted line breaks")
    func physicalLines() throws {
        let table = try DataTable(csv: "y,x,t\n1,2,a\n\n2,3,\"two\nlines\"\n3,NA,b\n4,5,c\n", file: "p.csv")
        #expect(table.records == [2, 4, 6, 7])
        #expect(throws: DataTableError.missingValue(file: "p.csv", record: 6, column: "x", value: "NA")) {
            try FormulaDesign(formula: "y ~ x", data: table)
        }
        let kept = try table.handlingMissing(.drop, in: ["x"])
        #expect(kept.dropped == 1 && kept.table.records == [2, 4, 7])
        #expect(try table.handlingMissing(.drop, in: ["t"]).dropped == 0)
    }

    @Test("A column of numbers with a text cell is an error naming it, never a factor, unless C(...) asks")
    func mixedColumn() throws {
        let table = try DataTable(csv: "y,x\n1,2\n2,3\n3,abc\n4,5\n5,7\n", file: "t.csv")
        #expect(throws: DataTableError.notANumber(file: "t.csv", record: 4, column: "x", value: "abc")) {
            try FormulaDesign(formula: "y ~ x", data: table)
        }
        #expect(throws: DataTableError.notANumber(file: "t.csv", record: 4, column: "x", value: "abc")) {
            try FormulaDesign(formula: "y ~ log(x)", data: table)
        }
        #expect(throws: DataTableError.notANumber(file: "t.csv", record: 4, column: "x", value: "abc")) {
            try FormulaDesign(formula: "x ~ y", data: table)
        }
        let categorical = try FormulaDesign(formula: "y ~ C(x)", data: table)
        #expect(categorical.columnNames == ["Intercept", "C(x)[T.3]", "C(x)[T.5]", "C(x)[T.7]", "C(x)[T.abc]"])
        // A text column with no numbers stays a bare categorical, as patsy treats strings.
        let words = try DataTable(csv: "y,g\n1,a\n2,b\n3,a\n", file: "w.csv")
        #expect(try FormulaDesign(formula: "y ~ g", data: words).columnNames == ["Intercept", "g[T.b]"])
    }

    @Test("Tables built in code: NaN is missing and rows are numbered from 1; dropping every row is an error")
    func codeBuiltTables() throws {
        let table = try DataTable([("y", .numeric([1, .nan, 3, 4])), ("x", .numeric([.nan, 1, 2, 4]))])
        #expect(throws: DataTableError.missingValue(file: nil, record: 1, column: "x", value: "NaN")) {
            try FormulaDesign(formula: "y ~ x", data: table)
        }
        let design = try FormulaDesign(formula: "y ~ x", data: table, missing: .drop)
        #expect(design.droppedRows == 2 && design.response == [3, 4] && design.matrix.values == [1, 2, 1, 4])
        let empty = try DataTable([("y", .numeric([1, .nan])), ("x", .numeric([.nan, 2]))])
        #expect(throws: DataTableError.allRowsMissing(file: nil, rows: 2, columns: ["y", "x"])) {
            try FormulaDesign(formula: "y ~ x", data: empty, missing: .drop)
        }
    }
}
