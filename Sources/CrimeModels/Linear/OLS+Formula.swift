import CrimeCore

extension OLS {
    /// Fits a formula such as `CRIME ~ INC + log(HOVAL) + C(district)` on a table, statsmodels'
    /// `smf.ols(formula, data, missing=missing).fit()`; terms are named as patsy names them.
    ///
    /// - Parameters:
    ///   - formula: the model, `response ~ terms`, in patsy's syntax.
    ///   - data: the table whose columns the formula names.
    ///   - clusterBy: a column whose values group the rows for ``OLSResult/covCluster``.
    ///   - missing: what a missing cell in a column the fit uses (the formula's and `clusterBy`) does: an
    ///     error naming it, or `.drop` to fit the other rows (`data.rowCount − nobs` rows are dropped).
    public static func fit(formula: String, data: DataTable, clusterBy: String? = nil,
                           missing: MissingValues = .error) throws -> OLSResult {
        let used = try FormulaDesign.columns(in: formula) + (clusterBy.map { [$0] } ?? [])
        let table = try data.handlingMissing(missing, in: used).table
        let design = try FormulaDesign(formula: formula, data: table)
        var groups: [Int]?
        if let clusterBy {
            groups = try FormulaEvaluator(table: table).levels(clusterBy).codes
        }
        return try fit(design: design.matrix, response: design.response, termNames: design.columnNames,
                       responseName: design.responseName, clusters: groups)
    }
}
