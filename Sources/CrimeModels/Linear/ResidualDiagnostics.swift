import Foundation

/// The residual tests at the foot of statsmodels' OLS summary.
public struct ResidualDiagnostics: Sendable, Equatable {
    /// D'Agostino–Pearson K² = z(skew)² + z(kurtosis)² (scipy's `normaltest`, statsmodels' `omni_normtest`).
    public let omnibus: Double
    /// Its p-value from χ²(2): `exp(−K²/2)`.
    public let omnibusPvalue: Double
    /// Jarque–Bera `n/6 · (S² + (K − 3)²/4)`.
    public let jarqueBera: Double
    /// Its p-value from χ²(2).
    public let jarqueBeraPvalue: Double
    /// Sample skewness `m₃ / m₂^{3/2}` (biased moments, as scipy's default).
    public let skew: Double
    /// Sample kurtosis `m₄ / m₂²` (Pearson's, 3 for a normal sample).
    public let kurtosis: Double
    /// Durbin–Watson `Σ(eₜ − eₜ₋₁)² / Σeₜ²`.
    public let durbinWatson: Double

    /// The diagnostics of a residual series (omnibus needs at least 8 values, else it is NaN).
    public init(residuals e: [Double]) {
        let n = Double(e.count)
        let mean = e.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0, squares = 0.0, steps = 0.0
        for (i, value) in e.enumerated() {
            let d = value - mean
            m2 += d * d; m3 += d * d * d; m4 += d * d * d * d
            squares += value * value
            if i > 0 { steps += (value - e[i - 1]) * (value - e[i - 1]) }
        }
        m2 /= n; m3 /= n; m4 /= n
        skew = m3 / pow(m2, 1.5)
        kurtosis = m4 / (m2 * m2)
        jarqueBera = n / 6 * (skew * skew + (kurtosis - 3) * (kurtosis - 3) / 4)
        jarqueBeraPvalue = exp(-jarqueBera / 2)
        durbinWatson = steps / squares
        if e.count >= 8 {
            let zs = Self.skewZ(skew, n: n), zk = Self.kurtosisZ(kurtosis, n: n)
            omnibus = zs * zs + zk * zk
            omnibusPvalue = exp(-omnibus / 2)
        } else {
            omnibus = .nan
            omnibusPvalue = .nan
        }
    }

    /// D'Agostino's (1970) normal approximation to the skewness under normality.
    private static func skewZ(_ b: Double, n: Double) -> Double {
        var y = b * (((n + 1) * (n + 3)) / (6 * (n - 2))).squareRoot()
        let beta2 = 3 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2) * (n + 5) * (n + 7) * (n + 9))
        let w2 = -1 + (2 * (beta2 - 1)).squareRoot()
        let delta = 1 / (0.5 * log(w2)).squareRoot()
        let alpha = (2 / (w2 - 1)).squareRoot()
        if y == 0 { y = 1 }
        return delta * log(y / alpha + ((y / alpha) * (y / alpha) + 1).squareRoot())
    }

    /// Anscombe and Glynn's (1983) normal approximation to the kurtosis under normality.
    private static func kurtosisZ(_ b: Double, n: Double) -> Double {
        let expected = 3 * (n - 1) / (n + 1)
        let variance = 24 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5))
        let x = (b - expected) / variance.squareRoot()
        let rootBeta1 = 6 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9))
            * (6 * (n + 3) * (n + 5) / (n * (n - 2) * (n - 3))).squareRoot()
        let a = 6 + 8 / rootBeta1 * (2 / rootBeta1 + (1 + 4 / (rootBeta1 * rootBeta1)).squareRoot())
        let term1 = 1 - 2 / (9 * a)
        let denominator = 1 + x * (2 / (a - 4)).squareRoot()
        let term2 = (denominator < 0 ? -1.0 : 1.0) * pow((1 - 2 / a) / abs(denominator), 1.0 / 3)
        return (term1 - term2) / (2 / (9 * a)).squareRoot()
    }
}
