import Foundation

/// The regularized incomplete beta function and the log-beta function it needs.
enum IncompleteBeta {
    /// `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)`.
    ///
    /// When one argument is large and the other small (Student t or F with many residual degrees of
    /// freedom), the two huge log-gammas would cancel; `ln Γ(a + b) − ln Γ(a)` is then taken from the
    /// difference of Stirling's series, where the leading terms combine without cancellation.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let big = max(a, b), small = min(a, b)
        guard big > 100, small < 50 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        return lgamma(small) - logGammaIncrement(big, small)
    }

    /// `ln Γ(x + s) − ln Γ(x)` for large x from Stirling's series
    /// `ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)`.
    private static func logGammaIncrement(_ x: Double, _ s: Double) -> Double {
        func correction(_ z: Double) -> Double {
            let z2 = z * z
            return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * z2)) / z2) / z2) / z
        }
        return (x - 0.5) * log1p(s / x) + s * log(x + s) - s + correction(x + s) - correction(x)
    }

    /// `I_x(a, b)` for `a, b > 0`, with `y = 1 − x` passed separately so that callers who know `y`
    /// more precisely than `1 − x` (a t statistic near 0, an F near ∞) keep full precision; likewise
    /// `logX = ln x` and `logY = ln y` when the caller has them more precisely (with many degrees of
    /// freedom, `a · ln x` magnifies the rounding of x).
    ///
    /// Evaluates the continued fraction of `I_x(a, b)` by the modified Lentz method on whichever side
    /// of the mean `a / (a + b)` converges fast, using `I_x(a, b) = 1 − I_y(b, a)` for the other.
    static func regularized(a: Double, b: Double, x: Double, y: Double, logX: Double? = nil, logY: Double? = nil) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularized(a: b, b: a, x: y, y: x, logX: logY, logY: logX)
        }
        let front = exp(a * (logX ?? log(x)) + b * (logY ?? log(y)) - logBeta(a, b))
        return front * continuedFraction(a: a, b: b, x: x) / a
    }

    /// The continued fraction `1 / (1 + d₁ / (1 + d₂ / (1 + …)))` of `I_x(a, b)`, where
    /// `d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))` and `d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m))`.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let mm = Double(m)
            let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return result
    }
}
