import CrimeCore

extension PoissonRegression {
    /// Fits a formula such as `y ~ C(cell) + C(tow)` on a table, statsmodels'
    /// `smf.glm(formula, data, family=Poisson(), offset=data[offset], exposure=data[exposure]).fit()`;
    /// terms are named as patsy names them.
    ///
    /// - Parameters:
    ///   - formula: the model, `y ~ a + C(b)`, as in ``OLS/fit(formula:data:clusterBy:missing:)``.
    ///   - data: the table the formula's names refer to.
    ///   - offset: the name of a numeric column added to the linear predictor, if any.
    ///   - exposure: the name of a numeric column of positive exposures whose logarithm joins the offset.
    ///   - missing: what a missing cell in a column the fit uses (the formula's, `offset` and `exposure`)
    ///     does: an error naming it, or `.drop` to fit the other rows.
    public func fit(formula: String, data: DataTable, offset: String? = nil, exposure: String? = nil,
                    missing: MissingValues = .error) throws -> PoissonRegressionResult {
        let used = try FormulaDesign.columns(in: formula) + [offset, exposure].compactMap { $0 }
        let data = try data.handlingMissing(missing, in: used).table
        let design = try FormulaDesign(formula: formula, data: data)
        let evaluator = FormulaEvaluator(table: data)
        let offsetValues = try offset.map { try evaluator.numbers($0) }
        var exposureValues: [Double]?
        if let exposure {
            guard let column = data.column(exposure) else { throw LinearModelError.unknownColumn(exposure, available: data.names) }
            guard case let .numeric(values) = column else { throw LinearModelError.textColumnInArithmetic(exposure) }
            exposureValues = values
        }
        return try fit(design: design.matrix, response: design.response, termNames: design.columnNames,
                       responseName: design.responseName, offset: offsetValues, exposure: exposureValues,
                       offsetName: offset ?? "offset", exposureName: exposure ?? "exposure")
    }
}
