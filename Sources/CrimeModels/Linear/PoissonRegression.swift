import CrimeCore
import Foundation

/// A Poisson generalised linear model with log link, `log μ = Xβ + offset + log(exposure)`, fitted by
/// iteratively reweighted least squares through the QR solver that ``OLS`` uses — statsmodels'
/// `GLM(y, X, family=Poisson(), offset=…, exposure=…).fit()`, with its result names.
///
/// As a `Regressor`, `fit` adds an intercept column in front of the features when `addIntercept` is
/// true (the default) and keeps the full ``PoissonRegressionResult`` in ``result``; `predict` returns
/// the means `exp(Xβ)` (offset 0 and exposure 1 unless passed to ``predict(_:offset:exposure:)``). For
/// a named design or a formula with `C(...)` factors, call ``fit(design:response:termNames:responseName:offset:exposure:)``
/// or ``fit(formula:data:offset:exposure:missing:)``.
///
/// Convergence: the fit stops when one step moves the deviance D by less than `tolerance · (|D| + 0.1)`;
/// a fit that has not stopped after `maxIterations` steps throws
/// ``PoissonRegressionError/notConverged(deviance:iterations:)``. A rank-deficient design throws
/// ``LinearModelError/collinearColumn(_:)`` naming the first column that is a combination of those
/// before it; negative or non-finite counts, non-finite offsets and exposures that are not positive
/// throw errors that name the column and row.
public struct PoissonRegression: Regressor, Sendable {
    /// Whether `fit(_:targets:)` adds an intercept column.
    public var addIntercept: Bool
    /// The relative deviance change at which IRLS stops (default 1e-10).
    public var tolerance: Double
    /// The most IRLS steps allowed (default 100).
    public var maxIterations: Int
    /// The results of the last `fit(_:targets:)`.
    public internal(set) var result: PoissonRegressionResult?

    /// An unfitted model.
    public init(addIntercept: Bool = true, tolerance: Double = 1e-10, maxIterations: Int = 100) {
        self.addIntercept = addIntercept
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Fits the features (plus an intercept column when `addIntercept`) without an offset; columns are
    /// named `x1…xk` (and `const`) as statsmodels names unnamed columns.
    public mutating func fit(_ x: Matrix, targets y: [Double]) throws {
        try fit(x, targets: y, offset: nil, exposure: nil)
    }

    /// Fits the features (plus an intercept column when `addIntercept`) with an optional offset and
    /// exposure per row.
    public mutating func fit(_ x: Matrix, targets y: [Double], offset: [Double]?, exposure: [Double]?) throws {
        try x.validate()
        var names = (0..<x.columns).map { "x\($0 + 1)" }
        if addIntercept { names.insert("const", at: 0) }
        result = try fit(design: addIntercept ? Self.prependingOnes(x) : x, response: y, termNames: names,
                         offset: offset, exposure: exposure)
    }

    /// The means `exp(Xβ̂)` (with the intercept when the model added one).
    public func predict(_ x: Matrix) throws -> [Double] { try predict(x, offset: nil, exposure: nil) }

    /// The means `exp(Xβ̂ + offset + log(exposure))`; a nil offset is 0 and a nil exposure 1.
    public func predict(_ x: Matrix, offset: [Double]?, exposure: [Double]?) throws -> [Double] {
        try x.validate()
        guard let result else { throw EstimatorError.notFitted }
        let k = result.params.count - (addIntercept ? 1 : 0)
        guard x.columns == k else { throw EstimatorError.featureCountMismatch(expected: k, got: x.columns) }
        let total = try Self.totalOffset(rows: x.rows, offset: offset, exposure: exposure)
        let slopes = addIntercept ? Array(result.params.dropFirst()) : result.params
        var eta = k > 0 ? try x.multiplied(by: slopes) : [Double](repeating: 0, count: x.rows)
        let intercept = addIntercept ? result.params[0] : 0
        for i in eta.indices { eta[i] = exp(eta[i] + intercept + total[i]) }
        return eta
    }

    /// Fits `response ~ design` exactly as given (no column is added) and returns the full results.
    ///
    /// - Parameters:
    ///   - design: the n×p design, row-major.
    ///   - response: n counts, zero or more (they need not be whole numbers, as in statsmodels).
    ///   - termNames: one name per column.
    ///   - responseName: the response's name for errors.
    ///   - offset: an optional term added to the linear predictor with coefficient 1.
    ///   - exposure: optional positive exposures; `log(exposure)` joins the offset.
    public func fit(design: Matrix, response: [Double], termNames: [String], responseName: String = "y",
                    offset: [Double]? = nil, exposure: [Double]? = nil) throws -> PoissonRegressionResult {
        try fit(design: design, response: response, termNames: termNames, responseName: responseName,
                offset: offset, exposure: exposure, offsetName: "offset", exposureName: "exposure")
    }

    /// ``fit(design:response:termNames:responseName:offset:exposure:)`` with the names errors give the
    /// offset and the exposure.
    func fit(design: Matrix, response: [Double], termNames: [String], responseName: String, offset: [Double]?,
             exposure: [Double]?, offsetName: String, exposureName: String) throws -> PoissonRegressionResult {
        guard tolerance > 0, tolerance.isFinite else {
            throw LinearModelError.invalidParameter("tolerance must be positive and finite, not \(tolerance)")
        }
        guard maxIterations >= 1 else {
            throw LinearModelError.invalidParameter("maxIterations must be at least 1, not \(maxIterations)")
        }
        try design.validate()
        guard design.columns > 0 else { throw LinearModelError.invalidParameter("the design has no columns to fit") }
        try DesignChecks.validate(design: design, response: response, termNames: termNames,
                                  responseName: responseName, clusters: nil)
        if let row = response.firstIndex(where: { $0 < 0 }) {
            throw PoissonRegressionError.negativeResponse(column: responseName, row: row, value: response[row])
        }
        if let intercept = DesignChecks.interceptColumn(design),
           let constant = DesignChecks.constantColumn(design, excluding: intercept) {
            throw LinearModelError.constantColumn(termNames[constant])
        }
        let total = try Self.totalOffset(rows: design.rows, offset: offset, exposure: exposure,
                                         offsetName: offsetName, exposureName: exposureName)
        let solver = PoissonIRLS(design: design, response: response, offset: total, termNames: termNames,
                                 responseName: responseName)
        return try SerialBLAS.run {
            // The unweighted QR names the first collinear column before any weight can hide it.
            _ = try LeastSquaresQR(rowMajor: design, response: response, names: termNames)
            return try solver.solve(tolerance: tolerance, maxIterations: maxIterations)
        }
    }

    /// `offset + log(exposure)` per row, after checking lengths and values.
    static func totalOffset(rows: Int, offset: [Double]?, exposure: [Double]?,
                            offsetName: String = "offset", exposureName: String = "exposure") throws -> [Double] {
        var total = [Double](repeating: 0, count: rows)
        if let offset {
            guard offset.count == rows else {
                throw LinearModelError.lengthMismatch(what: "the offset '\(offsetName)'", expected: rows, got: offset.count)
            }
            if let row = offset.firstIndex(where: { !$0.isFinite }) {
                throw LinearModelError.nonFinite(column: offsetName, row: row)
            }
            total = offset
        }
        if let exposure {
            guard exposure.count == rows else {
                throw LinearModelError.lengthMismatch(what: "the exposure '\(exposureName)'", expected: rows, got: exposure.count)
            }
            if let row = exposure.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
                throw PoissonRegressionError.nonPositiveExposure(column: exposureName, row: row, value: exposure[row])
            }
            for i in 0..<rows { total[i] += log(exposure[i]) }
        }
        return total
    }

    /// The design with a column of ones in front.
    private static func prependingOnes(_ x: Matrix) -> Matrix {
        let p = x.columns + 1
        var values = [Double](repeating: 1, count: x.rows * p)
        for i in 0..<x.rows {
            for j in 0..<x.columns { values[i * p + j + 1] = x.values[i * x.columns + j] }
        }
        return Matrix(rows: x.rows, columns: p, values: values)
    }
}
