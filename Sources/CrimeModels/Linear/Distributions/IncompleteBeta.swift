import Foundation

/// The regularized incomplete beta function and the log-beta function it needs.
enum IncompleteBeta {
    /// `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)`.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// `I_x(a, b)` for `a, b > 0`, with `y = 1 − x` passed separately so that callers who know `y`
    /// more precisely than `1 − x` (a t statistic near 0, an F near ∞) keep full precision.
    ///
    /// Evaluates the continued fraction of `I_x(a, b)` by the modified Lentz method on whichever side
    /// of the mean `a / (a + b)` converges fast, using `I_x(a, b) = 1 − I_y(b, a)` for the other.
    static func regularized(a: Double, b: Double, x: Double, y: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularized(a: b, b: a, x: y, y: x)
        }
        let front = exp(a * log(x) + b * log(y) - logBeta(a, b))
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
