import CrimeEval

extension WeeklyDistrictStudy {
    /// Scores one model's weekly district forecasts against the truth, both row-major
    /// `[week, district]`: MSE and R² over all (week, district) pairs, the pooled variance ratio
    /// (variance of all predictions ÷ variance of all true counts) and the within-district variance
    /// ratio (`ForecastScore.withinCellVarianceRatio`: near 0 for a model that predicts each
    /// district's mean, near 1 for one that follows the weekly ups and downs).
    ///
    /// - Throws: ``WeeklyDistrictError/lengthMismatch(what:expected:got:)`` when the lengths differ;
    ///   ``WeeklyDistrictError/badSetting(_:)`` unless the truth is a whole number of weeks.
    public static func score(model: String, isBaseline: Bool = false, truth: [Double], predicted: [Double],
                             districts: Int) throws -> ForecastScore {
        guard predicted.count == truth.count else {
            throw WeeklyDistrictError.lengthMismatch(what: "\(model) predictions", expected: truth.count, got: predicted.count)
        }
        guard districts >= 1, !truth.isEmpty, truth.count % districts == 0 else {
            throw WeeklyDistrictError.badSetting("scoring needs a whole number of weeks of \(districts) districts, got \(truth.count) values")
        }
        var score = try ForecastScore(model: model, isBaseline: isBaseline, truth: truth, predicted: predicted)
        score.varianceRatio = Metrics.varianceRatio(truth, predicted)
        score.withinCellVarianceRatio = Metrics.withinCellVarianceRatio(truth, predicted, cells: districts)
        return score
    }
}
