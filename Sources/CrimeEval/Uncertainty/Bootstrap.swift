import CrimeCore

/// Bootstrap confidence intervals for any statistic of indexed observations.
///
/// The statistic is a closure over indices: it receives the indices of one resample (with
/// repeats) into the caller's own data and returns a number, so any metric — MAE of a forecast,
/// a rate ratio, a hit rate — can be bootstrapped without copying data. Replicate r draws its
/// indices from `SeededGenerator(seed: seed).split(r)`, so results depend only on (seed, r), and
/// replicates run in parallel with the same result on 1 or N threads.
public struct Bootstrap: Sendable {
    /// Number of resamples.
    public var replicates: Int
    /// Seed of every random draw.
    public var seed: UInt64
    /// How resamples are drawn.
    public var scheme: ResamplingScheme
    /// Threads to use; nil means one per core.
    public var workers: Int?

    /// A bootstrap plan.
    public init(replicates: Int = 2000, seed: UInt64 = 1, scheme: ResamplingScheme = .independent, workers: Int? = nil) {
        self.replicates = replicates
        self.seed = seed
        self.scheme = scheme
        self.workers = workers
    }

    /// The indices of resample `replicate` of `count` observations, exactly as ``run(count:jackknife:statistic:)``
    /// passes them to the statistic.
    public func resampleIndices(count n: Int, replicate: Int) throws -> [Int] {
        try scheme.validate(count: n)
        var generator = SeededGenerator(seed: seed).split(replicate)
        return scheme.draw(count: n, units: scheme.units(count: n), generator: &generator)
    }

    /// Evaluates the statistic on all observations, on every resample and, when `jackknife` is
    /// true (needed for BCa; one more evaluation per unit of the scheme), on every jackknife sample
    /// (one unit left out).
    public func run(count n: Int, jackknife: Bool = true,
                    statistic: @Sendable ([Int]) throws -> Double) throws -> BootstrapResult {
        guard replicates >= 2 else { throw MetricsError.badParameter(name: "replicates", reason: "needs at least 2, got \(replicates)") }
        try scheme.validate(count: n)
        let units = scheme.units(count: n)
        let estimate = try statistic(Array(0..<n))
        let scheme = self.scheme, seed = self.seed
        let values = try ParallelReplicates.map(count: replicates, workers: workers) { r in
            var generator = SeededGenerator(seed: seed).split(r)
            return try statistic(scheme.draw(count: n, units: units, generator: &generator))
        }
        let leftOut = jackknife ? try ParallelReplicates.map(count: units.count, workers: workers) { u in
            try statistic(Array(units[..<u].joined()) + Array(units[(u + 1)...].joined()))
        } : []
        return BootstrapResult(estimate: estimate, replicates: values, jackknife: leftOut)
    }
}

/// A statistic's value, its bootstrap replicates and its jackknife values, and the intervals read from them.
public struct BootstrapResult: Sendable, Equatable {
    /// The statistic on all observations.
    public let estimate: Double
    /// The statistic on each resample, in replicate order.
    public let replicates: [Double]
    /// The statistic with each jackknife unit left out, in unit order (empty when the run skipped it).
    public let jackknife: [Double]

    /// The percentile interval at `level` (e.g. 0.95).
    public func percentileInterval(level: Double = 0.95) throws -> ConfidenceInterval {
        try BootstrapInterval.percentile(replicates: replicates, level: level)
    }

    /// The bias-corrected and accelerated interval at `level`.
    public func bcaInterval(level: Double = 0.95) throws -> ConfidenceInterval {
        try BootstrapInterval.bca(estimate: estimate, replicates: replicates, jackknife: jackknife, level: level)
    }

    /// The standard deviation of the replicates (n − 1 denominator).
    public var standardError: Double {
        let mean = replicates.reduce(0, +) / Double(replicates.count)
        return (replicates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates.count - 1)).squareRoot()
    }
}

/// A two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Confidence level, e.g. 0.95.
    public var level: Double
}
