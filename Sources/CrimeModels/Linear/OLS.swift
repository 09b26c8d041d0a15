import CrimeCore

/// Ordinary least squares solved through a QR factorisation (LAPACK), with statsmodels-grade inference.
///
/// As a `Regressor`, `fit` adds an intercept column in front of the features when `addIntercept` is true
/// (the default) and keeps the full ``OLSResult`` in ``result``. For a named design or a formula, call
/// ``fit(design:response:termNames:responseName:clusters:)`` or ``fit(formula:data:clusterBy:missing:)``.
///
/// A rank-deficient design is an error (``LinearModelError/collinearColumn(_:)`` names the first column
/// that is a combination of those before it), not statsmodels' silent pseudo-inverse.
public struct OLS: Regressor, Sendable {
    /// Whether `fit(_:targets:)` adds an intercept column.
    public var addIntercept: Bool
    /// The results of the last fit.
    public internal(set) var result: OLSResult?

    /// An unfitted model.
    public init(addIntercept: Bool = true) { self.addIntercept = addIntercept }

    /// Fits the features (plus an intercept column when `addIntercept`), named `x1…xk` as statsmodels names
    /// unnamed columns.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try x.validate()
        var names = (0..<x.columns).map { "x\($0 + 1)" }
        var design = x
        if addIntercept {
            names.insert("const", at: 0)
            var values = [Double](repeating: 1, count: x.rows * (x.columns + 1))
            for i in 0..<x.rows {
                for j in 0..<x.columns { values[i * (x.columns + 1) + j + 1] = x.values[i * x.columns + j] }
            }
            design = Matrix(rows: x.rows, columns: x.columns + 1, values: values)
        }
        result = try Self.fit(design: design, response: y, termNames: names, responseName: "y")
    }

    /// `X β̂` (with the intercept when the model added one).
    public func predict(_ x: Matrix) throws -> [Double] {
        try x.validate()
        guard let result else { throw EstimatorError.notFitted }
        let k = result.params.count - (addIntercept ? 1 : 0)
        guard x.columns == k else { throw EstimatorError.featureCountMismatch(expected: k, got: x.columns) }
        let slopes = addIntercept ? Array(result.params.dropFirst()) : result.params
        var out = k > 0 ? try x.multiplied(by: slopes) : [Double](repeating: 0, count: x.rows)
        if addIntercept { for i in out.indices { out[i] += result.params[0] } }
        return out
    }

    /// Fits `response ~ design` exactly as given (no column is added) and returns the full results.
    ///
    /// - Parameters:
    ///   - design: the n×p design, row-major; a constant non-zero column is treated as the intercept, and
    ///     so, as in statsmodels, are columns whose span holds the constant (full dummy coding).
    ///   - response: n targets.
    ///   - termNames: one name per column.
    ///   - responseName: the response's name for the summary.
    ///   - clusters: optional group code per row; when given, ``OLSResult/covCluster`` is computed.
    public static func fit(design: Matrix, response: [Double], termNames: [String], responseName: String = "y",
                           clusters: [Int]? = nil) throws -> OLSResult {
        try design.validate()
        try DesignChecks.validate(design: design, response: response, termNames: termNames,
                                  responseName: responseName, clusters: clusters)
        let intercept = DesignChecks.interceptColumn(design)
        if let intercept, let constant = DesignChecks.constantColumn(design, excluding: intercept) {
            throw LinearModelError.constantColumn(termNames[constant])
        }
        return try SerialBLAS.run {
            let qr = try LeastSquaresQR(rowMajor: design, response: response, names: termNames)
            let implicit = intercept == nil && qr.spansConstant(columnSums: DesignChecks.columnSums(design))
            return try OLSEstimates(design: design, response: response, qr: qr, termNames: termNames,
                                    responseName: responseName, interceptIndex: intercept,
                                    hasIntercept: intercept != nil || implicit, clusters: clusters).result()
        }
    }
}
