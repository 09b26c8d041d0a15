import CrimeCore
import CrimeModels

extension WeeklyDistrictSeries {
    /// A CrimeCore `StandardScaler` fitted on the features of `weeks` only (the weeks before the first test
    /// week, so that no held-out week shapes the inputs).
    public func featureScaler(weeks: Range<Int>) throws -> StandardScaler {
        guard !weeks.isEmpty, weeks.lowerBound >= 0, weeks.upperBound <= weekCount else {
            throw WeeklyDistrictError.badSetting("feature scaling needs a non-empty range of weeks inside 0..<\(weekCount), got \(weeks)")
        }
        let f = featureCount
        var scaler = StandardScaler()
        try scaler.fit(Matrix(rows: weeks.count, columns: f, values: Array(features[(weeks.lowerBound * f)..<(weeks.upperBound * f)])))
        return scaler
    }

    /// The network inputs predicting `targetWeeks`, cut by CrimeCore's `SlidingWindowBuilder`: the sample for
    /// week `t` sees the images and the standardised features (`scaler`) of weeks `t − history ..< t`.
    /// Images are `[samples, history, 1, size, size]`, features `[samples, history, features]`.
    ///
    /// - Throws: ``WeeklyDistrictError/weekOutOfRange(week:weeks:)`` when a target week has fewer than
    ///   `history` weeks before it or lies more than one week past the series' end (the week after
    ///   the series has inputs but no target yet).
    public func inputs(history: Int, targetWeeks: [Int], scaler: StandardScaler) throws -> CNNLSTMInput {
        guard history >= 1 else { throw WeeklyDistrictError.badSetting("the history must be at least 1 week, got \(history)") }
        guard scaler.mean.count == featureCount else {
            throw WeeklyDistrictError.lengthMismatch(what: "feature scaling", expected: featureCount, got: scaler.mean.count)
        }
        for t in targetWeeks where t < history || t > weekCount {
            throw WeeklyDistrictError.weekOutOfRange(week: t, weeks: weekCount)
        }
        let windows = try SlidingWindowBuilder(history: history)
        let socio = try scaler.transform(Matrix(rows: weekCount, columns: featureCount, values: features))
        return CNNLSTMInput(images: try windows.inputs(try Tensor(shape: [weekCount, 1, imageSize, imageSize], values: images),
                                                       targets: targetWeeks),
                            socio: try windows.inputs(try Tensor(shape: [weekCount, featureCount], values: socio.values.map { Float($0) }),
                                                      targets: targetWeeks))
    }

    /// The counts of `weeks`, row-major `[week, district]`.
    public func counts(weeks: [Int]) throws -> [Double] {
        let d = districtCount
        var out = [Double]()
        out.reserveCapacity(weeks.count * d)
        for t in weeks {
            guard t >= 0, t < weekCount else { throw WeeklyDistrictError.weekOutOfRange(week: t, weeks: weekCount) }
            out.append(contentsOf: counts[(t * d)..<((t + 1) * d)])
        }
        return out
    }
}
