import CrimeCore

/// Any tabular `Regressor` (CrimeCore) as a forecaster: it learns the count of a cell in a window from
/// features of the cell's counts before that window (``CountFeature``), and forecasts the windows after
/// the origin from the same features.
///
/// **Training.** One row per cell × target window w for the last ``trainingWindows`` windows of the
/// history (from the second window on, when the history is shorter), each built from windows before w
/// only, with the count in w as its target — the rows are built exactly as forecast rows are, one
/// window ahead. Rows are target-window-major, cells in ``ForecastHistory/cells`` order (see
/// ``trainingTable(_:)``).
///
/// **Forecast.** Recursive: the window at the origin is forecast from the history's features
/// (``forecastRows(_:)``); each later window from the history extended by the forecasts before it.
/// Predictions below 0 are clamped at 0 (and fed forward clamped). A span that starts after the origin
/// is reached through the windows in between.
///
/// **Short histories.** Features that reach before the history's first window are filled as
/// ``CountFeature`` documents (mostly with the cell's mean). When the first training window is less than
/// one seasonal period into the history, `lagSeason`, `seasonalMean` and `margins` hold the cell's mean
/// in every row, training and forecast alike: otherwise the model would learn them as a smooth mean and
/// read them at forecast time as one noisy past count. A history of one window has nothing to
/// learn from and throws ``ForecastError/badParameter(name:reason:)`` naming `history`.
///
/// ```swift
/// var method = RegressorForecaster(name: "ols-lags", model: OLS())   // any Regressor
/// try method.fit(history)
/// let expected = try method.forecast(try history.span(windows: 1))
/// ```
public struct RegressorForecaster<Model: Regressor & Sendable>: SpaceTimeForecaster {
    /// The method's short name.
    public var name: String
    /// The regressor; fitted by ``fit(_:)``.
    public private(set) var model: Model
    /// Target windows per cell in the training set: the last this many windows of the history (≥ 1).
    public var trainingWindows: Int
    /// Windows per season; nil takes ``NaiveBaseline/seasonPeriod(for:)`` of the history's windowing.
    public var seasonPeriod: Int?

    /// What ``fit(_:)`` kept; nil until fitted.
    private var fitted: FittedRegression?

    /// A forecaster named `name` around `model`, trained on the last `trainingWindows` windows
    /// (26 by default: half a year of weeks, almost four weeks of days).
    public init(name: String, model: Model, trainingWindows: Int = 26, seasonPeriod: Int? = nil) {
        self.name = name
        self.model = model
        self.trainingWindows = trainingWindows
        self.seasonPeriod = seasonPeriod
    }

    /// Builds the training table of `history` and fits the regressor to it.
    public mutating func fit(_ history: ForecastHistory) throws {
        let table = try trainingTable(history)
        try model.fit(table.matrix, targets: table.targets)
        fitted = FittedRegression(counts: history.counts, firstIndex: history.windows.firstIndex,
                                  period: try period(for: history.windowing), neighbours: history.cells.neighbours,
                                  seasonal: try readsSeasons(history),
                                  origin: history.origin, windowing: history.windowing, trainingRows: table.matrix.rows)
    }

    /// The training rows of `history`: features (columns named by ``CountFeature``) of every cell in
    /// each of the last ``trainingWindows`` windows, from the windows before it, and the counts as
    /// targets; window ordinals are columns of ``ForecastHistory/counts``.
    public func trainingTable(_ history: ForecastHistory) throws -> FeatureTable {
        guard trainingWindows >= 1 else {
            throw ForecastError.badParameter(name: "trainingWindows", reason: "must be at least 1, got \(trainingWindows)")
        }
        let n = history.windows.count
        guard n >= 2 else {
            throw ForecastError.badParameter(name: "history", reason: "has \(n) window; the features need at least 2 (one to read, one to learn)")
        }
        let targets = trainingTargets(windows: n)
        let series = CountFeatureSeries(history: history.counts, firstIndex: history.windows.firstIndex,
                                        period: try period(for: history.windowing), neighbours: history.cells.neighbours,
                                        seasonal: try readsSeasons(history), extra: 0)
        let cells = history.cells.count
        var counts = [Double](), cellOrdinals = [Int](), windowOrdinals = [Int]()
        for w in targets {
            for c in 0..<cells {
                counts.append(history.counts.values[c * n + w])
                cellOrdinals.append(c)
                windowOrdinals.append(w)
            }
        }
        return try FeatureTable(matrix: series.rows(targets: targets), columnNames: CountFeature.names, targets: counts,
                                cellOrdinals: cellOrdinals, windowOrdinals: windowOrdinals)
    }

    /// The features of every cell (one row each, in cell order) for the window that starts at the
    /// history's origin: what the first forecast step predicts from.
    public func forecastRows(_ history: ForecastHistory) throws -> Matrix {
        let series = CountFeatureSeries(history: history.counts, firstIndex: history.windows.firstIndex,
                                        period: try period(for: history.windowing), neighbours: history.cells.neighbours,
                                        seasonal: try readsSeasons(history), extra: 0)
        return series.rows(targets: history.windows.count..<(history.windows.count + 1))
    }

    /// Forecasts every window from the origin to the end of `span`, one after another, and returns
    /// the span's windows.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let fitted else { throw ForecastError.notFitted(name) }
        try ForecastHistory.check(span, origin: fitted.origin, windowing: fitted.windowing)
        let columns = fitted.counts.columns, cells = fitted.counts.rows
        let skipped = span.firstIndex - (fitted.firstIndex + columns)
        var series = CountFeatureSeries(history: fitted.counts, firstIndex: fitted.firstIndex, period: fitted.period,
                                        neighbours: fitted.neighbours, seasonal: fitted.seasonal, extra: skipped + span.count)
        var out = [Double](repeating: 0, count: cells * span.count)
        for step in 0..<(skipped + span.count) {
            let t = columns + step
            let predicted = try predictions(series.rows(targets: t..<(t + 1)))
            series.append(predicted)
            guard step >= skipped else { continue }
            for c in 0..<cells { out[c * span.count + step - skipped] = predicted[c] }
        }
        return Matrix(rows: cells, columns: span.count, values: out)
    }

    /// The training rows, the training windows and the seasonal period of the last fit.
    public var parameters: [String: Double] {
        guard let fitted else { return [:] }
        return ["training_rows": Double(fitted.trainingRows),
                "training_windows": Double(fitted.trainingRows / max(fitted.counts.rows, 1)),
                "features": Double(CountFeature.allCases.count),
                "season_period": Double(fitted.period)]
    }

    /// The regressor's predictions for `rows`, clamped at 0; throws when it returns the wrong number
    /// of values or a value that is not finite.
    private func predictions(_ rows: Matrix) throws -> [Double] {
        let predicted = try model.predict(rows)
        guard predicted.count == rows.rows else {
            throw ForecastError.badParameter(name: "model", reason: "returned \(predicted.count) predictions for \(rows.rows) rows")
        }
        if let bad = predicted.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError.badParameter(name: "model", reason: "predicted \(predicted[bad]) for cell \(bad), not a finite number")
        }
        return predicted.map { max($0, 0) }
    }

    /// The target windows of the training rows: the last ``trainingWindows`` of `n`, from the second on.
    private func trainingTargets(windows n: Int) -> Range<Int> { max(1, n - trainingWindows)..<n }

    /// Whether the features read earlier seasons: only when every training row has at least one, so that
    /// training and forecast rows mean the same thing.
    private func readsSeasons(_ history: ForecastHistory) throws -> Bool {
        trainingTargets(windows: history.windows.count).lowerBound >= (try period(for: history.windowing))
    }

    /// The seasonal period: ``seasonPeriod`` when set (≥ 1), else the windowing's.
    private func period(for windowing: TimeWindowing) throws -> Int {
        guard let seasonPeriod else { return NaiveBaseline.seasonPeriod(for: windowing) }
        guard seasonPeriod >= 1 else {
            throw ForecastError.badParameter(name: "seasonPeriod", reason: "must be at least 1, got \(seasonPeriod)")
        }
        return seasonPeriod
    }
}

/// What a fitted ``RegressorForecaster`` keeps besides its regressor.
private struct FittedRegression: Sendable {
    var counts: Matrix
    var firstIndex: Int
    var period: Int
    var neighbours: [[Int]]
    var seasonal: Bool
    var origin: Int64
    var windowing: TimeWindowing
    var trainingRows: Int
}
