import CrimeEval
/// Naive forecasts of next week's count per district, row-major `[target week, district]`.
public enum WeeklyBaselines {
    /// Same week last year (`t − season`) where the series reaches back that far, else last week (`t − 1`).
    public static func seasonalNaive(_ series: WeeklyDistrictSeries, weeks: [Int], season: Int = 52) throws -> [Double] {
        try series.counts(weeks: try weeks.map { t in
            guard t >= 1 else { throw WeeklyDistrictError.weekOutOfRange(week: t - 1, weeks: series.weekCount) }
            return t >= season ? t - season : t - 1
        })
    }

    /// Last week's count (`t − 1`).
    public static func lastWeek(_ series: WeeklyDistrictSeries, weeks: [Int]) throws -> [Double] {
        try series.counts(weeks: weeks.map { $0 - 1 })
    }

    /// Each district's mean count over `trainingWeeks`, repeated for every target week.
    public static func districtMean(_ series: WeeklyDistrictSeries, trainingWeeks: Range<Int>, weeks: [Int]) throws -> [Double] {
        let means = try districtMeans(series, weeks: trainingWeeks)
        return weeks.flatMap { _ in means }
    }

    /// Each district's mean count over `weeks`.
    public static func districtMeans(_ series: WeeklyDistrictSeries, weeks: Range<Int>) throws -> [Double] {
        guard !weeks.isEmpty, weeks.lowerBound >= 0, weeks.upperBound <= series.weekCount else {
            throw WeeklyDistrictError.badSetting("district means need a non-empty range of weeks inside 0..<\(series.weekCount), got \(weeks)")
        }
        let d = series.districtCount
        var means = [Double](repeating: 0, count: d)
        for w in weeks { for c in 0..<d { means[c] += series.counts[w * d + c] } }
        return means.map { $0 / Double(weeks.count) }
    }
}
