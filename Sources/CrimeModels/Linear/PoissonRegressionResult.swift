import CrimeCore

/// Everything a Poisson regression reports, with statsmodels' meanings (names in brackets are the
/// attributes of statsmodels' `GLMResults` for `family=Poisson()`; the scale is fixed at 1).
public struct PoissonRegressionResult: Sendable, Equatable {
    /// The name of each design column (patsy's names for a formula fit: `Intercept`, `C(cell)[T.c01]`, …).
    public let termNames: [String]
    /// The name of the response.
    public let responseName: String
    /// Coefficients on the log scale [`params`].
    public let params: [Double]
    /// Standard errors from the inverse Fisher information `(Xᵀ W X)⁻¹`, W = diag(μ̂), at the solution [`bse`].
    public let bse: [Double]
    /// z statistics `params / bse` [`tvalues`].
    public let tvalues: [Double]
    /// Two-sided p-values from the standard normal [`pvalues`].
    public let pvalues: [Double]
    /// `(Xᵀ W X)⁻¹` at the solution [`cov_params()`], row-major p×p.
    public let covParams: Matrix
    /// Fitted means μ̂ = exp(Xβ̂ + offset + log exposure) [`fittedvalues`, `mu`].
    public let fittedValues: [Double]
    /// The residual deviance `2 Σ [y log(y/μ̂) − (y − μ̂)]` [`deviance`].
    public let deviance: Double
    /// Pearson's statistic `Σ (y − μ̂)² / μ̂` [`pearson_chi2`].
    public let pearsonChi2: Double
    /// The Poisson log-likelihood `Σ [y log μ̂ − μ̂ − log Γ(y + 1)]` [`llf`].
    public let llf: Double
    /// Akaike's criterion `−2 llf + 2k`, k the number of coefficients [`aic`].
    public let aic: Double
    /// Schwarz's criterion from the likelihood, `−2 llf + k log n` [`bic_llf`].
    public let bic: Double
    /// Observations [`nobs`].
    public let nobs: Int
    /// Residual degrees of freedom n − k [`df_resid`].
    public let dfResid: Double
    /// Model degrees of freedom k − 1 [`df_model`].
    public let dfModel: Double
    /// IRLS iterations run [`fit_history['iteration']`].
    public let iterations: Int
    /// Whether the fit met its tolerance [`converged`]: always true here, because a fit that does not
    /// converge throws ``PoissonRegressionError/notConverged(deviance:iterations:)`` instead of returning.
    public let converged: Bool

    /// The index of a term by name, or nil.
    public func index(of term: String) -> Int? { termNames.firstIndex(of: term) }

    /// Wald confidence intervals `params ± z_{1−α/2} · bse` [`conf_int(alpha)`], one (low, high) per term.
    public func confInt(alpha: Double = 0.05) -> [(low: Double, high: Double)] {
        let q = StandardNormal.quantile(1 - alpha / 2)
        return zip(params, bse).map { ($0 - q * $1, $0 + q * $1) }
    }
}
