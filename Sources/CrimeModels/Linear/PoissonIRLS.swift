import CrimeCore
import Foundation

/// Iteratively reweighted least squares for a Poisson GLM with log link, each step a weighted
/// least-squares solve through ``LeastSquaresQR``, started and stepped as statsmodels' `GLM.fit`.
///
/// Step: with μ from the last step, weights `w = μ` and working response `z = η − o + (y − μ)/μ`
/// (η the linear predictor with the offset o), β solves `min ‖√w (z − Xβ)‖`. The start is statsmodels':
/// `μ₀ = (y + ȳ)/2`, `η₀ = log μ₀` without the offset. The fit has converged when the deviance moves by
/// less than `tolerance · (|D| + 0.1)` in one step (R's `glm.control` rule).
struct PoissonIRLS {
    /// The validated design, response and total offset (offset + log exposure), one per row.
    let design: Matrix
    let response: [Double]
    let offset: [Double]
    let termNames: [String]
    let responseName: String

    /// The smallest mean a working response divides by (statsmodels clips μ the same way).
    private static let smallestMean = Double.ulpOfOne

    func solve(tolerance: Double, maxIterations: Int) throws -> PoissonRegressionResult {
        let n = design.rows
        let mean = response.reduce(0, +) / Double(n)
        guard mean > 0 else { throw PoissonRegressionError.allZeroResponse(column: responseName) }
        var mu = response.map { ($0 + mean) / 2 }
        var eta = mu.map { log($0) }
        var deviance = Self.deviance(response, mu)
        for iteration in 1...maxIterations {
            let qr = try weightedQR(mu: mu, eta: eta)
            let beta = qr.rInverseTimes(qr.qTransposeY)
            eta = try design.multiplied(by: beta)
            for i in 0..<n { eta[i] += offset[i] }
            mu = eta.map { exp($0) }
            let previous = deviance
            deviance = Self.deviance(response, mu)
            guard deviance.isFinite else { throw PoissonRegressionError.notConverged(deviance: deviance, iterations: iteration) }
            if abs(deviance - previous) <= tolerance * (abs(deviance) + 0.1) {
                return try result(beta: beta, mu: mu, eta: eta, deviance: deviance, iterations: iteration)
            }
        }
        throw PoissonRegressionError.notConverged(deviance: deviance, iterations: maxIterations)
    }

    /// The QR factorisation of `√μ X` with `√μ z` as its response.
    private func weightedQR(mu: [Double], eta: [Double]) throws -> LeastSquaresQR {
        let n = design.rows, p = design.columns
        var x = [Double](repeating: 0, count: n * p)
        var z = [Double](repeating: 0, count: n)
        design.values.withUnsafeBufferPointer { d in
            x.withUnsafeMutableBufferPointer { xb in
                for i in 0..<n {
                    let root = mu[i].squareRoot()
                    z[i] = root * (eta[i] - offset[i] + (response[i] - mu[i]) / max(mu[i], Self.smallestMean))
                    for j in 0..<p { xb[i * p + j] = root * d[i * p + j] }
                }
            }
        }
        return try LeastSquaresQR(rowMajor: Matrix(rows: n, columns: p, values: x), response: z, names: termNames)
    }

    /// The figures of the converged fit; the covariance is the inverse Fisher information at μ̂.
    private func result(beta: [Double], mu: [Double], eta: [Double], deviance: Double,
                        iterations: Int) throws -> PoissonRegressionResult {
        let n = design.rows, p = design.columns
        let covariance = try weightedQR(mu: mu, eta: eta).normalizedCovariance()
        let bse = (0..<p).map { covariance[$0, $0].squareRoot() }
        let z = zip(beta, bse).map { $0 / $1 }
        var llf = 0.0, pearson = 0.0
        for i in 0..<n {
            let y = response[i]
            llf += (y > 0 ? y * log(mu[i]) : 0) - mu[i] - lgamma(y + 1)
            pearson += (y - mu[i]) * (y - mu[i]) / mu[i]
        }
        let k = Double(p), nobs = Double(n)
        return PoissonRegressionResult(
            termNames: termNames, responseName: responseName, params: beta, bse: bse, tvalues: z,
            pvalues: z.map { StandardNormal.twoSidedPValue($0) }, covParams: covariance, fittedValues: mu,
            deviance: deviance, pearsonChi2: pearson, llf: llf, aic: -2 * llf + 2 * k, bic: -2 * llf + k * log(nobs),
            nobs: n, dfResid: nobs - k, dfModel: k - 1, iterations: iterations, converged: true)
    }

    /// The Poisson deviance `2 Σ [y log(y/μ) − (y − μ)]`, a zero count adding `2μ`.
    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var total = 0.0
        for i in y.indices {
            total += y[i] > 0 ? y[i] * log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i]
        }
        return 2 * total
    }
}
