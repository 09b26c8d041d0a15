import CrimeCore
import CrimeModels
import CrimeEval

/// Sliding windows over a ``WeeklyDistrictSeries``: the sample for target week `t` sees weeks
/// `t − history ..< t` (images and standardised features) and, when `t` lies inside the series, has
/// the counts of week `t` as its target.
public struct WeeklyWindowSamples: Sendable {
    /// Weeks each sample sees.
    public let history: Int
    /// The week each sample predicts, in sample order.
    public let targetWeeks: [Int]
    /// Images `[samples, history, 1, size, size]` and features `[samples, history, features]`.
    public let input: CNNLSTMInput

    /// Windows predicting `targetWeeks`; features are standardised as `(x − mean) / scale` per column.
    ///
    /// - Throws: ``WeeklyDistrictError/weekOutOfRange(week:weeks:)`` when a target week has fewer than
    ///   `history` weeks before it or lies more than one week past the series' end.
    public init(series: WeeklyDistrictSeries, history: Int, targetWeeks: [Int], scaling: FeatureScaling) throws {
        guard history >= 1 else { throw WeeklyDistrictError.badSetting("the history must be at least 1 week, got \(history)") }
        guard scaling.mean.count == series.featureCount else {
            throw WeeklyDistrictError.lengthMismatch(what: "feature scaling", expected: series.featureCount, got: scaling.mean.count)
        }
        for t in targetWeeks where t < history || t > series.weekCount {
            throw WeeklyDistrictError.weekOutOfRange(week: t, weeks: series.weekCount)
        }
        let pixels = series.imageSize * series.imageSize, f = series.featureCount
        var images = [Float](), socio = [Float]()
        images.reserveCapacity(targetWeeks.count * history * pixels)
        socio.reserveCapacity(targetWeeks.count * history * f)
        for t in targetWeeks {
            for week in (t - history)..<t {
                images.append(contentsOf: series.images[(week * pixels)..<((week + 1) * pixels)])
                for j in 0..<f { socio.append(Float((series.features[week * f + j] - scaling.mean[j]) / scaling.scale[j])) }
            }
        }
        self.history = history
        self.targetWeeks = targetWeeks
        input = CNNLSTMInput(images: try Tensor(shape: [targetWeeks.count, history, 1, series.imageSize, series.imageSize], values: images),
                             socio: try Tensor(shape: [targetWeeks.count, history, f], values: socio))
    }

    /// Number of samples.
    public var count: Int { targetWeeks.count }

    /// The counts of `weeks`, row-major `[week, district]`.
    public static func counts(_ series: WeeklyDistrictSeries, weeks: [Int]) throws -> [Double] {
        let d = series.districtCount
        var out = [Double]()
        out.reserveCapacity(weeks.count * d)
        for t in weeks {
            guard t >= 0, t < series.weekCount else { throw WeeklyDistrictError.weekOutOfRange(week: t, weeks: series.weekCount) }
            out.append(contentsOf: series.counts[(t * d)..<((t + 1) * d)])
        }
        return out
    }
}

/// Per-feature standardisation fitted on chosen (training) weeks only.
public struct FeatureScaling: Sendable, Equatable {
    /// Mean per feature.
    public let mean: [Double]
    /// Standard deviation per feature (1 where a feature is constant).
    public let scale: [Double]

    /// Fits on the features of `weeks` (CrimeCore's `StandardScaler`: population standard deviation).
    public init(series: WeeklyDistrictSeries, weeks: Range<Int>) throws {
        guard !weeks.isEmpty, weeks.lowerBound >= 0, weeks.upperBound <= series.weekCount else {
            throw WeeklyDistrictError.badSetting("feature scaling needs a non-empty range of weeks inside 0..<\(series.weekCount), got \(weeks)")
        }
        let f = series.featureCount
        var scaler = StandardScaler()
        try scaler.fit(Matrix(rows: weeks.count, columns: f,
                              values: Array(series.features[(weeks.lowerBound * f)..<(weeks.upperBound * f)])))
        mean = scaler.mean
        scale = scaler.scale
    }
}
