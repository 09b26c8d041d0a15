import CrimeCore
import CrimeForecast

/// Rolling-origin evaluation of regressors beside naive baselines.
///
/// For each origin, every model is made afresh, fitted on the rows of the training windows (all
/// windows before the origin, or the latest `maximumTrainingWindows` of them) and asked to forecast
/// the rows of the next `horizon` windows; then the origin moves on by `step` windows. Rows are
/// forecast from their own feature rows, so with lag features and `horizon` > 1 each later window
/// still sees observed lags (a one-step-ahead forecast per window, as the feature table defines it).
public enum Backtest {
    /// The naive baselines every backtest reports beside its models, each forecasting from the
    /// training rows of the fold only: `naive_last_window` (the cell's latest training window, held
    /// for every window of the horizon), `naive_seasonal_mean` (the mean of the cell's training
    /// windows of the same season, window ordinal modulo `seasonPeriod`) and `naive_spatial_mean`
    /// (the mean of the training means of the cell and its neighbours that have history).
    public static func baselines(seasonPeriod: Int) -> [NaiveBaseline] {
        [NaiveBaseline(name: "naive_last_window", rule: .previousWindow),
         NaiveBaseline(name: "naive_seasonal_mean", rule: .seasonalMean(period: seasonPeriod)),
         NaiveBaseline(name: "naive_spatial_mean", rule: .neighborhoodMean(of: .historicalAverage))]
    }

    /// Runs the backtest over the rolling origins of
    /// CrimeCore's `TemporalSplit.rollingOrigins(windows:initialWindows:horizon:step:maximumTrainingWindows:)`
    /// on the data's distinct windows: the first origin is the window at position `initialWindows`,
    /// each fold forecasts `horizon` windows, the origin moves on by `step` (default: `horizon`), and
    /// training keeps the latest `maximumTrainingWindows` windows (nil: all the past).
    /// `neighbors[c]` lists the cell ordinals next to cell c (for the spatial baseline;
    /// CrimeCore's `SpaceTimeCube.neighbors(from:)` gives it for a cube).
    ///
    /// Throws when a count is below 1 or there are no distinct windows left to forecast, when a
    /// model's fit or predict throws, when a model returns the wrong number of forecasts, or when a
    /// name repeats.
    public static func run(data: BacktestData, models: [BacktestModel], initialWindows: Int, horizon: Int = 1,
                           step: Int? = nil, maximumTrainingWindows: Int? = nil,
                           neighbors: [[Int]]? = nil) throws -> BacktestResult {
        let splits: [TemporalSplit]
        do {
            splits = try TemporalSplit.rollingOrigins(windows: data.windows, initialWindows: initialWindows, horizon: horizon,
                                                      step: step, maximumTrainingWindows: maximumTrainingWindows)
        } catch let error as TemporalSplitError {
            throw MetricsError.badParameter(name: "rolling origin", reason: error.description)
        }
        let baselines = Self.baselines(seasonPeriod: data.seasonPeriod)
        let names = baselines.map(\.name) + models.map(\.name)
        guard Set(names).count == names.count else {
            throw MetricsError.badParameter(name: "model names", reason: "names must be unique and differ from the baselines' (\(names.joined(separator: ", ")))")
        }
        var rowsByWindow = [Int: [Int]]()
        for (r, w) in data.windows.enumerated() { rowsByWindow[w, default: []].append(r) }
        let cellCount = (data.cells.max() ?? 0) + 1

        var folds = [BacktestFold]()
        var scores = [ForecastScore]()
        var testRows = [Int]()
        var predictions = [String: [Double]]()
        for split in splits {
            let train = split.train.flatMap { rowsByWindow[$0] ?? [] }
            let test = split.test.flatMap { rowsByWindow[$0] ?? [] }
            let fold = BacktestFold(index: folds.count, trainWindows: (split.train.first ?? 0)...(split.train.last ?? 0),
                                    testWindows: (split.test.first ?? 0)...(split.test.last ?? 0),
                                    trainRows: train.count, testRows: test.count)
            folds.append(fold)
            let truth = test.map { data.targets[$0] }
            let history = try CountHistory(cellCount: cellCount, cells: train.map { data.cells[$0] },
                                           windows: train.map { data.windows[$0] }, counts: train.map { data.targets[$0] })
            let targets = split.test
            let column = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1, $0) })
            var forecasts = [(String, [Double])]()
            for b in baselines {
                let table = try b.rule.forecast(history, windows: targets, neighbors: neighbors)
                forecasts.append((b.name, test.map { table[data.cells[$0] * targets.count + (column[data.windows[$0]] ?? 0)] }))
            }
            let trainX = try data.features.selectingRows(train), testX = try data.features.selectingRows(test)
            let trainY = train.map { data.targets[$0] }
            for model in models {
                var regressor = try model.make()
                try regressor.fit(trainX, targets: trainY)
                let p = try regressor.predict(testX)
                guard p.count == test.count else {
                    throw MetricsError.lengthMismatch(what: "forecasts of model \(model.name) in fold \(fold.index)", expected: test.count, got: p.count)
                }
                try MetricsCheck.finite(p, "forecasts of model \(model.name) in fold \(fold.index)")
                forecasts.append((model.name, p))
            }
            for (k, (name, p)) in forecasts.enumerated() {
                scores.append(try ForecastScore(model: name, isBaseline: k < baselines.count, fold: fold.index, truth: truth, predicted: p))
                predictions[name, default: []].append(contentsOf: p)
            }
            testRows += test
        }
        let truth = testRows.map { data.targets[$0] }
        let summary = try names.enumerated().map { k, name in
            try ForecastScore(model: name, isBaseline: k < baselines.count, truth: truth, predicted: predictions[name] ?? [])
        }
        return BacktestResult(folds: folds, scores: scores, summary: summary, testRows: testRows, predictions: predictions)
    }
}
