import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0.
public struct StudentT: Sendable, Equatable {
    /// The degrees of freedom ν.
    public let degreesOfFreedom: Double

    /// The distribution with ν degrees of freedom.
    public init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

    /// `P(|T| ≥ |t|)`, the two-sided p-value of a t statistic.
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let nu = degreesOfFreedom
        let t2 = t * t
        if t2.isInfinite { return 0 }
        return IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: nu / (nu + t2), y: t2 / (nu + t2),
                                          logX: -log1p(t2 / nu), logY: log(t2) - log(nu + t2))
    }

    /// The upper tail `P(T > t)`.
    public func survival(_ t: Double) -> Double {
        let half = twoSidedPValue(t) / 2
        return t >= 0 ? half : 1 - half
    }

    /// The distribution function `P(T ≤ t)`.
    public func cdf(_ t: Double) -> Double {
        let half = twoSidedPValue(t) / 2
        return t >= 0 ? 1 - half : half
    }

    /// The density at `t`.
    public func density(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        return exp(lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
                   - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The quantile: the `t` with `P(T ≤ t) = p`, for `0 < p < 1`.
    public func quantile(_ p: Double) -> Double {
        Quantile.invert(p, survival: survival, density: density)
    }
}

/// The standard normal distribution.
public enum StandardNormal {
    /// `P(Z ≤ z)`.
    public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
    /// `P(Z > z)`.
    public static func survival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }
    /// `P(|Z| ≥ |z|)`.
    public static func twoSidedPValue(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }
    /// The density at `z`.
    public static func density(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
    /// The `z` with `P(Z ≤ z) = p`, for `0 < p < 1`.
    public static func quantile(_ p: Double) -> Double {
        Quantile.invert(p, survival: survival, density: density)
    }
}

/// Fisher's F distribution with `numerator` and `denominator` degrees of freedom.
public struct FisherF: Sendable, Equatable {
    /// Degrees of freedom of the numerator (the model).
    public let numerator: Double
    /// Degrees of freedom of the denominator (the residuals).
    public let denominator: Double

    /// The distribution F(d₁, d₂).
    public init(numerator: Double, denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The upper tail `P(F > f)`, the p-value of an F statistic.
    public func survival(_ f: Double) -> Double {
        if f.isNaN { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        let d1 = numerator, d2 = denominator
        let x = d2 / (d2 + d1 * f), y = d1 * f / (d2 + d1 * f)
        return IncompleteBeta.regularized(a: d2 / 2, b: d1 / 2, x: x, y: y,
                                          logX: -log1p(d1 * f / d2), logY: log(d1 * f) - log(d2 + d1 * f))
    }

    /// The distribution function `P(F ≤ f)`.
    public func cdf(_ f: Double) -> Double {
        if f.isNaN { return .nan }
        if f <= 0 { return 0 }
        if f.isInfinite { return 1 }
        let d1 = numerator, d2 = denominator
        let x = d1 * f / (d2 + d1 * f), y = d2 / (d2 + d1 * f)
        return IncompleteBeta.regularized(a: d1 / 2, b: d2 / 2, x: x, y: y)
    }
}

/// Inverts a continuous distribution function by bracketing and safeguarded Newton steps.
enum Quantile {
    static func invert(_ p: Double, survival: (Double) -> Double, density: (Double) -> Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        // Work in the upper tail q = 1 − p by symmetry for the lower half, so small tails stay exact.
        if p < 0.5 { return -invert(1 - p, survival: survival, density: density) }
        let q = 1 - p
        if q == 0.5 { return 0 }
        var lo = 0.0, hi = 1.0
        while survival(hi) > q, hi < 1e300 { lo = hi; hi *= 2 }
        var t = (lo + hi) / 2
        for _ in 0..<200 {
            let s = survival(t)
            if s > q { lo = t } else { hi = t }
            let step = (s - q) / density(t)
            var next = t + step
            if !(next > lo && next < hi) || !next.isFinite { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }
}
