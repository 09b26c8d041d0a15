import CrimeCore

/// The naive baselines are forecasters: fitted on a ``ForecastHistory`` they keep its counts as a
/// ``CountHistory`` (window ordinals are the windowing's own indices, so seasons line up with the
/// calendar) and the cells' neighbours, and forecast each window of a span after the origin by their
/// rule. The seasonal period follows the windowing (``seasonPeriod(for:)``).
extension NaiveBaseline: SpaceTimeForecaster {
    /// The four baselines of the command line: `previous` (the last window), `seasonal` (the same
    /// window one season earlier), `historical` (the cell's mean) and `margins` (cell total × season
    /// share), with the seasonal period of `windowing`.
    public static func forecasters(for windowing: TimeWindowing) -> [NaiveBaseline] {
        let period = seasonPeriod(for: windowing)
        return [NaiveBaseline(name: "previous", rule: .previousWindow),
                NaiveBaseline(name: "seasonal", rule: .seasonalNaive(period: period)),
                NaiveBaseline(name: "historical", rule: .historicalAverage),
                NaiveBaseline(name: "margins", rule: .margins(period: period))]
    }

    /// Windows in a season: 7 for days (the same weekday last week), 14 for 12-hour windows (the same
    /// half of the same weekday), 168 for hours, 52 for weeks (the same week last year).
    public static func seasonPeriod(for windowing: TimeWindowing) -> Int {
        guard case let .sequential(frequency) = windowing.kind else { return 1 }
        switch frequency {
        case .hourly: return 168
        case .halfDay: return 14
        case .daily: return 7
        case .weekly: return 52
        }
    }

    /// Keeps the history's counts and neighbours.
    public mutating func fit(_ history: ForecastHistory) throws {
        let first = history.windows.firstIndex
        fitted = FittedBaseline(
            history: try CountHistory(cellCount: history.cells.count, windows: (0..<history.windows.count).map { first + $0 },
                                      counts: history.counts.values),
            neighbors: history.cells.neighbours, origin: history.origin, windowing: history.windowing)
    }

    /// The rule's forecast for every cell in every window of `span`.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let fitted else { throw ForecastError.notFitted(name) }
        try ForecastHistory.check(span, origin: fitted.origin, windowing: fitted.windowing)
        let targets = (0..<span.count).map { span.firstIndex + $0 }
        let values = try rule.forecast(fitted.history, windows: targets, neighbors: fitted.neighbors)
        return Matrix(rows: fitted.history.cellCount, columns: targets.count, values: values)
    }
}

/// What a fitted baseline keeps.
struct FittedBaseline: Sendable, Equatable {
    var history: CountHistory
    var neighbors: [[Int]]
    var origin: Int64
    var windowing: TimeWindowing
}
