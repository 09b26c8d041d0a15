import CrimeEval
/// How one model's weekly district forecasts compare with the truth over the test weeks.
public struct WeeklyForecastScore: Sendable, Equatable {
    /// The model's name.
    public let model: String
    /// Mean squared error over all (week, district) pairs.
    public let mse: Double
    /// R² over all (week, district) pairs: 1 − SSE / total sum of squares about the truth's mean.
    public let r2: Double
    /// Variance of all predictions ÷ variance of all true counts (pooled over weeks and districts).
    public let varianceRatio: Double
    /// The mean over districts of (variance of the predictions across weeks ÷ variance of the truth
    /// across weeks): near 0 for a model that predicts each district's mean, near 1 for one that
    /// follows the weekly ups and downs. Districts whose truth never varies are skipped.
    public let weeklyVarianceRatio: Double

    /// Scores predictions against truth, both row-major `[week, district]`.
    public init(model: String, truth: [Double], predicted: [Double], districts: Int) throws {
        guard predicted.count == truth.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "\(model) predictions", expected: truth.count, got: predicted.count)
        }
        guard districts >= 1, !truth.isEmpty, truth.count % districts == 0 else {
            throw WeeklyDistrictError.badSetting("scoring needs a whole number of weeks of \(districts) districts, got \(truth.count) values")
        }
        self.model = model
        let n = Double(truth.count)
        var sse = 0.0
        for i in truth.indices { sse += (truth[i] - predicted[i]) * (truth[i] - predicted[i]) }
        mse = sse / n
        let truthVariance = Self.variance(truth[...])
        r2 = truthVariance > 0 ? 1 - mse / truthVariance : .nan
        varianceRatio = truthVariance > 0 ? Self.variance(predicted[...]) / truthVariance : .nan
        let weeks = truth.count / districts
        var ratios = 0.0, used = 0
        for c in 0..<districts {
            let t = (0..<weeks).map { truth[$0 * districts + c] }, p = (0..<weeks).map { predicted[$0 * districts + c] }
            let vt = Self.variance(t[...])
            guard vt > 0 else { continue }
            ratios += Self.variance(p[...]) / vt
            used += 1
        }
        weeklyVarianceRatio = used > 0 ? ratios / Double(used) : .nan
    }

    /// Population variance.
    static func variance(_ x: ArraySlice<Double>) -> Double {
        guard !x.isEmpty else { return .nan }
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    }
}
