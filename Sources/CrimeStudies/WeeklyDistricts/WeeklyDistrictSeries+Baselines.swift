import CrimeForecast
import CrimeEval

extension WeeklyDistrictSeries {
    /// A naive rule's forecasts of `weeks` from the fixed block of weeks `history` (all before the
    /// first target week), row-major `[target week, district]`: for example each district's mean
    /// over the training weeks with `NaiveBaseline.Rule.historicalAverage`.
    ///
    /// - Throws: ``WeeklyDistrictError/badSetting(_:)`` unless `history` is a non-empty range of
    ///   weeks inside the series; a `MetricsError` for a target week not after `history`.
    public func forecast(_ rule: NaiveBaseline.Rule, history: Range<Int>, weeks: [Int]) throws -> [Double] {
        guard !history.isEmpty, history.lowerBound >= 0, history.upperBound <= weekCount else {
            throw WeeklyDistrictError.badSetting("a baseline's history needs a non-empty range of weeks inside 0..<\(weekCount), got \(history)")
        }
        let d = districtCount
        let counts = try CountHistory(cellCount: d, windows: Array(history),
                                      counts: (0..<d).flatMap { c in history.map { self.counts[$0 * d + c] } })
        let byDistrict = try rule.forecast(counts, windows: weeks)
        return weeks.indices.flatMap { k in (0..<d).map { byDistrict[$0 * weeks.count + k] } }
    }

    /// A naive rule's one-step-ahead forecasts, row-major `[target week, district]`: week t is
    /// forecast from weeks `0..<t`, so `NaiveBaseline.Rule.previousWindow` gives last week's count
    /// and `NaiveBaseline.Rule.seasonalNaive(period:)` with a period of 52 the same week last year.
    ///
    /// - Throws: ``WeeklyDistrictError/weekOutOfRange(week:weeks:)`` for a target week without a week
    ///   before it or more than one week past the series.
    public func oneStepForecasts(_ rule: NaiveBaseline.Rule, weeks: [Int]) throws -> [Double] {
        try weeks.flatMap { t -> [Double] in
            guard t >= 1 else { throw WeeklyDistrictError.weekOutOfRange(week: t - 1, weeks: weekCount) }
            guard t <= weekCount else { throw WeeklyDistrictError.weekOutOfRange(week: t, weeks: weekCount) }
            return try forecast(rule, history: 0..<t, weeks: [t])
        }
    }
}
