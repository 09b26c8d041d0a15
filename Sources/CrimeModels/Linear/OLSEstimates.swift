import CrimeCore
import Foundation

/// Turns a QR factorisation of a validated design into every figure of an ``OLSResult``.
struct OLSEstimates {
    let design: Matrix
    let response: [Double]
    let qr: LeastSquaresQR
    let termNames: [String]
    let responseName: String
    let interceptIndex: Int?
    let hasIntercept: Bool
    let clusters: [Int]?

    func result() throws -> OLSResult {
        let n = design.rows, p = design.columns
        let params = qr.rInverseTimes(qr.qTransposeY)
        let fitted = try design.multiplied(by: params)
        var resid = [Double](repeating: 0, count: n)
        var ssr = 0.0, sumY = 0.0, sumY2 = 0.0
        for i in 0..<n {
            resid[i] = response[i] - fitted[i]
            ssr += resid[i] * resid[i]
            sumY += response[i]
            sumY2 += response[i] * response[i]
        }
        let mean = sumY / Double(n)
        var centeredTSS = 0.0
        for value in response { centeredTSS += (value - mean) * (value - mean) }
        let nobs = Double(n), kConstant = hasIntercept ? 1.0 : 0.0
        let dfResid = nobs - Double(p), dfModel = Double(p) - kConstant
        let tss = hasIntercept ? centeredTSS : sumY2
        let rsquared = 1 - ssr / tss
        let rsquaredAdj = 1 - (nobs - kConstant) / dfResid * (1 - rsquared)
        let fvalue = dfModel > 0 ? ((tss - ssr) / dfModel) / (ssr / dfResid) : .nan
        let fPvalue = dfModel > 0 ? FisherF(numerator: dfModel, denominator: dfResid).survival(fvalue) : .nan
        let llf = -nobs / 2 * (log(2 * Double.pi) + log(ssr / nobs) + 1)
        let kParams = dfModel + kConstant
        let scale = ssr / dfResid

        let normalized = qr.normalizedCovariance()
        let cov = Matrix(rows: p, columns: p, values: normalized.values.map { $0 * scale })
        let bse = (0..<p).map { cov[$0, $0].squareRoot() }
        let tvalues = zip(params, bse).map { $0 / $1 }
        let t = StudentT(degreesOfFreedom: dfResid)
        let pvalues = tvalues.map { t.twoSidedPValue($0) }

        let robust = qr.heteroskedasticSandwiches(design: design, residuals: resid)
        let hc0 = robust[0], hc2 = robust[1], hc3 = robust[2]
        let hc1 = Matrix(rows: p, columns: p, values: hc0.values.map { $0 * nobs / dfResid })
        let cluster = try clusters.map { try clusterCovariance(groups: $0, resid: resid) }
        let singular = try qr.singularValues()

        return OLSResult(
            termNames: termNames, responseName: responseName, params: params, bse: bse, tvalues: tvalues,
            pvalues: pvalues, covParams: cov, normalizedCovParams: normalized,
            covHC0: hc0, covHC1: hc1, covHC2: hc2, covHC3: hc3,
            covCluster: cluster?.covariance, clusterCount: cluster?.groups,
            nobs: n, dfModel: dfModel, dfResid: dfResid, interceptIndex: interceptIndex, hasIntercept: hasIntercept,
            rsquared: rsquared, rsquaredAdj: rsquaredAdj, fvalue: fvalue, fPvalue: fPvalue, llf: llf,
            aic: -2 * llf + 2 * kParams, bic: -2 * llf + log(nobs) * kParams, ssr: ssr, scale: scale,
            residuals: resid, fittedValues: fitted, vif: try varianceInflation(normalized),
            conditionNumber: (singular.first ?? .nan) / (singular.last ?? .nan))
    }

    /// `G/(G−1) · (n−1)/(n−p) · R⁻¹ (Σ_g s_g s_gᵀ) R⁻ᵀ` with `s_g = Σ_{i∈g} Qᵢ eᵢ`.
    private func clusterCovariance(groups: [Int], resid: [Double]) throws -> (covariance: Matrix, groups: Int) {
        let n = qr.rows, p = qr.columns
        var slot: [Int: Int] = [:]
        var codes = [Int](repeating: 0, count: n)
        for i in 0..<n {
            if let s = slot[groups[i]] { codes[i] = s } else { codes[i] = slot.count; slot[groups[i]] = slot.count }
        }
        let g = slot.count
        guard g >= 2 else { throw LinearModelError.invalidParameter("cluster-robust standard errors need at least two groups, the cluster column has \(g)") }
        let scores = qr.clusterScores(design: design, residuals: resid, codes: codes, groups: g)
        var meat = [Double](repeating: 0, count: p * p)
        for a in 0..<p {
            for b in 0..<p {
                var sum = 0.0
                for c in 0..<g { sum += scores[a * g + c] * scores[b * g + c] }
                meat[b * p + a] = sum
            }
        }
        let factor = Double(g) / Double(g - 1) * Double(n - 1) / Double(n - p)
        let values = qr.outer(meat).map { $0 * factor }
        return (Matrix(rows: p, columns: p, values: values), g)
    }

    /// Variance inflation factors as statsmodels' `variance_inflation_factor` computes them (0.15, whose
    /// default standardises the columns first): 1 for a constant column, and otherwise `1 / (1 − R²ⱼ)`
    /// from regressing the centred column j on the other centred non-constant columns, which is
    /// `[(X̃ᵀX̃)⁻¹]ⱼⱼ · Σᵢ (xᵢⱼ − x̄ⱼ)²` for the centred design X̃ (with an intercept, `(XᵀX)⁻¹` gives the same).
    private func varianceInflation(_ normalized: Matrix) throws -> [Double] {
        let n = design.rows, p = design.columns
        var means = [Double](repeating: 0, count: p), spread = [Double](repeating: 0, count: p)
        design.values.withUnsafeBufferPointer { v in
            means.withUnsafeMutableBufferPointer { m in
                for i in 0..<n { for j in 0..<p { m[j] += v[i * p + j] } }
                for j in 0..<p { m[j] /= Double(n) }
                spread.withUnsafeMutableBufferPointer { s in
                    for i in 0..<n {
                        for j in 0..<p { s[j] += (v[i * p + j] - m[j]) * (v[i * p + j] - m[j]) }
                    }
                }
            }
        }
        let varying = (0..<p).filter { spread[$0] > 0 }
        var inverse = normalized
        var position = Array(0..<p)
        if !hasIntercept {
            // Factor the centred varying columns; an intercept column would make this step unnecessary.
            var centred = [Double](repeating: 0, count: n * varying.count)
            for (k, j) in varying.enumerated() {
                for i in 0..<n { centred[i * varying.count + k] = design.values[i * p + j] - means[j] }
                position[j] = k
            }
            let names = varying.map { termNames[$0] }
            do {
                let centredDesign = Matrix(rows: n, columns: varying.count, values: centred)
                let qr = try LeastSquaresQR(rowMajor: centredDesign, response: [Double](repeating: 0, count: n), names: names)
                inverse = qr.normalizedCovariance()
            } catch LinearModelError.collinearColumn {
                return (0..<p).map { spread[$0] > 0 ? .infinity : 1 }
            }
        }
        return (0..<p).map { j in spread[j] > 0 ? inverse[position[j], position[j]] * spread[j] : 1 }
    }
}
