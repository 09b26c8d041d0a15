import CrimeCore

/// Moran's I of a variable (e.g. forecast residuals per area) under spatial weights, with the
/// analytic moments and a permutation test, as PySAL's `esda.Moran`.
///
/// I = (n / S₀) · Σᵢⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ², z = y − ȳ. Under the null of no autocorrelation E[I] = −1/(n−1);
/// the variances under normality and under randomisation are Cliff & Ord's (1981), with the
/// sample kurtosis in the latter, exactly as esda computes them.
public struct MoranI: Sendable, Equatable {
    /// The statistic.
    public let i: Double
    /// Expected value under the null, −1/(n − 1).
    public let expected: Double
    /// Variance under the normality assumption.
    public let varianceNormal: Double
    /// Variance under randomisation.
    public let varianceRandomisation: Double
    /// (I − E[I]) / √Var_normal.
    public let zNormal: Double
    /// (I − E[I]) / √Var_randomisation.
    public let zRandomisation: Double
    /// Two-sided p-value of ``zNormal`` (esda's `p_norm` with `two_tailed=True`).
    public let pNormal: Double
    /// Two-sided p-value of ``zRandomisation``.
    public let pRandomisation: Double
    /// The permutation pseudo p-value, or nil when no permutations were run. As esda: with
    /// `larger` = the number of permuted I ≥ the observed I, folded to `min(larger, perms − larger)`,
    /// p = (larger + 1) / (perms + 1).
    public let pPermutation: Double?
    /// The permuted statistics, in permutation order.
    public let permuted: [Double]

    /// Computes Moran's I of `values` (one per unit of `weights`).
    ///
    /// Permutation j shuffles the values with `SeededGenerator(seed: seed).split(j)`, so the result
    /// depends only on the seed, and permutations run in parallel with the same result on any
    /// number of threads (`workers`, nil = one per core). Throws for mismatched, non-finite or
    /// constant values, fewer than 4 units, or weights that sum to 0.
    public init(values: [Double], weights: SpatialWeights, permutations: Int = 999, seed: UInt64 = 1, workers: Int? = nil) throws {
        let n = values.count
        guard n == weights.count else { throw MetricsError.lengthMismatch(what: "values", expected: weights.count, got: n) }
        guard n >= 4 else { throw MetricsError.badParameter(name: "values", reason: "Moran's I needs at least 4 units, got \(n)") }
        try MetricsCheck.finite(values, "values")
        guard permutations >= 0 else { throw MetricsError.badParameter(name: "permutations", reason: "must be ≥ 0, got \(permutations)") }
        let mean = values.reduce(0, +) / Double(n)
        let z = values.map { $0 - mean }
        let m2 = z.reduce(0) { $0 + $1 * $1 }
        guard m2 > 0 else { throw MetricsError.degenerate(what: "Moran's I of a constant variable") }
        let s0 = weights.s0, s1 = weights.s1, s2 = weights.s2
        guard s0 > 0 else { throw MetricsError.degenerate(what: "Moran's I with weights that sum to 0") }
        // The weights as one contiguous sparse-row table, read through buffers in the permutation loop.
        var offsets = [0], columns = [Int](), values = [Double]()
        for a in 0..<n {
            columns += weights.neighbors[a]
            values += weights.weights[a]
            offsets.append(columns.count)
        }
        let statistic: @Sendable ([Double]) -> Double = { [offsets, columns, values] v in
            var cross = 0.0
            offsets.withUnsafeBufferPointer { o in
                columns.withUnsafeBufferPointer { col in
                    values.withUnsafeBufferPointer { w in
                        v.withUnsafeBufferPointer { y in
                            for a in 0..<n {
                                var lag = 0.0
                                for k in o[a]..<o[a + 1] { lag += w[k] * y[col[k]] }
                                cross += y[a] * lag
                            }
                        }
                    }
                }
            }
            return Double(n) / s0 * cross / m2
        }
        i = statistic(z)

        let nd = Double(n), n2 = nd * nd, s02 = s0 * s0
        expected = -1 / (nd - 1)
        varianceNormal = (n2 * s1 - nd * s2 + 3 * s02) / ((nd - 1) * (nd + 1) * s02) - expected * expected
        let kurtosis = (z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / nd) / ((m2 / nd) * (m2 / nd))
        let a = nd * ((n2 - 3 * nd + 3) * s1 - nd * s2 + 3 * s02)
        let b = kurtosis * ((n2 - nd) * s1 - 2 * nd * s2 + 6 * s02)
        varianceRandomisation = (a - b) / ((nd - 1) * (nd - 2) * (nd - 3) * s02) - expected * expected
        zNormal = (i - expected) / varianceNormal.squareRoot()
        zRandomisation = (i - expected) / varianceRandomisation.squareRoot()
        pNormal = 2 * NormalDistribution.cdf(-abs(zNormal))
        pRandomisation = 2 * NormalDistribution.cdf(-abs(zRandomisation))

        if permutations > 0 {
            let observed = i
            let draws = try ParallelReplicates.map(count: permutations, workers: workers) { j in
                var generator = SeededGenerator(seed: seed).split(j)
                return statistic(z.shuffled(using: &generator))
            }
            var larger = draws.reduce(0) { $0 + ($1 >= observed ? 1 : 0) }
            larger = min(larger, permutations - larger)
            pPermutation = Double(larger + 1) / Double(permutations + 1)
            permuted = draws
        } else {
            pPermutation = nil
            permuted = []
        }
    }
}
