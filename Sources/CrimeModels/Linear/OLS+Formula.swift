import CrimeCore

extension OLS {
    /// Fits a formula such as `CRIME ~ INC + log(HOVAL) + C(district)` on a table, statsmodels'
    /// `smf.ols(formula, data).fit()`; terms are named as patsy names them.
    ///
    /// - Parameters:
    ///   - formula: the model, `response ~ terms`, in patsy's syntax.
    ///   - data: the table whose columns the formula names.
    ///   - clusterBy: a column whose values group the rows for ``OLSResult/covCluster``.
    public static func fit(formula: String, data: DataTable, clusterBy: String? = nil) throws -> OLSResult {
        let design = try FormulaDesign(formula: formula, data: data)
        var groups: [Int]?
        if let clusterBy {
            groups = try FormulaEvaluator(table: data).levels(clusterBy).codes
        }
        return try fit(design: design.matrix, response: design.response, termNames: design.columnNames,
                       responseName: design.responseName, clusters: groups)
    }
}
