/// Bootstrap intervals from replicate values, with the definitions of `scipy.stats.bootstrap`.
public enum BootstrapInterval {
    /// The percentile interval: the α and 1 − α quantiles of the replicates, α = (1 − level)/2,
    /// with linear interpolation between order statistics (numpy's and scipy's default).
    public static func percentile(replicates: [Double], level: Double) throws -> ConfidenceInterval {
        let sorted = try checked(replicates, level: level)
        let alpha = (1 - level) / 2
        return ConfidenceInterval(lower: quantile(sorted, alpha), upper: quantile(sorted, 1 - alpha), level: level)
    }

    /// The BCa interval (Efron & Tibshirani, 1993, §14.3 and eq. 14.15), as scipy computes it:
    ///
    /// - bias correction z₀ = Φ⁻¹(p̂), p̂ = (#{θ*ᵦ < θ̂} + #{θ*ᵦ ≤ θ̂}) / (2B) (ties count half);
    /// - acceleration â = Σ U³ / (6 (Σ U²)^{3/2}), with U = (n − 1)(θ̄₍.₎ − θ₍ᵢ₎) over the n jackknife values;
    /// - levels α₁ = Φ(z₀ + (z₀ + z_α)/(1 − â(z₀ + z_α))), α₂ likewise with z_{1−α};
    /// - bounds: the α₁ and α₂ quantiles of the replicates, interpolated linearly.
    ///
    /// Throws ``MetricsError/degenerate(what:)`` when every jackknife value is equal (â is 0/0).
    public static func bca(estimate: Double, replicates: [Double], jackknife: [Double], level: Double) throws -> ConfidenceInterval {
        let sorted = try checked(replicates, level: level)
        guard jackknife.count >= 2 else { throw MetricsError.badParameter(name: "jackknife", reason: "needs at least 2 values, got \(jackknife.count)") }
        try MetricsCheck.finite(jackknife, "jackknife values")
        guard estimate.isFinite else { throw MetricsError.nonFinite(what: "estimate", index: 0) }
        var below = 0, belowOrEqual = 0
        for v in sorted {
            if v < estimate { below += 1 }
            if v <= estimate { belowOrEqual += 1 }
        }
        let z0 = NormalDistribution.quantile(Double(below + belowOrEqual) / Double(2 * sorted.count))
        let n = Double(jackknife.count)
        let mean = jackknife.reduce(0, +) / n
        var cubes = 0.0, squares = 0.0
        for v in jackknife {
            let u = (n - 1) * (mean - v)
            cubes += u * u * u
            squares += u * u
        }
        guard squares > 0 else { throw MetricsError.degenerate(what: "the jackknife distribution (all values equal)") }
        let a = (cubes / (n * n * n)) / (6 * (squares / (n * n)) * (squares / (n * n)).squareRoot())
        guard z0.isFinite else { throw MetricsError.degenerate(what: "the bootstrap distribution (estimate outside every replicate)") }
        let alpha = (1 - level) / 2
        let zLow = NormalDistribution.quantile(alpha), zHigh = -zLow
        let a1 = NormalDistribution.cdf(z0 + (z0 + zLow) / (1 - a * (z0 + zLow)))
        let a2 = NormalDistribution.cdf(z0 + (z0 + zHigh) / (1 - a * (z0 + zHigh)))
        return ConfidenceInterval(lower: quantile(sorted, a1), upper: quantile(sorted, a2), level: level)
    }

    /// The p-quantile of sorted values with linear interpolation: position (m − 1)·p.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    private static func checked(_ replicates: [Double], level: Double) throws -> [Double] {
        guard level > 0, level < 1 else { throw MetricsError.badParameter(name: "confidence level", reason: "must lie in (0, 1), got \(level)") }
        guard replicates.count >= 2 else { throw MetricsError.badParameter(name: "replicates", reason: "needs at least 2 values, got \(replicates.count)") }
        try MetricsCheck.finite(replicates, "bootstrap replicates")
        return replicates.sorted()
    }
}
