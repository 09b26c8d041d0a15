/// A confidence interval for one coefficient: one row of statsmodels' `conf_int(alpha)`.
public struct CoefficientInterval: Sendable, Hashable {
    /// The lower bound.
    public let low: Double
    /// The upper bound.
    public let high: Double

    /// An interval from its bounds.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}
