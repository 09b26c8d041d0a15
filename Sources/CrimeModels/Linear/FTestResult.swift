/// The F test that every non-intercept coefficient is zero (statsmodels' `fvalue`, `f_pvalue` and
/// the denominator degrees of freedom it used).
public struct FTestResult: Sendable, Hashable {
    /// The F statistic (a Wald statistic divided by the number of restrictions under a robust covariance).
    public let fvalue: Double
    /// Its p-value, P(F > fvalue).
    public let pvalue: Double
    /// The denominator degrees of freedom: `df_resid`, or G − 1 under a cluster covariance.
    public let dfDenominator: Double

    /// A result from the statistic, its p-value and the denominator degrees of freedom.
    public init(fvalue: Double, pvalue: Double, dfDenominator: Double) {
        self.fvalue = fvalue
        self.pvalue = pvalue
        self.dfDenominator = dfDenominator
    }
}
