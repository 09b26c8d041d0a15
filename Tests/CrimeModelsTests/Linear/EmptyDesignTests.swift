import CrimeCore
import CrimeModels
import Foundation
import Testing

/// A design without columns (`y ~ 0`) and a failed LAPACK call are sentences, not LAPACK info codes.
@Suite struct EmptyDesignTests {
    @Test func aDesignWithoutColumnsIsNamed() throws {
        var ols = OLS(addIntercept: false)
        #expect(throws: LinearModelError.noColumns) {
            try ols.fit(Matrix(rows: 3, columns: 0, values: []), targets: [1, 2, 3])
        }
    }

    @Test func theFormulaYTildeZeroIsNamed() throws {
        let data = try DataTable(csv: "y,x\n1,2\n2,3\n3,5\n4,4\n", file: "d.csv")
        #expect(throws: LinearModelError.noColumns) { _ = try OLS.fit(formula: "y ~ 0", data: data) }
        #expect(LinearModelError.noColumns.localizedDescription.contains("no columns"))
    }

    @Test func lapackFailuresAreSentences() {
        let singular = LinearModelError.lapack(routine: "dgesv", info: 3).localizedDescription
        #expect(singular.contains("singular") && singular.contains("dgesv") && !singular.contains("info"))
        let argument = MatrixError.lapack(routine: "dgeqrf", info: -4).localizedDescription
        #expect(argument.contains("argument 4") && !argument.contains("info"))
    }
}
