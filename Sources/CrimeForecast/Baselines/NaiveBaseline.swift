/// A naive forecast of counts per cell × window, made from the history before a forecast origin
/// only: the yardstick every model of a backtest or a study is shown beside.
///
/// A baseline is a ``Rule`` and the name a table prints for it, so one rule can appear under each
/// study's own name ("naive_last_window" in a backtest, "last week" in the weekly district study).
/// Every rule reads a ``CountHistory`` and forecasts each cell in each target window after it
/// (``Rule/forecast(_:windows:neighbors:)``):
///
/// ```swift
/// let history = try CountHistory(cellCount: 2, windows: [0, 1, 2], counts: [1, 2, 3, 10, 20, 30])
/// try NaiveBaseline.Rule.previousWindow.forecast(history, windows: [3, 4])   // [3, 3, 30, 30]
/// ```
public struct NaiveBaseline: Sendable, Equatable, Codable {
    /// How a naive baseline forecasts cell c in target window t.
    ///
    /// Where a cell lacks the history a rule needs (it was never observed), the forecast is the mean
    /// of every observed count of the history.
    public indirect enum Rule: Sendable, Hashable, Codable {
        /// The previous window: the cell's count in the latest window it was observed in, held for
        /// every target window.
        case previousWindow
        /// Seasonal naive: the cell's count one season earlier, window `t − period` (the same window
        /// last week or last year; `t − 2·period`, … for a target more than a season past the
        /// history's end). Where the history does not reach back to that window, or the cell was not
        /// observed in it, the previous window.
        case seasonalNaive(period: Int)
        /// The mean of the cell's counts in the windows of the target's season (ordinal modulo
        /// `period`: weekday for daily windows and a period of 7); the cell's historical average
        /// where the history has no window of that season.
        case seasonalMean(period: Int)
        /// The historical average: the cell's mean count over the history.
        case historicalAverage
        /// The margins model, cell total × season share: with N_c the cell's total, N_s the total of
        /// the target's season (ordinal modulo `period`) over all cells, N the grand total and n_s the
        /// number of history windows of that season, the forecast is N_c · N_s / N / n_s (0 when
        /// N = 0) — the expectation of the cell × season table's margins, per window. The cell's
        /// historical average where the history has no window of that season.
        case margins(period: Int)
        /// Spatial smoothing: the mean of another rule's forecast over the cell and its neighbours,
        /// counting only cells the inner rule has a forecast for (cells with history).
        case neighborhoodMean(of: Rule)
    }

    /// The name printed in score tables.
    public var name: String
    /// How it forecasts.
    public var rule: Rule

    /// What ``fit(_:)`` kept; nil until fitted.
    var fitted: FittedBaseline?

    /// A baseline printed as `name` that forecasts by `rule`.
    public init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case name, rule }
}

extension NaiveBaseline.Rule {
    /// Expected counts of every cell in each target window, cell-major:
    /// `result[c * windows.count + j]` forecasts cell c in window `windows[j]`.
    ///
    /// Every target must lie after the history's last window, so nothing after the origin is read.
    /// `neighbors[c]` lists the cells next to cell c, for ``neighborhoodMean(of:)``: cells past the
    /// end of the list have no neighbours, and neighbours outside the history's cells have no
    /// forecast to add. Throws for a period below 1 or a target that does not follow the history.
    public func forecast(_ history: CountHistory, windows targets: [Int], neighbors: [[Int]]? = nil) throws -> [Double] {
        let last = history.windows[history.windows.count - 1]
        if let early = targets.first(where: { $0 <= last }) {
            throw ForecastError.badParameter(name: "target windows", reason: "window \(early) does not follow the history's last window \(last)")
        }
        let evaluator = BaselineEvaluator(history: history, targets: targets, neighbors: neighbors)
        let fallback = evaluator.overallMean()
        return try evaluator.forecasts(self).map { $0 ?? fallback }
    }
}
