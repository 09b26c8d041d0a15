import COpenBLAS
import CrimeCore

extension OLSResult {
    /// The F test that every non-intercept coefficient is zero, under a covariance type: the classical
    /// ``fvalue`` for `.nonrobust`, otherwise the Wald statistic `β_sᵀ V_s⁻¹ β_s / q` statsmodels reports in a
    /// robust summary, with denominator degrees of freedom `df_resid` (G − 1 for cluster).
    public func fTest(_ type: CovarianceType) throws -> FTestResult {
        if type == .nonrobust { return FTestResult(fvalue: fvalue, pvalue: fPvalue, dfDenominator: dfResid) }
        let cov = try covariance(type)
        let kept = params.indices.filter { $0 != interceptIndex }
        let q = kept.count
        guard q > 0 else { return FTestResult(fvalue: .nan, pvalue: .nan, dfDenominator: dfResid) }
        var v = [Double](repeating: 0, count: q * q)
        for (a, i) in kept.enumerated() { for (b, j) in kept.enumerated() { v[b * q + a] = cov[i, j] } }
        var solution = kept.map { params[$0] }
        var n32 = Int32(q), one: Int32 = 1, lda = Int32(q), info: Int32 = 0
        var pivots = [Int32](repeating: 0, count: q)
        dgesv_(&n32, &one, &v, &lda, &pivots, &solution, &lda, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dgesv", info: Int(info)) }
        let wald = zip(kept, solution).reduce(0) { $0 + params[$1.0] * $1.1 } / Double(q)
        let denominator = type == .cluster ? Double((clusterCount ?? 2) - 1) : dfResid
        return FTestResult(fvalue: wald, pvalue: FisherF(numerator: Double(q), denominator: denominator).survival(wald),
                           dfDenominator: denominator)
    }
}
