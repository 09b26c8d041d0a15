import CrimeCore

/// Everything an ordinary-least-squares fit reports, with statsmodels' meanings (names in brackets are
/// statsmodels' attributes). All figures are stored values, so a result can be copied, compared and saved.
public struct OLSResult: Sendable, Equatable {
    /// The name of each design column (patsy's names for a formula fit: `Intercept`, `log(INC)`, …).
    public let termNames: [String]
    /// The name of the response.
    public let responseName: String
    /// Coefficients [`params`].
    public let params: [Double]
    /// Standard errors [`bse`].
    public let bse: [Double]
    /// t statistics [`tvalues`].
    public let tvalues: [Double]
    /// Two-sided p-values from Student's t with `dfResid` degrees of freedom [`pvalues`].
    public let pvalues: [Double]
    /// `s² (XᵀX)⁻¹` [`cov_params()`], row-major p×p.
    public let covParams: Matrix
    /// `(XᵀX)⁻¹` [`normalized_cov_params`].
    public let normalizedCovParams: Matrix
    /// White's heteroskedasticity-robust covariance HC0, `(XᵀX)⁻¹ Xᵀ diag(eᵢ²) X (XᵀX)⁻¹`.
    public let covHC0: Matrix
    /// HC1: HC0 scaled by `n / (n − p)`.
    public let covHC1: Matrix
    /// HC2: weights `eᵢ² / (1 − hᵢ)` with leverages hᵢ.
    public let covHC2: Matrix
    /// HC3: weights `eᵢ² / (1 − hᵢ)²`.
    public let covHC3: Matrix
    /// Cluster-robust covariance with statsmodels' default correction `G/(G−1) · (n−1)/(n−p)`, when
    /// groups were given.
    public let covCluster: Matrix?
    /// The number of clusters G, when groups were given.
    public let clusterCount: Int?
    /// Observations [`nobs`].
    public let nobs: Int
    /// Model degrees of freedom: rank minus the intercept [`df_model`].
    public let dfModel: Double
    /// Residual degrees of freedom n − rank [`df_resid`].
    public let dfResid: Double
    /// The column that is the intercept (a constant non-zero column), if any.
    public let interceptIndex: Int?
    /// Whether the design has an intercept (statsmodels' `k_constant` = 1): a constant column, or columns
    /// that add up to a constant (full dummy coding without an intercept). R² and F are then centred.
    public let hasIntercept: Bool
    /// R² [`rsquared`]; uncentred (`1 − SSR / Σy²`) without an intercept, as statsmodels does.
    public let rsquared: Double
    /// Adjusted R² [`rsquared_adj`].
    public let rsquaredAdj: Double
    /// The F statistic of all non-intercept coefficients being zero [`fvalue`].
    public let fvalue: Double
    /// Its p-value [`f_pvalue`].
    public let fPvalue: Double
    /// Gaussian log-likelihood [`llf`].
    public let llf: Double
    /// Akaike's criterion [`aic`].
    public let aic: Double
    /// Schwarz's criterion [`bic`].
    public let bic: Double
    /// Sum of squared residuals [`ssr`].
    public let ssr: Double
    /// Residual variance `SSR / df_resid` [`scale`].
    public let scale: Double
    /// Residuals y − ŷ [`resid`].
    public let residuals: [Double]
    /// Fitted values ŷ [`fittedvalues`].
    public let fittedValues: [Double]
    /// Variance inflation factor of each column, as `statsmodels.stats.outliers_influence.variance_inflation_factor`
    /// (statsmodels 0.15, standardised columns): 1 for the intercept, `1 / (1 − R²ⱼ)` of the centred column otherwise.
    public let vif: [Double]
    /// The design's condition number σ_max / σ_min [`condition_number`].
    public let conditionNumber: Double

    /// The index of a term by name, or nil.
    public func index(of term: String) -> Int? { termNames.firstIndex(of: term) }

    /// Confidence intervals `params ± t_{1−α/2, df_resid} · bse` [`conf_int(alpha)`], one per term.
    public func confInt(alpha: Double = 0.05) -> [CoefficientInterval] {
        let q = StudentT(degreesOfFreedom: dfResid).quantile(1 - alpha / 2)
        return zip(params, bse).map { CoefficientInterval(low: $0 - q * $1, high: $0 + q * $1) }
    }
}
